// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { StrictMode } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ROOT } from '../../test/support/scenario-files.ts';
import { App } from '../app/app.tsx';
import { loadScenario, loadScenarioValue } from '../engine/load-scenario.ts';
import type { Scenario } from '../engine/scenario.types.ts';
import { fakeChoice, fakeEnding, fakeScenario, fakeScene } from '../test-util/fakes.ts';
import { i18next, loadLanguage } from '../ui/i18n.ts';
import { toLibraryEntry } from '../ui/library-entry.ts';
import { SHIPPED_ORGANISATION } from '../ui/organisation.tsx';
import { GuidePage } from './guide-page.tsx';
import { supportSections } from './support-sections.ts';

// The Spanish strings, fetched as the app fetches them when Spanish is chosen.
beforeAll(() => loadLanguage('es'));

const HOSTILE = '<img src=x onerror="alert(1)">';
const scenario: Scenario = fakeScenario({
  meta: { ...fakeScenario().meta, title: 'On the stairs' },
  states: {
    start: fakeScene({
      meta: {
        narrative: [`Someone blocks the stairs. ${HOSTILE}`],
        prompt: 'What do you do?',
        stage: 'interpret',
        discussion: ['What made you unsure?'],
        facilitatorNotes: 'People often read her silence as agreement.',
      },
      on: {
        ASK: fakeChoice({ target: 'next', meta: { label: `Ask her. ${HOSTILE}`, tactics: { speakUp: 2 } } }),
      },
    }),
    next: fakeScene({ on: { GO: fakeChoice({ target: 'end', meta: { label: 'Walk her out.' } }) } }),
    end: fakeEnding('good'),
  },
});

async function expectNoAxeViolations(container: HTMLElement) {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

beforeEach(() => i18next.changeLanguage('en'));
afterEach(() => {
  cleanup();
  window.location.hash = '';
  vi.restoreAllMocks();
});

describe.each([false, true])('the facilitator guide page (StrictMode: %s)', (strict) => {
  const show = (node: React.ReactNode) => render(strict ? <StrictMode>{node}</StrictMode> : node);

  it('lays out every scene with its stage, choices, tactics, prompts and notes, then the endings and support', async () => {
    const { container } = show(<GuidePage scenario={scenario} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Facilitator guide: On the stairs' })).toBeTruthy();
    const first = screen.getByRole('region', { name: 'Scene 1 · Seeing it as a problem' });
    expect(within(first).getByText(`Ask her. ${HOSTILE}`)).toBeTruthy();
    expect(within(first).getByText(/Speak up 2/)).toBeTruthy();
    expect(within(first).getByText('Leads to: scene 2')).toBeTruthy();
    expect(within(first).getByText('What made you unsure?')).toBeTruthy();
    // Each scene's notes are named with the scene, so a list of landmarks tells them apart.
    const notes = within(first).getByRole('complementary', {
      name: 'Facilitator notes Scene 1 · Seeing it as a problem',
    });
    expect(notes.textContent).toContain('People often read her silence as agreement.');
    expect(screen.getByRole('region', { name: 'Scene 2 · Acting' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Ending 1: A good ending' })).toBeTruthy();
    for (const section of supportSections(SHIPPED_ORGANISATION))
      expect(screen.getByRole('heading', { name: (section.title as Record<string, string>).en })).toBeTruthy();
    expect(container.querySelectorAll('img, [onerror]').length).toBe(0);
    await expectNoAxeViolations(container);
  });

  it('says in plain words when a choice is offered and what it changes in the story', () => {
    const guarded: Scenario = fakeScenario({
      states: {
        start: fakeScene({
          on: {
            ASK: fakeChoice({
              target: 'end',
              actions: [
                { type: 'add', params: { var: 'trust', by: 1 } },
                { type: 'add', params: { var: 'trust', by: -2 } },
              ],
              meta: { label: 'Ask her.' },
            }),
            WAIT: fakeChoice({
              target: 'end',
              guard: { type: 'atMost', params: { var: 'trust', value: 5 } },
              meta: { label: 'Wait.' },
            }),
          },
        }),
        end: fakeEnding('good'),
      },
    });
    show(<GuidePage scenario={guarded} />);
    expect(screen.getByText('Changes the story: add 1 to trust, take 2 from trust.')).toBeTruthy();
    expect(screen.getByText('Offered only if trust is at most 5.')).toBeTruthy();
  });

  it("sets an Arabic scenario's own text right to left, in its language, inside an English interface", () => {
    const file = 'test/fixtures/rtl/arabic-lift.json';
    const loaded = loadScenario(readFileSync(`${ROOT}/${file}`, 'utf8'), file);
    if (!loaded.ok) throw new Error('the fixture loads');
    const { container } = show(<GuidePage scenario={loaded.scenario} />);
    const narrative = container.querySelector('.guide-scene p:not(.guide-facts)');
    expect(narrative?.getAttribute('lang')).toBe('ar');
    expect(narrative?.getAttribute('dir')).toBe('rtl');
    // The interface's own words stay left to right.
    expect(screen.getByRole('heading', { level: 1 }).closest('[dir="rtl"]')).toBeNull();
  });

  it('times the session along one path: the timing table adds up to its total, however many scenes branch', () => {
    // Two branches after the first scene: the room plays one of them, never both.
    const scene = (target: string) =>
      fakeScene({
        meta: { narrative: ['Someone blocks the stairs.'], discussion: ['What made you unsure?'] },
        on: { GO: fakeChoice({ target }) },
      });
    const branched: Scenario = fakeScenario({
      states: {
        start: fakeScene({
          meta: { narrative: ['Someone blocks the stairs.'], discussion: ['What made you unsure?'] },
          on: { LEFT: fakeChoice({ target: 'left' }), RIGHT: fakeChoice({ target: 'right' }) },
        }),
        left: scene('end'),
        right: scene('end'),
        end: fakeEnding('good'),
      },
    });
    show(<GuidePage scenario={branched} />);
    const table = within(screen.getByRole('region', { name: 'Suggested timings' })).getByRole('table');
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [
        within(row).getByRole('rowheader').textContent,
        Number(within(row).getByRole('cell').textContent),
      ]);
    expect(rows.map(([name]) => name)).toEqual([
      'Welcome, content note, how to vote',
      'Scenes, along the longest path',
      'Group debrief, #IWill wall and support',
      'Total, about',
    ]);
    const parts = rows.slice(0, -1).reduce((sum, [, minutes]) => sum + Number(minutes), 0);
    expect(rows.at(-1)?.[1]).toBe(parts);
    // Each scene's own time is with the scene; the three together are more than the one path played.
    const perScene = screen
      .getAllByText(/^about \d+ minutes?$/)
      .map((p) => Number(/\d+/.exec(p.textContent ?? '')?.[0]));
    expect(perScene).toHaveLength(3);
    expect(perScene.reduce((a, b) => a + b, 0)).toBeGreaterThan(Number(rows[1][1]));
  });

  it('prints from a button that is itself left off the page', () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    show(<GuidePage scenario={scenario} />);
    const button = screen.getByRole('button', { name: 'Print or save as PDF' });
    fireEvent.click(button);
    expect(print).toHaveBeenCalledOnce();
    expect(button.closest('.no-print')).toBeTruthy();
  });

  it('follows the interface language', () => {
    i18next.changeLanguage('es');
    show(<GuidePage scenario={scenario} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Guía para facilitar: On the stairs' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Escena 1 · Reconocerlo como un problema' })).toBeTruthy();
  });
});

describe('the route to the guide', () => {
  it('is linked from the library beside “Run with a group”, and loads on demand', async () => {
    const entries = [toLibraryEntry('scenarios/fake.json', loadScenarioValue(scenario, 'scenarios/fake.json'))];
    const { container } = render(<App entries={entries} loaders={{ fake: async () => ({ scenario }) }} />);
    const card = screen.getByRole('article', { name: 'On the stairs' });
    expect(within(card).getByRole('link', { name: 'Run with a group: On the stairs' })).toBeTruthy();
    const link = within(card).getByRole('link', { name: 'Facilitator guide: On the stairs' });
    await act(async () => fireEvent.click(link));
    expect(window.location.hash).toBe('#/guide/fake');
    const heading = await screen.findByRole(
      'heading',
      { level: 1, name: 'Facilitator guide: On the stairs' },
      { timeout: 15_000 },
    );
    expect(heading).toBeTruthy();
    await expectNoAxeViolations(container);
  });
});
