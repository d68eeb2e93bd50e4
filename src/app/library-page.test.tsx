// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadRealScenario } from '../../test/support/scenario-files.ts';
import { loadScenarioValue } from '../engine/load-scenario.ts';
import { fakeScenario } from '../test-util/fakes.ts';
import { i18next, loadLanguage } from '../ui/i18n.ts';
import { toLibraryEntry } from '../ui/library-entry.ts';
import { LibraryPage } from './library-page.tsx';

// The Spanish strings, fetched as the app fetches them when Spanish is chosen.
beforeAll(() => loadLanguage('es'));

afterEach(cleanup);
beforeEach(() => localStorage.clear());

const entry = (file: string, value: unknown) => toLibraryEntry(file, loadScenarioValue(value, file));
const { scenario } = loadRealScenario('hand-on-the-back');
const onTheTrain = fakeScenario({
  id: 'on-the-train',
  meta: { ...fakeScenario().meta, title: 'On the train', setting: 'transit' },
});
const entries = [
  entry('scenarios/hand-on-the-back.json', scenario),
  entry('scenarios/on-the-train.json', onTheTrain),
  entry('scenarios/broken.json', { id: 'broken', initial: 'start', meta: { format: 1 }, states: {} }),
];

describe('the library page', () => {
  it('describes each scenario with a link: title, setting, minutes, status, content note, tactics', () => {
    render(<LibraryPage entries={entries} />);
    const card = screen.getByRole('article', { name: 'The hand on the back' });
    expect(within(card).getByRole('link', { name: 'The hand on the back' }).getAttribute('href')).toBe(
      '/play/hand-on-the-back',
    );
    expect(within(card).getByText(/Workplace · about 6 minutes · Not started/)).toBeTruthy();
    expect(within(card).getByText(/Unwanted touching of a junior employee/)).toBeTruthy();
    expect(within(card).getByText(/Practises: .*Bring others in.*Step forward.*Speak up/)).toBeTruthy();
  });

  it('shows whether the learner has started or finished a scenario', () => {
    localStorage.setItem('upstander:v1:progress:hand-on-the-back', JSON.stringify({ run: {}, phase: 'scene' }));
    localStorage.setItem('upstander:v1:progress:on-the-train', JSON.stringify({ run: {}, phase: 'debrief' }));
    render(<LibraryPage entries={entries} />);
    expect(
      within(screen.getByRole('article', { name: 'The hand on the back' })).getByText(/· In progress$/),
    ).toBeTruthy();
    expect(within(screen.getByRole('article', { name: 'On the train' })).getByText(/· Finished$/)).toBeTruthy();
  });

  it('shows a scenario skipped at its content note as skipped, not finished', () => {
    localStorage.setItem('upstander:v1:progress:on-the-train', JSON.stringify({ run: {}, phase: 'skipped' }));
    render(<LibraryPage entries={entries} />);
    const card = screen.getByRole('article', { name: 'On the train' });
    expect(within(card).getByText(/· Skipped$/)).toBeTruthy();
    expect(within(card).queryByText(/Finished/)).toBeNull();
  });

  it('filters by setting', () => {
    render(<LibraryPage entries={entries} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Setting' }), { target: { value: 'transit' } });
    expect(screen.queryByRole('article', { name: 'The hand on the back' })).toBeNull();
    expect(screen.getByRole('article', { name: 'On the train' })).toBeTruthy();
  });

  it('shows a broken file with its problems, never a blank page', () => {
    render(<LibraryPage entries={entries} />);
    const card = screen.getByRole('article', { name: 'scenarios/broken.json cannot be played' });
    expect(within(card).getAllByRole('listitem').length).toBeGreaterThan(0);
  });

  it('renders scenario text as text, never as HTML', () => {
    const withMarkup = structuredClone(scenario) as any;
    withMarkup.meta.title = { en: '<img src=x onerror=alert(1)>Title', es: '<img src=x onerror=alert(1)>Título' };
    const { container } = render(<LibraryPage entries={[entry('scenarios/hand-on-the-back.json', withMarkup)]} />);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByRole('link', { name: '<img src=x onerror=alert(1)>Title' })).toBeTruthy();
  });

  it('has no accessibility violations axe can find without a browser', async () => {
    const { container } = render(<LibraryPage entries={entries} />);
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  it('speaks Spanish when the learner chooses it, for the interface and for scenarios written in it', async () => {
    await i18next.changeLanguage('es');
    try {
      render(<LibraryPage entries={entries} />);
      expect(screen.getByRole('heading', { name: 'Practica cómo intervenir' })).toBeTruthy();
      const card = screen.getByRole('article', { name: 'La mano en la espalda' });
      expect(card.getAttribute('lang')).toBe('es');
      expect(within(card).getByText('Trabajo · unos 6 minutos · Sin empezar')).toBeTruthy();
      expect(
        within(card).getByText(/Practica: .*Sumar a otras personas.*Dar un paso al frente.*Hablar claro/),
      ).toBeTruthy();
      // A scenario only in English stays in English, marked as such for screen readers.
      const english = screen.getByRole('article', { name: 'On the train' });
      expect(english.getAttribute('lang')).toBe('en');
    } finally {
      await i18next.changeLanguage('en');
    }
  });
});
