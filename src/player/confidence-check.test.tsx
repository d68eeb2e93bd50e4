// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import axe from 'axe-core';
import { StrictMode } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONFIDENCE_ITEMS } from '../engine/confidence.ts';
import { i18next, loadLanguage } from '../ui/i18n.ts';
import { STORE_PREFIX } from '../ui/local-store.ts';
import { ConfidenceCheck } from './confidence-check.tsx';
import { readConfidence } from './confidence-store.ts';

// The Spanish strings, fetched as the app fetches them when Spanish is chosen.
beforeAll(() => loadLanguage('es'));

async function expectNoAxeViolations(container: HTMLElement) {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

const slider = (name: RegExp) => screen.getByRole('slider', { name }) as HTMLInputElement;
const speakUp = /Say calmly, to the person doing it/;
const notice = /Notice when a remark/;

beforeEach(() => {
  localStorage.clear();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2026, 2, 2, 9, 0));
});
afterEach(async () => {
  cleanup();
  vi.useRealTimers();
  await i18next.changeLanguage('en');
});

describe.each([false, true])('confidence to act (StrictMode: %s)', (strict) => {
  const show = (moment: 'before' | 'after') => {
    const tree = <ConfidenceCheck moment={moment} />;
    return render(strict ? <StrictMode>{tree}</StrictMode> : tree);
  };

  it('asks before the first scenario with a labelled 0–100 slider per item, and keeps the answers on this device', async () => {
    const { container } = show('before');
    await expectNoAxeViolations(container);
    expect(screen.getAllByRole('slider')).toHaveLength(CONFIDENCE_ITEMS.length);
    expect(slider(speakUp).value).toBe('50');
    expect(slider(speakUp).getAttribute('aria-valuetext')).toBe('50 out of 100');
    fireEvent.change(slider(speakUp), { target: { value: '20' } });
    expect(slider(speakUp).getAttribute('aria-valuetext')).toBe('20 out of 100');
    expect(container.querySelectorAll('output')[3]?.textContent).toBe('20');
    fireEvent.click(screen.getByRole('button', { name: 'Save my answers' }));
    expect(screen.getByRole('status').textContent).toMatch(/^Saved on this device\. After a debrief/);
    expect(screen.queryByRole('slider')).toBeNull();
    expect(document.activeElement?.textContent).toBe('Before you start: how sure are you?');
    expect(readConfidence().before?.ratings).toMatchObject({ speakUp: 20, notice: 50 });
    await expectNoAxeViolations(container);
  });

  it('after a debrief, asks again, then shows each change in words and numbers, and clears on request', async () => {
    show('before');
    fireEvent.change(slider(speakUp), { target: { value: '20' } });
    fireEvent.change(slider(notice), { target: { value: '70' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save my answers' }));
    cleanup();
    localStorage.setItem(`${STORE_PREFIX}progress:some-scenario`, '{}');
    vi.setSystemTime(new Date(2026, 2, 2, 9, 20));

    const { container } = show('after');
    expect(screen.getByRole('heading', { name: 'How sure are you now?' })).toBeTruthy();
    fireEvent.change(slider(speakUp), { target: { value: '75' } });
    fireEvent.change(slider(notice), { target: { value: '60' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save my answers' }));
    const lines = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(lines).toContain('Speak up: 20 before, 75 now (up 55)');
    expect(lines).toContain('Notice: 70 before, 60 now (down 10)');
    expect(lines).toContain('Document: 50 before, 50 now (no change)');
    await expectNoAxeViolations(container);
    cleanup();

    // The same day: not asked again, but the change is still there to see.
    vi.setSystemTime(new Date(2026, 2, 2, 18, 0));
    show('after');
    expect(screen.queryByRole('slider')).toBeNull();
    expect(screen.getAllByRole('listitem')).toHaveLength(CONFIDENCE_ITEMS.length);
    fireEvent.click(screen.getByRole('button', { name: 'Clear my answers' }));
    expect(screen.getByRole('status').textContent).toBe('Your answers are cleared from this device.');
    expect(localStorage.getItem(`${STORE_PREFIX}confidence`)).toBeNull();
    expect(screen.queryByRole('listitem')).toBeNull();
  });

  it('can be skipped, asking nothing before a scenario again and storing no answers', () => {
    show('before');
    fireEvent.click(screen.getByRole('button', { name: 'Skip' }));
    expect(screen.getByRole('status').textContent).toBe('Skipped. You will not be asked this again.');
    expect(readConfidence()).toEqual({ beforeSkipped: true });
    cleanup();
    const { container } = show('before');
    expect(container.textContent).toBe('');
  });

  it('does not ask before once a scenario has been played on this device, nor after with nothing to compare', () => {
    localStorage.setItem(`${STORE_PREFIX}progress:some-scenario`, '{}');
    expect(show('before').container.textContent).toBe('');
    cleanup();
    expect(show('after').container.textContent).toBe('');
  });

  it('asks afresh when the stored answers are unreadable', () => {
    localStorage.setItem(`${STORE_PREFIX}confidence`, '{"before":{"at":"x","ratings":{"notice":500}}}');
    show('before');
    fireEvent.click(screen.getByRole('button', { name: 'Save my answers' }));
    expect(readConfidence().before?.ratings.notice).toBe(50);
  });
});

describe('in Spanish', () => {
  it('asks the items and says the change in Spanish', async () => {
    await i18next.changeLanguage('es');
    localStorage.setItem(
      `${STORE_PREFIX}confidence`,
      JSON.stringify({ before: { at: '2026-03-01T09:00:00.000Z', ratings: { speakUp: 20 } } }),
    );
    render(<ConfidenceCheck moment="after" />);
    expect(screen.getByRole('heading', { name: '¿Qué seguridad tienes ahora?' })).toBeTruthy();
    const slider = screen.getByRole('slider', { name: /Decir con calma, a quien lo hace/ }) as HTMLInputElement;
    expect(slider.getAttribute('aria-valuetext')).toBe('50 de 100');
    fireEvent.change(slider, { target: { value: '45' } });
    fireEvent.click(screen.getByRole('button', { name: 'Guardar mis respuestas' }));
    expect(screen.getByRole('listitem').textContent).toBe('Hablar claro: 20 antes, 45 ahora (sube 25)');
    expect(screen.getByRole('button', { name: 'Borrar mis respuestas' })).toBeTruthy();
  });
});
