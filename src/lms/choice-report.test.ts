import { describe, expect, it } from 'vitest';
import { loadRealScenario } from '../../test/support/scenario-files.ts';
import { choicesFor } from '../engine/choices.ts';
import { startRun } from '../engine/run-state.ts';
import { scenarioText } from '../engine/text.ts';
import { play } from '../test-util/play.ts';
import { choiceReport } from './choice-report.ts';

const { machine, scenario } = loadRealScenario('hand-on-the-back');
const label = scenarioText(scenario, 'en').text;
const at = new Date('2026-12-01T10:00:00Z');

describe('a choice as reported to the LMS', () => {
  it('names a timed choice by its stable name, never by the delay XState gives its event', () => {
    const timed = choicesFor(machine, startRun(machine).snapshot).find((c) => c.delay !== undefined);
    if (!timed) throw new Error('The first scene of the fixture has a timed choice');
    expect(timed.event).toMatch(/20000/); // what must not reach the LMS: it changes when the timer does
    const run = play(machine, [timed.event]);
    expect(choiceReport(machine, 'hand-on-the-back', run, 0, label, at)).toEqual({
      id: 'hand-on-the-back.1',
      response: 'wait',
      description: 'You hesitate, unsure what you saw.',
      result: 'neutral',
      tactics: {},
      harm: 0,
      step: 'notice',
      barrier: 'notSure',
      at,
    });
  });

  it('names any other choice by its event, with its decision number and whether it helped or harmed', () => {
    const run = play(machine, ['WATCH_PRIYA', 'JOKE_ALONG']);
    expect(choiceReport(machine, 'hand-on-the-back', run, 1, label, at)).toMatchObject({
      id: 'hand-on-the-back.2',
      response: 'JOKE_ALONG',
      result: 'incorrect',
      harm: 2,
      step: 'interpret',
      barrier: 'fearOfJudgement',
    });
    expect(choiceReport(machine, 'hand-on-the-back', play(machine, ['CATCH_SAMS_EYE']), 0, label, at)).toMatchObject({
      response: 'CATCH_SAMS_EYE',
      result: 'correct',
      tactics: { bringOthers: 1 },
      harm: 0,
    });
  });
});
