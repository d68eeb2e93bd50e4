// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Router } from 'wouter';
import { loadRealScenario } from '../../test/support/scenario-files.ts';
import { loadScenarioValue } from '../engine/load-scenario.ts';
import { fakeChoice, fakeEnding, fakeScenario, fakeScene } from '../test-util/fakes.ts';
import { i18next } from '../ui/i18n.ts';
import { toLibraryEntry } from '../ui/library-entry.ts';
import { useHashPath } from './hash-location.ts';
import { LibraryPage } from './library-page.tsx';

afterEach(cleanup);
beforeEach(() => {
  localStorage.clear();
  history.replaceState(null, '', '#/');
});

/** The page inside the app's router, whose hash holds the route and the library's query. */
const renderLibrary = (list: Parameters<typeof LibraryPage>[0]['entries']) =>
  render(
    <Router hook={useHashPath}>
      <LibraryPage entries={list} />
    </Router>,
  );

const entry = (file: string, value: unknown) => toLibraryEntry(file, loadScenarioValue(value, file));
const { scenario } = loadRealScenario('hand-on-the-back');
const onTheTrain = fakeScenario({
  id: 'on-the-train',
  meta: { ...fakeScenario().meta, title: 'On the train', setting: 'transit' },
  states: { start: fakeScene({ on: { GO: fakeChoice({ meta: { tactics: { distract: 1 } } }) } }), end: fakeEnding() },
});
const entries = [
  entry('scenarios/hand-on-the-back.json', scenario),
  entry('scenarios/on-the-train.json', onTheTrain),
  entry('scenarios/broken.json', { id: 'broken', initial: 'start', meta: { format: 1 }, states: {} }),
];

describe('the library page', () => {
  it('describes each scenario with a link: title, setting, minutes, status, content note, tactics', () => {
    renderLibrary(entries);
    const card = screen.getByRole('article', { name: 'The hand on the back' });
    expect(within(card).getByRole('link', { name: 'The hand on the back' }).getAttribute('href')).toBe(
      '#/play/hand-on-the-back',
    );
    expect(within(card).getByText('Workplace')).toBeTruthy();
    expect(within(card).getByText('about 6 minutes')).toBeTruthy();
    expect(within(card).getByText('English, Spanish')).toBeTruthy();
    expect(within(card).getByText('Not started')).toBeTruthy();
    expect(within(card).getByText(/Unwanted touching of a junior employee/)).toBeTruthy();
    const tactics = within(card)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(tactics).toEqual(expect.arrayContaining(['Bring others in', 'Step forward', 'Speak up']));
    // Icons are decoration beside the words: hidden from screen readers.
    for (const svg of card.querySelectorAll('svg')) expect(svg.getAttribute('aria-hidden')).toBe('true');
  });

  it('shows whether the learner has started, finished or skipped a scenario', () => {
    localStorage.setItem('upstander:v1:progress:hand-on-the-back', JSON.stringify({ run: {}, phase: 'scene' }));
    localStorage.setItem('upstander:v1:progress:on-the-train', JSON.stringify({ run: {}, phase: 'debrief' }));
    renderLibrary(entries);
    expect(within(screen.getByRole('article', { name: 'The hand on the back' })).getByText('In progress')).toBeTruthy();
    expect(within(screen.getByRole('article', { name: 'On the train' })).getByText('Finished')).toBeTruthy();
  });

  it('shows a skipped scenario as Skipped, never as Finished', () => {
    localStorage.setItem('upstander:v1:progress:on-the-train', JSON.stringify({ run: {}, phase: 'skipped' }));
    renderLibrary(entries);
    const card = screen.getByRole('article', { name: 'On the train' });
    expect(within(card).getByText('Skipped')).toBeTruthy();
    expect(within(card).queryByText('Finished')).toBeNull();
  });

  it('searches, announces the count politely, keeps the query in the URL hash, and clears it', () => {
    renderLibrary(entries);
    const count = screen.getByRole('status');
    expect(count.textContent).toBe('2 of 2 scenarios');
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'ESPALDA' } });
    expect(screen.queryByRole('article', { name: 'On the train' })).toBeNull();
    expect(screen.getByRole('article', { name: 'The hand on the back' })).toBeTruthy();
    expect(count.textContent).toBe('1 of 2 scenarios');
    expect(location.hash).toBe('#/?q=ESPALDA');
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(location.hash).toBe('#/');
    expect(count.textContent).toBe('2 of 2 scenarios');
  });

  it('opens with the filters the URL hash holds, as after a reload', () => {
    history.replaceState(null, '', '#/?setting=transit');
    renderLibrary(entries);
    expect(screen.queryByRole('article', { name: 'The hand on the back' })).toBeNull();
    expect((screen.getByRole('combobox', { name: 'Setting' }) as HTMLSelectElement).value).toBe('transit');
  });

  it('filters by tactic, language and length', () => {
    renderLibrary(entries);
    fireEvent.change(screen.getByRole('combobox', { name: 'Written in' }), { target: { value: 'es' } });
    expect(screen.queryByRole('article', { name: 'On the train' })).toBeNull();
    fireEvent.change(screen.getByRole('combobox', { name: 'Written in' }), { target: { value: '' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Tactic' }), { target: { value: 'stepForward' } });
    expect(screen.queryByRole('article', { name: 'On the train' })).toBeNull();
    expect(screen.getByRole('article', { name: 'The hand on the back' })).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Length' }), { target: { value: 'short' } });
    expect(screen.queryByRole('article', { name: 'The hand on the back' })).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('0 of 2 scenarios');
  });

  it('shows the suggested scenario first, marked Start here, and the next one after a finish', () => {
    renderLibrary(entries);
    const first = screen.getAllByRole('article')[0];
    // The real one practises the three core tactics; the fake, none of them.
    expect(first.getAttribute('aria-labelledby')).toBe('hand-on-the-back-title');
    expect(within(first).getByText('Start here')).toBeTruthy();
    cleanup();
    localStorage.setItem('upstander:v1:progress:hand-on-the-back', JSON.stringify({ run: {}, phase: 'debrief' }));
    renderLibrary(entries);
    const next = screen.getAllByRole('article')[0];
    expect(next.getAttribute('aria-labelledby')).toBe('on-the-train-title');
    expect(within(next).getByText('Try next')).toBeTruthy();
    expect(within(next).getByText('New for you: Distract')).toBeTruthy();
    expect(screen.queryByText('Start here')).toBeNull();
  });

  it('filters by setting', () => {
    renderLibrary(entries);
    fireEvent.change(screen.getByRole('combobox', { name: 'Setting' }), { target: { value: 'transit' } });
    expect(screen.queryByRole('article', { name: 'The hand on the back' })).toBeNull();
    expect(screen.getByRole('article', { name: 'On the train' })).toBeTruthy();
  });

  it('shows a broken file with its problems, never a blank page', () => {
    renderLibrary(entries);
    const card = screen.getByRole('article', { name: 'scenarios/broken.json cannot be played' });
    expect(within(card).getAllByRole('listitem').length).toBeGreaterThan(0);
  });

  it('renders scenario text as text, never as HTML', () => {
    const withMarkup = structuredClone(scenario) as any;
    withMarkup.meta.title = { en: '<img src=x onerror=alert(1)>Title', es: '<img src=x onerror=alert(1)>Título' };
    const { container } = renderLibrary([entry('scenarios/hand-on-the-back.json', withMarkup)]);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByRole('link', { name: '<img src=x onerror=alert(1)>Title' })).toBeTruthy();
  });

  it('has no accessibility violations axe can find without a browser', async () => {
    const { container } = renderLibrary(entries);
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  it('speaks Spanish when the learner chooses it, for the interface and for scenarios written in it', async () => {
    await i18next.changeLanguage('es');
    try {
      renderLibrary(entries);
      expect(screen.getByRole('heading', { name: 'Practica cómo intervenir' })).toBeTruthy();
      const card = screen.getByRole('article', { name: 'La mano en la espalda' });
      expect(card.getAttribute('lang')).toBe('es');
      expect(within(card).getByText('Trabajo')).toBeTruthy();
      expect(within(card).getByText('unos 6 minutos')).toBeTruthy();
      expect(within(card).getByText('Sin empezar')).toBeTruthy();
      expect(
        within(card)
          .getAllByRole('listitem')
          .map((li) => li.textContent),
      ).toEqual(expect.arrayContaining(['Sumar a otras personas', 'Dar un paso al frente', 'Hablar claro']));
      // A scenario only in English stays in English, marked as such for screen readers.
      const english = screen.getByRole('article', { name: 'On the train' });
      expect(english.getAttribute('lang')).toBe('en');
    } finally {
      await i18next.changeLanguage('en');
    }
  });
});
