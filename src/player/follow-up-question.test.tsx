// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import axe from 'axe-core';
import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORE_PREFIX } from '../ui/local-store.ts';
import { FollowUpQuestion } from './follow-up-question.tsx';
import { readFollowUps } from './follow-up-store.ts';

async function expectNoAxeViolations(container: HTMLElement) {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe.each([false, true])('the follow-up question (StrictMode: %s)', (strict) => {
  const show = () => {
    const tree = <FollowUpQuestion boosterId="booster-a" />;
    return render(strict ? <StrictMode>{tree}</StrictMode> : tree);
  };

  it('keeps an answer on this device and shows it back among the earlier answers', async () => {
    const { container } = show();
    await expectNoAxeViolations(container);
    const save = screen.getByRole('button', { name: 'Save my answer' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: 'Not yet' }));
    fireEvent.change(screen.getByLabelText('What happened? (optional)'), { target: { value: '  Nothing so far.  ' } });
    fireEvent.click(save);
    expect(screen.getByRole('status').textContent).toBe('Saved on this device. Thank you.');
    expect(readFollowUps()).toEqual([
      {
        boosterId: 'booster-a',
        acted: 'notYet',
        text: 'Nothing so far.',
        date: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
      },
    ]);
    expect(screen.getByRole('listitem').textContent).toMatch(/Not yet — Nothing so far\.$/);
    await expectNoAxeViolations(container);
  });

  it('can be skipped, storing nothing', () => {
    show();
    fireEvent.click(screen.getByRole('button', { name: 'Skip' }));
    expect(screen.queryByRole('heading', { name: 'Since your commitment' })).toBeNull();
    expect(readFollowUps()).toEqual([]);
  });

  it('asks afresh when the stored answers are corrupt, and saving replaces them', () => {
    localStorage.setItem(`${STORE_PREFIX}followups`, '[{"acted":"maybe"}]');
    show();
    expect(screen.queryByRole('heading', { name: 'Your earlier answers' })).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: 'Yes' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save my answer' }));
    expect(readFollowUps().map((a) => a.acted)).toEqual(['yes']);
  });
});
