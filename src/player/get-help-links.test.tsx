// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { fakeScenario } from '../test-util/fakes.ts';
import { i18next, loadLanguage } from '../ui/i18n.ts';
import { DEFAULT_SETTINGS, SettingsContext } from '../ui/settings.ts';
import { SETTLE_MS } from '../ui/use-settled.ts';
import { IWILL_HEADING } from './commitment-form.tsx';
import { PlayerPage } from './player-page.tsx';

// The Spanish strings, fetched as the app fetches them when Spanish is chosen.
beforeAll(() => loadLanguage('es'));

function renderPlayer() {
  const memory = memoryLocation({ path: '/play/fake', record: true });
  render(
    <SettingsContext.Provider value={{ settings: { ...DEFAULT_SETTINGS, timers: 'off' }, change: () => {} }}>
      <Router hook={memory.hook}>
        <PlayerPage scenario={fakeScenario()} />
      </Router>
    </SettingsContext.Provider>,
  );
  return memory;
}

beforeEach(() => {
  localStorage.clear();
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  i18next.changeLanguage('en');
});

describe('Get help', () => {
  it('is one tap away on the content note', () => {
    const memory = renderPlayer();
    fireEvent.click(screen.getByRole('link', { name: 'Where to get help and report, now or later' }));
    expect(memory.history.at(-1)).toBe('/support');
  });

  it("is on the debrief's first screen, right under the ending's title, before the score", () => {
    const memory = renderPlayer();
    // Each view's buttons take a click once it has settled, as a person's would.
    const click = (name: string | RegExp) => {
      act(() => vi.advanceTimersByTime(SETTLE_MS));
      fireEvent.click(screen.getByRole('button', { name }));
    };
    click('Continue');
    click(/Do the thing/);
    click('Continue');
    const title = screen.getByRole('heading', { level: 1, name: 'A good ending' });
    const help = screen.getByRole('link', { name: 'If this brought something up for you: get help or report' });
    // Nothing but the title comes between the top of the debrief and the link.
    expect(title.nextElementSibling?.contains(help)).toBe(true);
    fireEvent.click(help);
    expect(memory.history.at(-1)).toBe('/support');
  });

  it("the debrief's jump to #IWill ignores the second click of a double click on Continue", () => {
    // jsdom lays nothing out, so it has no scrolling to do.
    Element.prototype.scrollIntoView = () => {};
    renderPlayer();
    const settle = () => act(() => vi.advanceTimersByTime(SETTLE_MS));
    settle();
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    settle();
    fireEvent.click(screen.getByRole('button', { name: /Do the thing/ }));
    settle();
    // A double click on the feedback's Continue: the second click lands on the debrief's first button.
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    const jump = screen.getByRole('button', { name: 'Write your #IWill: one thing you will do next time' });
    fireEvent.click(jump);
    expect(document.activeElement).not.toBe(document.getElementById(IWILL_HEADING));
    // Once the debrief has settled, the same button takes the learner there.
    settle();
    fireEvent.click(jump);
    expect(document.activeElement).toBe(document.getElementById(IWILL_HEADING));
  });

  it('speaks Spanish too', () => {
    i18next.changeLanguage('es');
    renderPlayer();
    expect(screen.getByRole('link', { name: 'Dónde pedir ayuda y denunciar, ahora o más tarde' })).toBeTruthy();
  });
});
