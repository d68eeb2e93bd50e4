// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { loadRealScenario } from '../../test/support/scenario-files.ts';
import { LibraryPage } from './library-page.tsx';
import { loadLibrary } from './scenario-library.ts';

afterEach(cleanup);

const { scenario } = loadRealScenario('hand-on-the-back');
const broken = { id: 'broken', initial: 'start', meta: { format: 1, title: '<b>Bold</b>' }, states: {} };

function renderLibrary() {
  const entries = loadLibrary({
    '../../scenarios/scenario.schema.json': {},
    '../../scenarios/hand-on-the-back.json': scenario,
    '../../scenarios/broken.json': broken,
  });
  return render(<LibraryPage entries={entries} />);
}

describe('the library page', () => {
  it('describes each valid scenario: title, setting, minutes, content note and tactics practised', () => {
    renderLibrary();
    const card = screen.getByRole('article', { name: 'The hand on the back' });
    expect(within(card).getByText('Workplace · about 6 minutes')).toBeTruthy();
    expect(within(card).getByText(/Unwanted touching of a junior employee/)).toBeTruthy();
    expect(within(card).getByText(/Practises: .*Bring others in.*Step forward.*Speak up/)).toBeTruthy();
  });

  it('shows a broken file with its problems, never a blank page, and skips the schema', () => {
    renderLibrary();
    const card = screen.getByRole('article', { name: 'scenarios/broken.json cannot be played' });
    expect(within(card).getAllByRole('listitem').length).toBeGreaterThan(0);
    expect(screen.queryByText(/scenario\.schema\.json/)).toBeNull();
  });

  it('renders scenario text as text, never as HTML', () => {
    const withMarkup = structuredClone(scenario) as any;
    withMarkup.meta.title = '<img src=x onerror=alert(1)>Title';
    const { container } = render(
      <LibraryPage entries={loadLibrary({ 'scenarios/hand-on-the-back.json': withMarkup })} />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText('<img src=x onerror=alert(1)>Title')).toBeTruthy();
  });

  it('has no accessibility violations axe can find without a browser', async () => {
    const { container } = renderLibrary();
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});
