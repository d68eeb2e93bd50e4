import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ISSUE_CODES, loadScenario, loadScenarioValue } from '../src/engine/index.ts';
import { MAX_STATES } from '../src/engine/load-scenario.ts';
import { ROOT } from './support/scenario-files.ts';

/**
 * A generated corpus of broken files: mutations of valid scenarios, structural and textual.
 * Every one must load to a result (valid, or problems at real places in the file); none may throw.
 */
const BASES = ['scenarios/hand-on-the-back.json', 'test/fixtures/valid/minimal.json'].map((file) => ({
  file,
  text: readFileSync(`${ROOT}/${file}`, 'utf8'),
}));

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every location in a document, as a list of keys. */
function locations(value: Json, at: (string | number)[] = []): (string | number)[][] {
  const here = [at];
  if (Array.isArray(value)) return here.concat(...value.map((v, i) => locations(v, [...at, i])));
  if (value && typeof value === 'object')
    return here.concat(...Object.entries(value).map(([k, v]) => locations(v, [...at, k])));
  return here;
}

const REPLACEMENTS: Json[] = [
  null,
  0,
  -1,
  2.5,
  1e308,
  '',
  'x',
  'nowhere',
  '#nowhere',
  true,
  [],
  {},
  [{}],
  { type: 'parallel' },
  'ÜNÏCÖDË 🙂',
];

type Mutation = { op: 'delete' | 'replace' | 'rename' | 'wrap'; pick: number; with: number };

function mutate(doc: Json, { op, pick, with: w }: Mutation): Json {
  const copy = structuredClone(doc);
  const places = locations(copy).filter((p) => p.length > 0);
  const path = places[pick % places.length];
  const parent = path.slice(0, -1).reduce<any>((node, key) => node[key], copy);
  const key = path[path.length - 1];
  if (op === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else if (op === 'replace') parent[key] = REPLACEMENTS[w % REPLACEMENTS.length];
  else if (op === 'wrap') parent[key] = [parent[key]];
  else if (!Array.isArray(parent)) {
    parent[`${key}x`] = parent[key];
    delete parent[key];
  }
  return copy;
}

/** Resolves a JSON Pointer in a document, or reports that it does not. */
function resolves(doc: unknown, pointer: string): boolean {
  if (pointer === '') return true;
  let node: any = doc;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return false;
    node = node[key];
  }
  return true;
}

function expectAnswered(text: string, file: string) {
  const result = loadScenario(text, file);
  if (result.ok) return;
  expect(result.issues.length).toBeGreaterThan(0);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    doc = undefined;
  }
  for (const issue of result.issues) {
    expect(ISSUE_CODES).toContain(issue.code);
    expect(issue.message.length).toBeGreaterThan(10);
    if (doc !== undefined)
      expect({ pointer: issue.path, resolves: resolves(doc, issue.path) }).toEqual({
        pointer: issue.path,
        resolves: true,
      });
  }
}

const mutation = fc.record({
  op: fc.constantFrom<Mutation['op']>('delete', 'replace', 'rename', 'wrap'),
  pick: fc.nat(),
  with: fc.nat(),
});

describe('a generated corpus of broken scenario files', () => {
  for (const base of BASES) {
    it(`answers every structural mutation of ${base.file}, never throws`, () => {
      const doc = JSON.parse(base.text) as Json;
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
          const broken = mutations.reduce(mutate, doc);
          expectAnswered(JSON.stringify(broken, null, 2), base.file);
        }),
        {
          numRuns: Number(process.env.FUZZ_RUNS ?? 400),
          seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20261125,
        },
      );
    });

    it(`answers every textual mutation of ${base.file}, never throws`, () => {
      fc.assert(
        fc.property(fc.nat(), fc.nat({ max: 40 }), fc.string({ maxLength: 6 }), (at, cut, insert) => {
          const i = at % base.text.length;
          expectAnswered(base.text.slice(0, i) + insert + base.text.slice(i + cut), base.file);
        }),
        {
          numRuns: Number(process.env.FUZZ_RUNS ?? 400),
          seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20261125,
        },
      );
    });
  }

  it.each([
    ['an empty file', ''],
    ['null', 'null'],
    ['a number', '42'],
    ['a string', '"scenario"'],
    ['a huge file', `{"id": "${'x'.repeat(3_000_000)}"}`],
    ['deep nesting', `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`],
    ['deeply nested states', JSON.stringify(nestStates(60))],
    ['more states than the limit', JSON.stringify(chainOfStates(MAX_STATES + 1, 'choices'))],
    ['a byte-order mark and binary junk', '\uFEFF\u0000\u0001{}'],
  ])('answers %s with problems, not a crash', (_name, text) => {
    const result = loadScenario(text, 'odd.json');
    expect(result.ok).toBe(false);
  });
});

function nestStates(depth: number): unknown {
  let state: Record<string, unknown> = { type: 'final', meta: { ending: { title: 't', debrief: 'd', kind: 'good' } } };
  for (let i = 0; i < depth; i++) state = { initial: 'inner', states: { inner: state } };
  return { id: 'odd', initial: 'inner', meta: { format: 1 }, states: { inner: state } };
}

/** A chain of states, each leading to the next by a choice or by an eventless route, then an ending. */
function chainOfStates(length: number, link: 'choices' | 'routes') {
  const states: Record<string, unknown> = {};
  for (let i = 0; i < length - 1; i++) {
    states[`s${i}`] =
      link === 'routes'
        ? { always: { target: `s${i + 1}` } }
        : {
            meta: { narrative: 'x', stage: 'act' },
            on: { GO: { target: `s${i + 1}`, meta: { label: 'l', feedback: 'f' } } },
          };
  }
  states[`s${length - 1}`] = { type: 'final', meta: { ending: { title: 't', debrief: 'd', kind: 'good' } } };
  const meta = { format: 1, title: 't', setting: 'online', summary: 's', contentNote: 'c', minutes: 1, language: 'en' };
  return { id: 'odd', initial: 's0', meta, states };
}

describe('long chains within the limits', () => {
  it.each(['choices', 'routes'] as const)(
    'checks a chain of %s as long as the limit allows without overflowing',
    (link) => {
      const result = loadScenarioValue(chainOfStates(MAX_STATES, link), 'odd.json');
      expect(result.ok ? [] : result.issues).toEqual([]);
    },
  );
});
