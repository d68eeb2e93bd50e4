import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../src/engine/index.ts';
import { runCli } from './support/run-cli.ts';
import { ROOT } from './support/scenario-files.ts';

/**
 * One fixture per checker message an author meets first, each beside its fixed twin: the broken file
 * in test/fixtures/invalid gets exactly this line from `npm run scenarios:check`; the file of the same
 * name in test/fixtures/valid, the smallest fix, passes.
 */
const MESSAGES: Record<string, string> = {
  'curly-quotes':
    '/states/start/meta/prompt: Invalid JSON at line 23, column 19: the curly quote “ (U+201C) is not a quote to JSON. Word processors curl quotes as you type: put straight quotes (") around every key and text. Curly quotes inside text are fine.',
  'inner-quote':
    '/states/start/meta/narrative/0: Invalid JSON at line 21, column 21: this " ends the text early, so what follows is not JSON. To show a quote inside text, write it as \\" — or use curly quotes “ ” in dialogue.',
  'trailing-comma':
    '/states/start/on/GO/meta/tactics: Invalid JSON at line 32, column 26: a comma after the last item. JSON allows no comma before "}": delete this comma.',
  'missing-comma':
    '/states/start/meta/prompt: Invalid JSON at line 23, column 36: a comma is missing between two items. Add "," right after "What do you do?".',
  'duplicate-key':
    '/states/start/meta/stage: "stage" is given twice in the same object: at line 24, column 9 and at line 25, column 9 (both /states/start/meta/stage). JSON would keep only the second and silently lose the first: delete one, or merge them.',
  'deep-nesting': `/meta/authors${'/0'.repeat(62)}: Nested too deep at line 17, column 68: this bracket opens a level deeper than the limit of 64. Scenarios nest a few levels: look here for brackets opened and never closed.`,
  'target-typo':
    '/states/start/on/GO/target: "checkin" names no state. Did you mean "checkIn"? The states here are start, end, checkIn. A target is a sibling\'s key, ".child", or "#id".',
  'second-alternative': '/states/start/on/TOGETHER/1/meta: In the 2nd alternative of TOGETHER: Missing "feedback".',
  'stately-editor':
    '/states/start/on/GO/reenter: "reenter": reenter changes when entry and exit actions run again; scenarios keep XState\'s default.',
  'ending-assumes':
    '/states/reported/meta/assumes/0: The ending "reported" assumes the choice DOCUMENT_IT, but this path reaches it without it: bar → booth → reported. Split the ending, or add a condition.',
  'assumes-typo':
    '/states/reported/meta/assumes/0: The ending "reported" assumes the choice DOCUMENT_TI, but no scene offers a choice called DOCUMENT_TI. Did you mean "DOCUMENT_IT"? Name choices by their event names, the keys of "on".',
  'barrier-typo':
    '/states/start/on/GO/meta/barrier: Unknown barrier "othersWilAct". Did you mean "othersWillAct"? The barriers are notSure, notMyPlace, othersWillAct, dontKnowHow, makeItWorse, fearOfCost, fearOfJudgement (src/engine/barriers.json).',
  'control-character':
    '/states/start/meta/narrative/0: This text holds a vertical tab (U+000B) after "She freezes.": it does not show on screen and breaks exported packages. Delete it (it usually comes with text pasted from another program).',
};
const names = Object.keys(MESSAGES);
const lines = (text: string) => text.split('\n').filter(Boolean);

describe('the checker, for people who are not programmers', () => {
  it('explains each fault in words, at its line, column and JSON path, and passes each fixed twin', () => {
    const broken = names.map((name) => `test/fixtures/invalid/${name}.json`);
    const fixed = [...names, 'byte-order-mark'].map((name) => `test/fixtures/valid/${name}.json`);
    const { status, stdout, stderr } = runCli('src/cli/check-scenarios.ts', [...broken, ...fixed]);
    expect(status).toBe(1);
    expect(lines(stderr)).toEqual(names.map((name) => `test/fixtures/invalid/${name}.json: ${MESSAGES[name]}`));
    expect(lines(stdout).filter((line) => !/: ok: /.test(line))).toEqual([
      `${fixed.length} of ${broken.length + fixed.length} scenario files valid.`,
    ]);
  });

  it('reads a file saved with a byte-order mark as the same scenario without one', () => {
    const marked = readFileSync(`${ROOT}/test/fixtures/valid/byte-order-mark.json`, 'utf8');
    expect(marked.charCodeAt(0)).toBe(0xfeff);
    const withMark = loadScenario(marked, 'byte-order-mark.json');
    const without = loadScenario(marked.slice(1), 'byte-order-mark.json');
    expect(withMark.ok && withMark.scenario).toEqual(without.ok && without.scenario);
  });

  it('keeps the behaviour-free keys Stately writes (tags, description) in the loaded scenario', () => {
    const text = readFileSync(`${ROOT}/test/fixtures/valid/stately-editor.json`, 'utf8');
    const result = loadScenario(text, 'stately-editor.json');
    expect(result.ok && result.scenario).toEqual(JSON.parse(text));
    expect(result.ok && result.scenario.states.start.tags).toEqual(['opening']);
  });
});
