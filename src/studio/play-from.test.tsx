// @vitest-environment jsdom
import './studio-strings.ts';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Scenario } from '../engine/scenario.types.ts';
import { FROM_THE_BEGINNING, PlayFrom, playStartRun } from './play-from.tsx';
import { templateText } from './template.ts';

afterEach(cleanup);

/** The New scenario, with a variable that holds words beside its number. */
const scenario = (): Scenario => {
  const s = JSON.parse(templateText());
  s.context = { ...s.context, mood: 'calm', seen: false };
  return s;
};
const startAt = (typed: Record<string, string>) => playStartRun(scenario(), { scene: 'kitchen', typed });
const context = (typed: Record<string, string>) => {
  const started = startAt(typed);
  if (!started.ok) throw new Error(started.error);
  return started.run?.snapshot.context;
};

describe('starting the preview at a scene', () => {
  it('reads each typed value as its variable’s kind: "5" and "true" are words for a variable of words', () => {
    expect(context({ mood: '5' })).toMatchObject({ mood: '5' });
    expect(context({ mood: 'true' })).toMatchObject({ mood: 'true' });
    expect(context({ trust: ' 2 ', seen: 'true' })).toMatchObject({ trust: 2, seen: true });
  });

  it('refuses in words what is not of its kind, an empty word included', () => {
    expect(startAt({ mood: '' })).toEqual({ ok: false, error: '"mood" holds words: type some.' });
    expect(startAt({ trust: 'two' })).toEqual({ ok: false, error: '"trust" is a number: type one, such as 0.' });
    expect(startAt({ seen: 'yes' })).toEqual({ ok: false, error: '"seen" is true or false: type one of them.' });
    // A number as people write one: not JavaScript's other notations.
    for (const typed of ['1e2', '0x10', '2,5'])
      expect(startAt({ trust: typed })).toEqual({ ok: false, error: '"trust" is a number: type one, such as 0.' });
    expect(context({ trust: '-1.5' })).toMatchObject({ trust: -1.5 });
  });

  it('says a value is of the wrong kind beside its field as it is typed, before Play', () => {
    const s = scenario();
    let start = { scene: 'kitchen', typed: { trust: 'two', mood: '5' } as Record<string, string> };
    render(
      <PlayFrom scenario={s} start={start} onChange={(next) => (start = { ...next, typed: { ...next.typed } })} />,
    );
    const trust = screen.getByRole('textbox', { name: 'trust' });
    expect(trust.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('"trust" is a number: type one, such as 0.')).toBeTruthy();
    // Words are words, whatever they look like.
    expect(screen.getByRole('textbox', { name: 'mood' }).getAttribute('aria-invalid')).toBeNull();
  });

  it('says so when the scene picked is gone, and starts at the beginning', () => {
    const s = scenario();
    const picked = { ...FROM_THE_BEGINNING, scene: 'hallway' };
    expect(playStartRun(s, picked)).toEqual({ ok: true, run: undefined });
    render(<PlayFrom scenario={s} start={picked} onChange={() => {}} />);
    expect(screen.getByRole('status').textContent).toMatch(/“hallway” is no longer a scene to start at/);
    expect((screen.getByRole('combobox', { name: 'Start at' }) as HTMLSelectElement).value).toBe('');
  });
});
