import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../test/support/scenario-files.ts';
import type { Scenario } from '../engine/scenario.types.ts';
import { textFields } from '../engine/text-fields.ts';
import { checkSource } from './check-source.ts';
import {
  addChoice,
  addState,
  choiceAt,
  choicesIn,
  type EditableScenario,
  editText,
  formPlace,
  readForForm,
  readParagraphs,
  readText,
  removeChoice,
  removeState,
  setLanguages,
  setTimedSeconds,
  writeForForm,
  writeParagraphs,
  writeText,
} from './scenario-edits.ts';
import { templateText } from './template.ts';

describe('the form’s edits to a scenario file', () => {
  it('leaves every shipped scenario as it was when nothing is changed', () => {
    const files = readdirSync(`${ROOT}/scenarios`).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const text = readFileSync(`${ROOT}/scenarios/${file}`, 'utf8');
      expect([file, JSON.parse(editText(text, () => {}))]).toEqual([file, JSON.parse(text)]);
    }
  });

  it('shows nothing for a text whose JSON does not read, and changes nothing in it', () => {
    expect(readForForm('{ "id": ')).toBeUndefined();
    expect(editText('{ "id": ', (s) => addState(s, 'ending'))).toBe('{ "id": ');
  });

  it('writes paragraphs one language at a time: a blank line splits them, the other language keeps its own', () => {
    const languages = ['en', 'es'];
    const before = [
      { en: 'First.', es: 'Primero.' },
      { en: 'Second.', es: 'Segundo.' },
    ];
    expect(readParagraphs(before, 'es', 'en')).toBe('Primero.\n\nSegundo.');
    // English now has one paragraph: the Spanish second one stays, alone.
    expect(writeParagraphs(before, 'en', 'Only one.', languages)).toEqual([
      { en: 'Only one.', es: 'Primero.' },
      { es: 'Segundo.' },
    ]);
    // A plain string becomes the main language's when a second language is written.
    expect(writeText('Hello', 'es', 'Hola', languages)).toEqual({ en: 'Hello', es: 'Hola' });
    expect(writeText('Hello', 'en', 'Hi', ['en'])).toBe('Hi');
  });

  it('keeps every English text English when the main language changes ("es, en", or "es" alone)', () => {
    const before = readForForm(templateText()) as EditableScenario;
    const english = [...textFields(before as Scenario)].map(({ path, text }) => [path, text]);
    expect(english.length).toBeGreaterThan(5);
    expect(english.every(([, text]) => typeof text === 'string')).toBe(true);
    const after = readForForm(editText(templateText(), (s) => setLanguages(s, ['es', 'en']))) as EditableScenario;
    expect(after.meta).toMatchObject({ language: 'es', languages: ['es', 'en'] });
    const read = [...textFields(after as Scenario)].map(({ path, text }) => [
      path,
      readText(text, 'en', 'es'),
      readText(text, 'es', 'es'),
    ]);
    expect(read).toEqual(english.map(([path, text]) => [path, text, '']));
    // Back to "en, es": English again where it was, nothing lost or moved.
    const back = readForForm(editText(writeForForm(after), (s) => setLanguages(s, ['en', 'es']))) as EditableScenario;
    expect([...textFields(back as Scenario)].map(({ path, text }) => [path, readText(text, 'en', 'en')])).toEqual(
      english,
    );
    // Replacing English by Spanish ("en" to "es") relabels nothing either: the English stays English,
    // and the checker lists the Spanish still to write.
    const replaced = editText(templateText(), (s) => setLanguages(s, ['es']));
    expect((readForForm(replaced) as EditableScenario).meta.title).toEqual({ en: before.meta.title });
    expect(checkSource(replaced, 'my-scenario.json').problems.some((p) => /No "es" text/.test(p.line))).toBe(true);
  });

  it('builds a playable scenario from the template: a new scene, a timed choice, a new ending', () => {
    let scene = '';
    let ending = '';
    const text = editText(templateText(), (s) => {
      scene = addState(s, 'scene');
      ending = addState(s, 'ending');
      const timed = addChoice(s, scene, 'after');
      const moved = setTimedSeconds(s.states[scene], timed, 12);
      const waited = choiceAt(s.states[scene], moved);
      if (waited) Object.assign(waited.meta, { label: 'You wait.', feedback: 'Waiting leaves her alone.' });
      const [first] = choicesIn(s.states[scene]);
      first.choice.meta.label = 'Ask if she is OK.';
      first.choice.meta.feedback = 'Checking in helps.';
      first.choice.target = ending;
      s.states[scene].meta = { ...s.states[scene].meta, narrative: ['It happens again.'], prompt: 'What now?' };
      const end = s.states[ending].meta?.ending;
      if (end) Object.assign(end, { title: 'Checked in', debrief: ['You checked in.'], kind: 'good' });
      const laugh = choiceAt(s.states.kitchen, { under: 'on', key: 'LAUGH' });
      if (laugh) laugh.target = scene;
    });
    const scenario = readForForm(text);
    expect(Object.keys(scenario?.states[scene].after ?? {})).toEqual(['12000']);
    expect(scenario?.states[scene].after?.['12000']).toMatchObject({ meta: { timeout: true } });
    const check = checkSource(text, 'my-scenario.json');
    expect(check.problems.filter((p) => p.severity === 'error').map((p) => p.line)).toEqual([]);
  });

  it('names new choices and states apart, and removes them whole', () => {
    editText(templateText(), (s) => {
      const a = addChoice(s, 'kitchen', 'on');
      const b = addChoice(s, 'kitchen', 'on');
      expect([a.key, b.key]).toEqual(['CHOICE', 'CHOICE_2']);
      removeChoice(s.states.kitchen, a);
      expect(Object.keys(s.states.kitchen.on ?? {})).not.toContain('CHOICE');
      expect([addState(s, 'scene'), addState(s, 'scene')]).toEqual(['scene', 'scene2']);
      // Removing the first scene makes another the first, so the file still starts somewhere.
      removeState(s, 'kitchen');
      expect(s.states.kitchen).toBeUndefined();
      expect(s.initial).not.toBe('kitchen');
      expect(Object.keys(s.states)).toContain(s.initial);
    });
  });
});

describe('where a problem is, in the form’s terms', () => {
  const scenario = readForForm(readFileSync(`${ROOT}/scenarios/hand-on-the-back.json`, 'utf8'));
  if (!scenario) throw new Error('unreadable');
  it.each([
    ['/states/moment/on/SPEAK_UP/target', { part: { scene: 'moment', ending: false }, choice: 2, field: 'leadsTo' }],
    ['/states/moment/on/ASK_SAM/1/meta/label', { part: { scene: 'moment', ending: false }, choice: 4, field: 'label' }],
    ['/states/moment/on/ASK_SAM/0/guard', { part: { scene: 'moment', ending: false }, choice: 3, field: 'condition' }],
    [
      '/states/lunch/after/20000/meta/label',
      { part: { scene: 'lunch', ending: false }, choice: 'timed', field: 'timedLabel' },
    ],
    ['/states/lunch/after/20000', { part: { scene: 'lunch', ending: false }, choice: 'timed', field: 'seconds' }],
    ['/states/lunch/meta/stage', { part: { scene: 'lunch', ending: false }, field: 'stage' }],
    ['/states/backed/meta/ending/debrief', { part: { scene: 'backed', ending: true }, field: 'debrief' }],
    ['/states/decision/always/1/target', { part: { scene: 'decision', ending: false }, route: 2, field: 'leadsTo' }],
    ['/meta/contentNote', { part: 'details', field: 'contentNote' }],
    ['/initial', { part: 'details', field: 'firstScene' }],
    ['/context/trust', { part: 'variables' }],
  ])('%s', (path, place) => {
    expect(formPlace(scenario, path)).toEqual(place);
  });
  it('names a cast member’s field and a scene’s people', () => {
    const scenario = readForForm(templateText()) as EditableScenario;
    expect(formPlace(scenario, '/meta/cast/priya/role/es')).toEqual({ part: 'cast', field: 'personRole' });
    expect(formPlace(scenario, '/states/kitchen/meta/present/1')).toEqual({
      part: { scene: 'kitchen', ending: false },
      field: 'present',
    });
  });

  it('names nothing for the whole file or a state that is not there', () => {
    expect(formPlace(scenario, '')).toBeUndefined();
    expect(formPlace(scenario, '/states/nowhere/meta')).toBeUndefined();
  });
});
