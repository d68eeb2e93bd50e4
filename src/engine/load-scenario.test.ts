import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { editable, fakeChoice, fakeEnding, fakeScenario, fakeScene } from '../test-util/fakes.ts';
import { loadScenario, loadScenarioValue } from './load-scenario.ts';
import { MAX_DEPTH, MAX_FILE_CHARS } from './parse-json.ts';
import { ISSUE_CODES, type IssueCode, ordinal, pointer } from './scenario-issue.ts';
import { textFields } from './text-fields.ts';

/** One rule, one failing input and the smallest change that passes: the checker's transcript. */
interface RuleCase {
  code: IssueCode;
  name: string;
  path: string;
  broken: () => unknown;
  fixed: () => unknown;
  file?: string;
  fixedFile?: string;
}

const valid = () => editable(fakeScenario());
const withScenario = (edit: (s: Record<string, any>) => void) => () => {
  const s = valid();
  edit(s);
  return s;
};
const text = (value: unknown) => new String(JSON.stringify(value)); // a String object marks raw file text

/** Sets a JSON Pointer location in a plain object. */
function setAt(root: Record<string, any>, path: string, value: unknown): void {
  const keys = path
    .split('/')
    .slice(1)
    .map((k) => k.replaceAll('~1', '/').replaceAll('~0', '~'));
  const last = keys.pop() as string;
  keys.reduce((node, key) => node[key], root)[last] = value;
}

/** The scenario with every text field in English and Spanish. */
function bilingual(edit: (s: Record<string, any>) => void = () => {}) {
  return () => {
    const s = valid();
    s.meta.languages = ['en', 'es'];
    for (const { path, text: t } of [...textFields(s as never)]) setAt(s, path, { en: t, es: `${t} (es)` });
    edit(s);
    return s;
  };
}

const loop = (scoring: number) =>
  withScenario((s) => {
    s.states.start.on.GO = fakeChoice({ target: 'back' });
    s.states.start.on.LEAVE = fakeChoice({ target: 'end' });
    s.states.back = fakeScene({
      on: { BACK: fakeChoice({ target: 'start', meta: { tactics: { speakUp: scoring } } }) },
    });
  });

const CASES: RuleCase[] = [
  {
    code: 'syntax',
    name: 'a trailing comma',
    path: '/id',
    broken: () => new String('{\n  "id": "fake",\n}'),
    fixed: () => text(valid()),
  },
  {
    code: 'tooLarge',
    name: 'a file past the size limit',
    path: '',
    broken: () => new String(JSON.stringify(valid()) + ' '.repeat(MAX_FILE_CHARS)),
    fixed: () => text(valid()),
  },
  {
    code: 'tooDeep',
    name: 'nesting past the depth limit',
    path: pointer(...Array(MAX_DEPTH).fill(0)),
    broken: () => new String(`${'['.repeat(MAX_DEPTH + 1)}${']'.repeat(MAX_DEPTH + 1)}`),
    fixed: () => text(valid()),
  },
  {
    code: 'duplicateKey',
    name: 'a key given twice in one object',
    path: '/states/start/meta/stage',
    broken: () => new String('{"id": "fake", "states": {"start": {"meta": {"stage": "act", "stage": "notice"}}}}'),
    fixed: () => text(valid()),
  },
  {
    code: 'controlCharacter',
    name: 'a vertical tab pasted into a label',
    path: '/states/start/on/GO/meta/label',
    broken: withScenario((s) => {
      s.states.start.on.GO.meta.label = 'Step\u000bin.';
    }),
    fixed: withScenario((s) => {
      s.states.start.on.GO.meta.label = 'Step in.';
    }),
  },
  { code: 'notAnObject', name: 'a JSON array', path: '', broken: () => [], fixed: valid },
  {
    code: 'formatVersion',
    name: 'a newer format',
    path: '/meta/format',
    broken: withScenario((s) => {
      s.meta.format = 2;
    }),
    fixed: valid,
  },
  {
    code: 'schema',
    name: 'an unknown setting',
    path: '/meta/setting',
    broken: withScenario((s) => {
      s.meta.setting = 'bus';
    }),
    fixed: withScenario((s) => {
      s.meta.setting = 'transit';
    }),
  },
  {
    code: 'unsupported',
    name: 'an invoked actor',
    path: '/states/start/invoke',
    broken: withScenario((s) => {
      s.states.start.invoke = { src: 'fetchSomething' };
    }),
    fixed: valid,
  },
  {
    code: 'unsupported',
    name: 'a transition that re-enters its state',
    path: '/states/start/on/GO/reenter',
    broken: withScenario((s) => {
      s.states.start.on.GO.reenter = true;
    }),
    fixed: withScenario((s) => {
      s.states.start.on.GO.description = 'Stately keeps notes like this one.';
    }),
  },
  {
    code: 'unknownAction',
    name: 'an action outside the vocabulary',
    path: '/states/start/on/GO/actions/0/type',
    broken: withScenario((s) => {
      s.states.start.on.GO.actions = [{ type: 'increment', params: { var: 'trust', by: 1 } }];
    }),
    fixed: withScenario((s) => {
      s.states.start.on.GO.actions = [{ type: 'add', params: { var: 'trust', by: 1 } }];
    }),
  },
  {
    code: 'unknownGuard',
    name: 'a guard outside the vocabulary',
    path: '/states/start/on/GO/guard/type',
    broken: withScenario((s) => {
      s.states.start.on.GO.guard = { type: 'greaterThan', params: { var: 'trust', value: -1 } };
    }),
    fixed: withScenario((s) => {
      s.states.start.on.GO.guard = { type: 'atLeast', params: { var: 'trust', value: -1 } };
    }),
  },
  {
    code: 'idMismatch',
    name: 'an id unlike the file name',
    path: '/id',
    broken: valid,
    fixed: valid,
    file: 'dir/other.json',
    fixedFile: 'dir/fake.json',
  },
  {
    code: 'unknownVariable',
    name: 'a misspelt variable',
    path: '/states/start/on/GO/actions/0/params/var',
    broken: withScenario((s) => {
      s.states.start.on.GO.actions = [{ type: 'add', params: { var: 'trsut', by: 1 } }];
    }),
    fixed: withScenario((s) => {
      s.states.start.on.GO.actions = [{ type: 'add', params: { var: 'trust', by: 1 } }];
    }),
  },
  {
    code: 'variableType',
    name: 'a number comparison on a text variable',
    path: '/states/start/on/GO/guard/params/var',
    broken: withScenario((s) => {
      s.context.mood = 'calm';
      s.states.start.on.GO.guard = { type: 'atLeast', params: { var: 'mood', value: 1 } };
    }),
    fixed: withScenario((s) => {
      s.context.mood = 'calm';
      s.states.start.on.GO.guard = { type: 'equals', params: { var: 'mood', value: 'calm' } };
    }),
  },
  {
    code: 'unknownTactic',
    name: 'a tactic not in the taxonomy',
    path: '/states/start/on/GO/meta/tactics/shout',
    broken: withScenario((s) => {
      s.states.start.on.GO.meta.tactics = { shout: 1 };
    }),
    fixed: withScenario((s) => {
      s.states.start.on.GO.meta.tactics = { speakUp: 1 };
    }),
  },
  {
    code: 'unknownBarrier',
    name: 'a barrier not on the list',
    path: '/states/start/on/GO/meta/barrier',
    broken: withScenario((s) => {
      s.states.start.on.GO.meta.barrier = 'notsure';
    }),
    fixed: withScenario((s) => {
      s.states.start.on.GO.meta.barrier = 'notSure';
    }),
  },
  {
    code: 'unknownTarget',
    name: 'a target that names no state',
    path: '/states/start/on/GO/target',
    broken: withScenario((s) => {
      s.states.start.on.GO.target = 'nowhere';
    }),
    fixed: withScenario((s) => {
      s.states.start.on.GO.target = '#fake.end';
    }),
  },
  {
    code: 'delay',
    name: 'a timed choice that waits longer than 10 minutes',
    path: '/states/start/after/3000000000',
    broken: withScenario((s) => {
      s.states.start.after = { '3000000000': fakeChoice({ meta: { timeout: true } }) };
    }),
    fixed: withScenario((s) => {
      s.states.start.after = { '600000': fakeChoice({ meta: { timeout: true } }) };
    }),
  },
  {
    code: 'delay',
    name: 'a timed choice whose wait is not a whole number of milliseconds',
    path: '/states/start/after/20s',
    broken: withScenario((s) => {
      s.states.start.after = { '20s': fakeChoice({ meta: { timeout: true } }) };
    }),
    fixed: withScenario((s) => {
      s.states.start.after = { '20000': fakeChoice({ meta: { timeout: true } }) };
    }),
  },
  {
    code: 'missingText',
    name: 'a title without its Spanish',
    path: '/meta/title',
    broken: bilingual((s) => {
      s.meta.title = { en: 'Only English' };
    }),
    fixed: bilingual(),
  },
  {
    code: 'missingText',
    name: 'facilitator notes without their Spanish',
    path: '/states/start/meta/facilitatorNotes/1',
    broken: bilingual((s) => {
      s.states.start.meta.facilitatorNotes = [{ en: 'A heads-up.', es: 'Un aviso.' }, { en: 'Only English.' }];
    }),
    fixed: bilingual((s) => {
      s.states.start.meta.facilitatorNotes = [
        { en: 'A heads-up.', es: 'Un aviso.' },
        { en: 'Two.', es: 'Dos.' },
      ];
    }),
  },
  {
    code: 'schema',
    name: 'facilitator notes that are not text',
    path: '/states/start/meta/facilitatorNotes',
    broken: withScenario((s) => {
      s.states.start.meta.facilitatorNotes = 42;
    }),
    fixed: withScenario((s) => {
      s.states.start.meta.facilitatorNotes = 'A heads-up for whoever runs the session.';
    }),
  },
  {
    code: 'undeclaredLanguage',
    name: 'a language the scenario does not declare',
    path: '/meta/title/fr',
    broken: bilingual((s) => {
      s.meta.title.fr = 'Un titre';
    }),
    fixed: bilingual(),
  },
  {
    code: 'sceneMeta',
    name: 'a scene without its bystander stage',
    path: '/states/start/meta',
    broken: withScenario((s) => {
      delete s.states.start.meta.stage;
    }),
    fixed: valid,
  },
  {
    code: 'finalWithChoices',
    name: 'an ending that offers a choice',
    path: '/states/end',
    broken: withScenario((s) => {
      s.states.end.on = { AGAIN: fakeChoice({ target: 'start' }) };
    }),
    fixed: valid,
  },
  {
    code: 'deadEnd',
    name: 'a scene with no way out',
    path: '/states/limbo',
    broken: withScenario((s) => {
      s.states.start.on.GO.target = 'limbo';
      s.states.limbo = { meta: { narrative: 'Nothing more.' } };
    }),
    fixed: withScenario((s) => {
      s.states.start.on.GO.target = 'limbo';
      s.states.limbo = fakeScene();
    }),
  },
  {
    code: 'unreachable',
    name: 'a state nothing leads to',
    path: '/states/orphan',
    broken: withScenario((s) => {
      s.states.orphan = fakeScene();
    }),
    fixed: withScenario((s) => {
      s.states.orphan = fakeScene();
      s.states.start.on.VISIT = fakeChoice({ target: 'orphan' });
    }),
  },
  {
    code: 'unreachable',
    name: 'an alternative after an unguarded one',
    path: '/states/start/on/GO/1',
    broken: withScenario((s) => {
      s.states.start.on.GO = [
        fakeChoice(),
        fakeChoice({ guard: { type: 'atLeast', params: { var: 'trust', value: 1 } } }),
      ];
    }),
    fixed: withScenario((s) => {
      s.states.start.on.GO = [
        fakeChoice({ guard: { type: 'atLeast', params: { var: 'trust', value: 1 } } }),
        fakeChoice(),
      ];
    }),
  },
  {
    code: 'stuck',
    name: 'a scene whose every choice is guarded off',
    path: '/states/start',
    broken: withScenario((s) => {
      s.states.start.on.GO = [fakeChoice({ guard: { type: 'atLeast', params: { var: 'trust', value: 1 } } })];
    }),
    fixed: withScenario((s) => {
      s.states.start.on.GO = [
        fakeChoice({ guard: { type: 'atLeast', params: { var: 'trust', value: 1 } } }),
        fakeChoice(),
      ];
    }),
  },
  {
    code: 'noExit',
    name: 'a loop with no way to an ending',
    path: '/states/here',
    broken: withScenario((s) => {
      s.states.start.on.STAY = fakeChoice({ target: 'here' });
      s.states.here = fakeScene({ on: { AGAIN: fakeChoice({ target: 'there' }) } });
      s.states.there = fakeScene({ on: { BACK: fakeChoice({ target: 'here' }) } });
    }),
    fixed: withScenario((s) => {
      s.states.start.on.STAY = fakeChoice({ target: 'here' });
      s.states.here = fakeScene({ on: { AGAIN: fakeChoice({ target: 'there' }) } });
      s.states.there = fakeScene({ on: { BACK: fakeChoice({ target: 'here' }), LEAVE: fakeChoice() } });
    }),
  },
  {
    code: 'scoringLoop',
    name: 'a loop that scores each time round',
    path: '/states/back/on/BACK',
    broken: loop(1),
    fixed: loop(0),
  },
  {
    code: 'eventlessLoop',
    name: 'routes that loop without a choice',
    path: '/states/routeA',
    broken: withScenario((s) => {
      s.states.start.on.GO.target = 'routeA';
      s.states.routeA = { always: { target: 'routeB' } };
      s.states.routeB = { always: [{ target: 'routeA' }] };
    }),
    fixed: withScenario((s) => {
      s.states.start.on.GO.target = 'routeA';
      s.states.routeA = { always: { target: 'routeB' } };
      s.states.routeB = { always: [{ target: 'end' }] };
    }),
  },
  {
    code: 'tooManySituations',
    name: 'a loop that grows a variable without bound',
    path: '/context',
    broken: withScenario((s) => {
      s.states.start.on.MORE = fakeChoice({
        target: undefined,
        actions: [{ type: 'add', params: { var: 'trust', by: 1 } }],
      });
    }),
    fixed: withScenario((s) => {
      s.states.start.on.MORE = fakeChoice({
        target: undefined,
        guard: { type: 'atMost', params: { var: 'trust', value: 3 } },
        actions: [{ type: 'add', params: { var: 'trust', by: 1 } }],
      });
    }),
  },
  {
    code: 'unknownChoice',
    name: 'an ending that assumes a choice no scene offers',
    path: '/states/end/meta/assumes/0',
    broken: withScenario((s) => {
      s.states.end.meta.assumes = ['G0'];
    }),
    fixed: withScenario((s) => {
      s.states.end.meta.assumes = ['GO'];
    }),
  },
  {
    code: 'unknownPerson',
    name: 'a scene with someone present who is not in the cast',
    path: '/states/start/meta/present/1',
    broken: withScenario((s) => {
      s.meta.cast = { priya: { name: 'Priya', role: 'your colleague' }, mark: { name: 'Mark' } };
      s.states.start.meta.present = ['priya', 'marc'];
    }),
    fixed: withScenario((s) => {
      s.meta.cast = { priya: { name: 'Priya', role: 'your colleague' }, mark: { name: 'Mark' } };
      s.states.start.meta.present = ['priya', 'mark'];
    }),
  },
  {
    code: 'missingText',
    name: 'a role in one of two languages (a name written once serves both)',
    path: '/meta/cast/priya/role',
    broken: bilingual((s) => {
      s.meta.cast = { priya: { name: 'Priya', role: { en: 'your colleague' } } };
    }),
    fixed: bilingual((s) => {
      s.meta.cast = { priya: { name: 'Priya', role: { en: 'your colleague', es: 'tu compañera' } } };
    }),
  },
  {
    code: 'schema',
    name: 'assumes on a scene, which is not an ending',
    path: '/states/start/meta/assumes',
    broken: withScenario((s) => {
      s.states.start.meta.assumes = ['GO'];
    }),
    fixed: valid,
  },
  {
    code: 'unmetAssumption',
    name: 'an ending whose text assumes a choice that a path to it skips',
    path: '/states/end/meta/assumes/1',
    broken: withScenario((s) => {
      s.states.start.on.OFFER_NOTES = fakeChoice({ target: 'end' });
      s.states.end.meta.assumes = ['GO', 'OFFER_NOTES'];
    }),
    fixed: withScenario((s) => {
      s.states.start.on.OFFER_NOTES = fakeChoice({ target: 'withNotes' });
      s.states.end.meta.assumes = ['GO'];
      s.states.withNotes = { ...fakeEnding('good'), meta: { ...fakeEnding('good').meta, assumes: ['OFFER_NOTES'] } };
    }),
  },
  {
    code: 'startsAtEnding',
    name: 'a story whose first state is an ending',
    path: '/initial',
    broken: withScenario((s) => {
      s.initial = 'end';
    }),
    fixed: valid,
  },
  {
    code: 'noEnding',
    name: 'a story without a reachable ending',
    path: '/states',
    broken: withScenario((s) => {
      s.states = {
        start: fakeScene({ on: { GO: fakeChoice({ target: 'other' }) } }),
        other: fakeScene({ on: { BACK: fakeChoice({ target: 'start' }) } }),
      };
    }),
    fixed: valid,
  },
];

function load(input: unknown, file?: string) {
  return input instanceof String ? loadScenario(String(input), file) : loadScenarioValue(input, file);
}

describe('the checker', () => {
  it.each(CASES)('reports $code for $name, and passes once fixed', ({ code, path, broken, fixed, file, fixedFile }) => {
    const result = load(broken(), file);
    expect(result.ok).toBe(false);
    const issues = result.ok ? [] : result.issues;
    expect(issues).toContainEqual(expect.objectContaining({ code, path }));
    for (const issue of issues) expect(issue.message).toMatch(/\w{3,}.*\.$/);
    const repaired = load(fixed(), fixedFile ?? file);
    expect(repaired.ok ? [] : repaired.issues).toEqual([]);
  });

  it('has a failing and a passing case for every rule it knows', () => {
    // "unreadable" comes from the file system, so the CLI test covers it.
    const covered = new Set<string>([...CASES.map((c) => c.code), 'unreadable']);
    expect(ISSUE_CODES.filter((code) => !covered.has(code))).toEqual([]);
  });

  it('reports a trailing comma at the comma itself, with its line and column', () => {
    const result = loadScenario('{\n  "id": "fake",\n}');
    expect(result.ok ? [] : result.issues).toEqual([
      {
        file: '',
        code: 'syntax',
        path: '/id',
        message:
          'Invalid JSON at line 2, column 15: a comma after the last item. JSON allows no comma before "}": delete this comma.',
      },
    ]);
  });

  it('names both places of every duplicate key, not only the first', () => {
    const result = loadScenario('{"id": "fake",\n "context": {"trust": 0, "trust": 1},\n "id": "other"}');
    expect(result.ok ? [] : result.issues.map((i) => [i.code, i.path, i.message.split(' (both')[0]])).toEqual([
      [
        'duplicateKey',
        '/context/trust',
        '"trust" is given twice in the same object: at line 2, column 14 and at line 2, column 26',
      ],
      ['duplicateKey', '/id', '"id" is given twice in the same object: at line 1, column 2 and at line 3, column 2'],
    ]);
  });

  it('accepts a byte-order mark, which editors on Windows add', () => {
    const plain = loadScenario(JSON.stringify(valid()));
    const marked = loadScenario(`\uFEFF${JSON.stringify(valid())}`);
    expect(marked.ok && marked.scenario).toEqual(plain.ok && plain.scenario);
  });

  it('names a control character in text, even an escaped one, and where it sits', () => {
    const s = valid();
    s.states.start.meta.narrative = ['Fine.', 'A\u0000B'];
    s.states.end.meta.ending.title = 'Bad\u0085';
    const result = loadScenarioValue(s);
    expect(result.ok ? [] : result.issues.map((i) => [i.path, i.message.split(':')[0]])).toEqual([
      ['/states/start/meta/narrative/1', 'This text holds a null character (U+0000) after "A"'],
      ['/states/end/meta/ending/title', 'This text holds a next-line character (U+0085) after "Bad"'],
    ]);
  });

  it('keeps tabs, line breaks and emoji in text, and refuses half an emoji', () => {
    const s = valid();
    s.states.start.meta.narrative = ['Tab\there.\nNew line. 🙂'];
    expect(loadScenarioValue(s).ok).toBe(true);
    s.states.start.meta.narrative = ['Broken \uD83D emoji'];
    const result = loadScenarioValue(s);
    expect(result.ok ? '' : result.issues[0].message).toMatch(
      /^This text holds half of a surrogate pair .*\(U\+D83D\)/,
    );
  });

  it('accepts and keeps the XState keys that carry no behaviour, as Stately writes them', () => {
    const s = valid();
    s.description = 'Drawn in Stately.';
    s.version = '1.2';
    s.tags = 'training';
    s.states.start.tags = ['opening', 'lunch'];
    s.states.start.description = 'The first scene.';
    s.states.start.on.GO.description = 'The only way on.';
    const result = loadScenarioValue(s);
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(result.ok && result.scenario).toEqual(s);
    expect(result.ok && [...createActor(result.machine).start().getSnapshot().tags]).toEqual([
      'training',
      'opening',
      'lunch',
    ]);
  });

  it('suggests the closest state for a target that names none, and lists the states there', () => {
    const s = valid();
    s.states.start.on.GO.target = 'ned';
    s.states.group = { initial: 'inner', states: { inner: fakeScene({ on: { OUT: fakeChoice({ target: 'edn' }) } }) } };
    s.states.start.on.IN = fakeChoice({ target: 'grup.iner' });
    const result = loadScenarioValue(s);
    expect(result.ok ? [] : result.issues.map((i) => [i.path, i.message.split(' A target')[0]])).toEqual([
      [
        '/states/start/on/GO/target',
        '"ned" names no state. Did you mean "end"? The states here are start, end, group.',
      ],
      [
        '/states/start/on/IN/target',
        '"grup.iner" names no state. Did you mean "group.inner"? The states here are start, end, group.',
      ],
      [
        '/states/group/states/inner/on/OUT/target',
        '"edn" names no state. Did you mean "#fake.end"? The states here are inner.',
      ],
    ]);
  });

  it('numbers alternatives as people count, while the JSON path stays exact', () => {
    const s = valid();
    const guarded = (value: number) => fakeChoice({ guard: { type: 'atLeast', params: { var: 'trust', value } } });
    s.states.start.on.TOGETHER = [guarded(2), guarded(1), fakeChoice(), fakeChoice({ target: 'start' })];
    s.states.start.on.TOGETHER[1].meta.harm = 'lots';
    const result = loadScenarioValue(s);
    expect(result.ok ? [] : result.issues.map((i) => [i.path, i.message])).toEqual([
      [
        '/states/start/on/TOGETHER/1/meta/harm',
        'In the 2nd alternative of TOGETHER: Expected an integer, got a string.',
      ],
    ]);
    s.states.start.on.TOGETHER[1].meta.harm = 1;
    const shadowed = loadScenarioValue(s);
    expect(shadowed.ok ? [] : shadowed.issues.map((i) => [i.path, i.message])).toEqual([
      [
        '/states/start/on/TOGETHER/3',
        'The 4th alternative of TOGETHER is never taken: the 3rd alternative of TOGETHER before it has no guard, so it always wins. Give it a guard, or move it last.',
      ],
    ]);
  });

  it('collects every problem of a stage, not only the first', () => {
    const s = editable(fakeScenario());
    s.meta.minutes = 'six';
    s.states.start.on.GO.meta.feedbak = 'typo';
    s.states.end.meta.ending.kind = 'great';
    const result = loadScenarioValue(s);
    expect(result.ok ? [] : result.issues.map((i) => [i.path, i.message])).toEqual([
      ['/meta/minutes', 'Expected an integer, got a string.'],
      ['/states/start/on/GO/meta/feedbak', 'Unknown key "feedbak". Did you mean "feedback"?'],
      ['/states/end/meta/ending/kind', 'Expected one of "good", "mixed", "poor"; got "great".'],
    ]);
  });

  it('names an unknown action and the vocabulary, which XState itself would skip in silence', () => {
    const s = editable(fakeScenario());
    s.states.start.on.GO.actions = { type: 'raise', params: { var: 'trust', by: 1 } };
    const result = loadScenarioValue(s);
    expect(result.ok ? [] : result.issues).toContainEqual(
      expect.objectContaining({
        code: 'unknownAction',
        message: 'Unknown action "raise"; the actions are "add", "set".',
      }),
    );
  });

  it('tells an author of a newer format to update rather than misreading it', () => {
    const s = editable(fakeScenario());
    s.meta.format = 2;
    const result = loadScenarioValue(s);
    expect(result.ok ? '' : result.issues[0].message).toMatch(/format 2.*reads format 1.*Update/);
  });

  it('resolves sibling, child and #id targets as XState does', () => {
    const s = editable(fakeScenario());
    s.states.start.on.GO.target = 'group';
    s.states.group = {
      initial: 'inner',
      states: {
        inner: fakeScene({ on: { NEXT: fakeChoice({ target: 'second' }) } }),
        second: fakeScene({ id: 'deep', on: { OUT: fakeChoice({ target: '#fake.end' }) } }),
      },
      on: { JUMP: fakeChoice({ target: '#deep' }) },
    };
    s.states.start.on.INTO = fakeChoice({ target: 'group.second' });
    const result = loadScenarioValue(s);
    expect(result.ok ? [] : result.issues).toEqual([]);
  });
});

describe('counting as people do', () => {
  it('says 1st, 2nd, 3rd, 4th, and 11th to 13th, 21st, 22nd, 23rd, 101st, 111th, 112th', () => {
    expect([1, 2, 3, 4, 10, 11, 12, 13, 21, 22, 23, 101, 111, 112].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '10th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '101st',
      '111th',
      '112th',
    ]);
  });
});
