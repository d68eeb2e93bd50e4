import { describe, expect, it } from 'vitest';
import { fakeChoice, fakeEnding, fakeScenario, fakeScene } from '../test-util/fakes.ts';
import { toMermaid } from './mermaid.ts';

describe('toMermaid', () => {
  const scenario = fakeScenario({
    states: {
      start: fakeScene({
        on: {
          GO: fakeChoice({
            target: 'group',
            meta: { label: 'Say: "stop"; now', tactics: { speakUp: 2, stepForward: 0 }, harm: 1 },
          }),
        },
        after: { '15000': fakeChoice({ target: 'end', meta: { label: 'You wait.' } }) },
      }),
      group: {
        initial: 'inner',
        states: {
          inner: fakeScene({
            on: {
              OUT: [
                fakeChoice({ target: '#fake.end', guard: { type: 'atLeast', params: { var: 'trust', value: 1 } } }),
                fakeChoice({ target: '#fake.end' }),
              ],
            },
          }),
        },
      },
      end: fakeEnding(),
    },
  });
  const lines = toMermaid(scenario).split('\n');

  it('draws each choice as a labelled edge with its tactics, harm, timing and guard', () => {
    expect(lines[0]).toBe('stateDiagram-v2');
    expect(lines).toContain('  [*] --> start');
    expect(lines).toContain('  start --> group: Say#58; #34;stop#34;#59; now [speakUp 2, harm 1]');
    expect(lines).toContain('  start --> end: ⏱ 15s#58; You wait.');
    expect(lines).toContain('    group__inner --> end: Do the thing. if trust ≥ 1');
    expect(lines).toContain('  end --> [*]');
  });

  it('nests compound states as blocks', () => {
    expect(lines).toContain('  state group {');
    expect(lines).toContain('    [*] --> group__inner');
  });
});
