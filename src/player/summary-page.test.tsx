// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadRealScenario } from '../../test/support/scenario-files.ts';
import { saveRun } from '../engine/saved-run.ts';
import { play } from '../test-util/play.ts';
import { saveCommitment } from './commitment-store.ts';
import { saveProgress } from './progress-store.ts';
import { SummaryPage } from './summary-page.tsx';

const { scenario, machine } = loadRealScenario('hand-on-the-back');
beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('the printable summary', () => {
  it('shows the ending reached, the score by tactic and the commitment', () => {
    // 0 (look properly) − 2 (laugh along) − 1 (let it go)
    const run = play(machine, ['WATCH_PRIYA', 'JOKE_ALONG', 'LET_IT_GO']);
    saveProgress(scenario.id, { run: saveRun(machine, scenario.id, run), phase: 'debrief' });
    saveCommitment(scenario.id, { text: 'I will check in afterwards.', date: '2026-11-25' });
    render(<SummaryPage scenario={scenario} />);
    expect(screen.getByRole('heading', { name: 'The hand on the back: my summary' })).toBeTruthy();
    expect(screen.getByText('Nothing happened, again')).toBeTruthy();
    // −3 points on the scenario's range from −4 to 8, on the 0–100 scale an LMS records: 1/12 → 8.
    expect(screen.getByText('Score: 8 out of 100')).toBeTruthy();
    expect(screen.getByText('I will check in afterwards. (2026-11-25)')).toBeTruthy();
  });

  it('says so when the scenario has not been finished on this device', () => {
    render(<SummaryPage scenario={scenario} />);
    expect(screen.getByText('You have not finished this scenario on this device yet.')).toBeTruthy();
  });
});
