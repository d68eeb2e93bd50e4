// @vitest-environment jsdom
import './studio-strings.ts';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkSource } from './check-source.ts';
import { ScenarioForm } from './scenario-form.tsx';
import { templateText } from './template.ts';

afterEach(cleanup);

/** The file as the form last wrote it. */
const file = { text: '' };

/** The form as the studio holds it: the file's text, and the scene being edited. */
function Studio({ start }: { start: string }) {
  const [text, setText] = useState(start);
  const [selected, setSelected] = useState('');
  file.text = text;
  return <ScenarioForm text={text} onChange={setText} selected={selected} onSelect={setSelected} />;
}

function renderForm(start: string) {
  render(<Studio start={start} />);
  return file;
}

const type = (field: HTMLElement, value: string) => fireEvent.change(field, { target: { value } });
const press = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }));
const errors = (text: string) =>
  checkSource(text, 'my-scenario.json')
    .problems.filter((p) => p.severity === 'error')
    .map((p) => p.line);

describe('the studio’s form', () => {
  it('lets a trainer add a scene with a timed choice and a condition, and an ending, without touching JSON', () => {
    const file = renderForm(templateText());

    // A new ending first, so the new scene's choices have somewhere new to go.
    press('Add an ending');
    type(screen.getByRole('textbox', { name: 'Ending title' }), 'She reports it');
    type(screen.getByRole('textbox', { name: 'Debrief' }), 'You went with her.\n\nTogether it was easier.');
    fireEvent.change(screen.getByRole('combobox', { name: 'How it turns out for the person targeted' }), {
      target: { value: 'good' },
    });

    press('Add a scene');
    expect((screen.getByRole('combobox', { name: 'Editing' }) as HTMLSelectElement).value).toBe('scene');
    type(screen.getByRole('textbox', { name: 'Narrative' }), 'She asks you to come with her to HR.');
    type(screen.getByRole('textbox', { name: 'Question to the learner' }), 'What do you say?');
    const first = screen.getByRole('group', { name: 'Choice 1' });
    type(within(first).getByRole('textbox', { name: 'What the learner picks' }), 'Go with her.');
    type(within(first).getByRole('textbox', { name: 'Feedback' }), 'Company makes it easier.');
    fireEvent.change(within(first).getByRole('combobox', { name: 'Leads to' }), { target: { value: 'ending' } });
    type(within(first).getByRole('spinbutton', { name: 'Bring others in' }), '2');
    // Offered only once trust is at least 1.
    fireEvent.change(within(first).getByRole('combobox', { name: 'Offered' }), { target: { value: 'trust' } });

    press('Add a timed choice');
    const timed = screen.getByRole('group', { name: 'When time runs out' });
    type(within(timed).getByRole('spinbutton', { name: 'Seconds before time runs out' }), '15');
    type(within(timed).getByRole('textbox', { name: 'What it means to let time run out' }), 'You hesitate.');
    type(within(timed).getByRole('textbox', { name: 'Feedback' }), 'She goes alone.');

    // The first scene's "Ask her to help you carry the mugs" (which adds 1 to trust) now leads to the new scene.
    fireEvent.change(screen.getByRole('combobox', { name: 'Editing' }), { target: { value: 'kitchen' } });
    const askHelp = screen
      .getAllByRole('group', { name: /^Choice \d$/ })
      .find(
        (g) =>
          (within(g).getByRole('textbox', { name: 'What the learner picks' }) as HTMLInputElement).value ===
          'Ask her to help you carry the mugs.',
      );
    if (!askHelp) throw new Error('the template has this choice');
    fireEvent.change(within(askHelp).getByRole('combobox', { name: 'Leads to' }), { target: { value: 'scene' } });

    expect(errors(file.text)).toEqual([]);
    const scenario = JSON.parse(file.text);
    expect(scenario.states.scene.after).toHaveProperty('15000');
    expect(scenario.states.scene.on.CHOICE).toMatchObject({
      target: 'ending',
      guard: { type: 'atLeast', params: { var: 'trust', value: 1 } },
      meta: { tactics: { bringOthers: 2 } },
    });
    expect(scenario.states.ending.meta.ending).toEqual({
      title: 'She reports it',
      debrief: ['You went with her.', 'Together it was easier.'],
      kind: 'good',
    });
  });

  it('says why a variable is not added, and never resets one already there', () => {
    const file = renderForm(templateText());
    type(screen.getByLabelText('trust starts at'), '3');
    const add = (name: string) => {
      type(screen.getByLabelText('New variable'), name);
      press('Add the variable');
    };
    add('');
    expect(screen.getByRole('alert').textContent).toMatch(/Type a name for the variable first/);
    add('trust');
    expect(screen.getByRole('alert').textContent).toMatch(/already a variable named trust/);
    add('Seen it');
    expect(screen.getByRole('alert').textContent).toMatch(/“Seen it” cannot be a variable's name/);
    expect(JSON.parse(file.text).context).toEqual({ trust: 3 });
    // A good name: added at 0, and the message gone.
    add('seenIt');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(JSON.parse(file.text).context).toEqual({ trust: 3, seenIt: 0 });
    // A name that happens to be a JavaScript object's own property is a name like any other.
    add('constructor');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(JSON.parse(file.text).context).toEqual({ trust: 3, seenIt: 0, constructor: 0 });
  });

  it('says why a number is not kept, and keeps the last good one in the file', () => {
    const file = renderForm(templateText());
    const timedAt = () => Object.keys(JSON.parse(file.text).states.kitchen.after ?? {});
    const before = timedAt();
    expect(before).toHaveLength(1);
    const timed = screen.getByRole('group', { name: 'When time runs out' });
    const seconds = within(timed).getByRole('spinbutton', { name: 'Seconds before time runs out' });
    for (const typed of ['0', '-5', '0.5', '601']) {
      type(seconds, typed);
      expect(within(timed).getByRole('alert').textContent).toBe(
        `${typed} is not kept: type a whole number from 1 to 600. The file keeps ${Number(before[0]) / 1000}.`,
      );
      expect(seconds.getAttribute('aria-invalid')).toBe('true');
      expect(timedAt()).toEqual(before);
    }
    // Leaving the field shows the kept value again, with the reason still there.
    fireEvent.blur(seconds);
    expect((seconds as HTMLInputElement).value).toBe(String(Number(before[0]) / 1000));
    expect(within(timed).getByRole('alert')).toBeTruthy();
    type(seconds, '25');
    expect(within(timed).queryByRole('alert')).toBeNull();
    expect(timedAt()).toEqual(['25000']);
    const minutes = screen.getByRole('spinbutton', { name: 'Minutes to play' });
    const minutesBefore = JSON.parse(templateText()).meta.minutes;
    for (const [typed, said] of [
      ['0', '0 is not kept: type a whole number from 1 to 120.'],
      ['121', '121 is not kept: type a whole number from 1 to 120.'],
      // Emptied (or "-" on the way to a negative number): the minutes are required, so nothing is written.
      ['', 'Type a whole number from 1 to 120.'],
    ]) {
      type(minutes, typed);
      expect(screen.getByRole('alert').textContent).toBe(`${said} The file keeps ${minutesBefore}.`);
      expect(JSON.parse(file.text).meta.minutes).toBe(minutesBefore);
    }
  });

  it('writes a cast and who is in each scene, and removing someone takes them out of every scene', () => {
    const file = renderForm(templateText());
    const add = (id: string) => {
      type(screen.getByLabelText('New person (a short id, e.g. priya)'), id);
      press('Add to the cast');
    };
    add('Priya');
    expect(screen.getByRole('alert').textContent).toMatch(/“Priya” cannot be a person's id/);
    add('priya');
    add('priya');
    expect(screen.getByRole('alert').textContent).toMatch(/already someone in the cast as priya/);
    add('mark');
    const priya = screen.getByRole('group', { name: 'priya' });
    type(within(priya).getByRole('textbox', { name: 'Name' }), 'Priya Shah');
    type(within(priya).getByRole('textbox', { name: 'Role in the story (e.g. your manager)' }), 'your colleague');
    const present = screen.getByRole('group', { name: 'Who is in this scene' });
    fireEvent.click(within(present).getByRole('checkbox', { name: 'Mark' }));
    fireEvent.click(within(present).getByRole('checkbox', { name: 'Priya Shah' }));
    expect(errors(file.text)).toEqual([]);
    const written = JSON.parse(file.text);
    expect(written.meta.cast).toEqual({
      priya: { name: 'Priya Shah', role: 'your colleague' },
      mark: { name: 'Mark' },
    });
    expect(written.states.kitchen.meta.present).toEqual(['mark', 'priya']);
    // Removing someone who is in a scene asks first, naming the scenes; declined, nothing changes.
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    const removeMark = () =>
      fireEvent.click(within(screen.getByRole('group', { name: 'mark' })).getByRole('button', { name: /mark/ }));
    removeMark();
    expect(confirm).toHaveBeenCalledWith(
      'Remove mark from the cast? They are also taken out of the scenes they are in: kitchen.',
    );
    expect(JSON.parse(file.text).meta.cast).toHaveProperty('mark');
    confirm.mockReturnValue(true);
    removeMark();
    vi.unstubAllGlobals();
    const after = JSON.parse(file.text);
    expect(Object.keys(after.meta.cast)).toEqual(['priya']);
    expect(after.states.kitchen.meta.present).toEqual(['priya']);
    expect(errors(file.text)).toEqual([]);
    // The format's limits are said when met, not after: twelve people, eight of them in a scene.
    for (let i = 1; i <= 11; i++) add(`extra${i}`);
    add('onemore');
    expect(screen.getByRole('alert').textContent).toBe('The cast has 12 people, the most a scenario may have.');
    const boxes = within(screen.getByRole('group', { name: 'Who is in this scene' })).getAllByRole('checkbox');
    for (const box of boxes.slice(1, 8)) fireEvent.click(box);
    expect(JSON.parse(file.text).states.kitchen.meta.present).toHaveLength(8);
    expect(boxes.filter((b) => (b as HTMLInputElement).disabled)).toHaveLength(4);
    expect(screen.getByText('8 people are in this scene, the most a scene may show.')).toBeTruthy();
  });

  it('says at the file name what is wrong with it, and offers the id it could be', () => {
    const file = renderForm(templateText());
    const id = screen.getByRole('textbox', { name: 'File name (id)' });
    type(id, 'Lift At Work');
    expect(id.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/“Lift At Work” cannot be a file name yet/).textContent).toMatch(
      /downloads as lift-at-work\.json/,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Use lift-at-work' }));
    expect(JSON.parse(file.text).id).toBe('lift-at-work');
    expect(screen.getByRole('textbox', { name: 'File name (id)' }).getAttribute('aria-invalid')).toBeNull();
    expect(checkSource(file.text, 'lift-at-work.json').problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('applies the languages on Enter, and keeps one when the field is emptied', () => {
    const file = renderForm(templateText());
    const field = screen.getByLabelText('Languages') as HTMLInputElement;
    type(field, 'en, es');
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(JSON.parse(file.text).meta.languages).toEqual(['en', 'es']);
    expect(screen.getByLabelText('Title (Spanish)')).toBeTruthy();
    const emptied = screen.getByLabelText('Languages') as HTMLInputElement;
    type(emptied, '');
    fireEvent.blur(emptied);
    expect((screen.getByLabelText('Languages') as HTMLInputElement).value).toBe('en, es');
    expect(JSON.parse(file.text).meta.languages).toEqual(['en', 'es']);
    // A language given twice is one, and the field says so.
    const twice = screen.getByLabelText('Languages') as HTMLInputElement;
    type(twice, 'en, es, es');
    fireEvent.keyDown(twice, { key: 'Enter' });
    expect(twice.value).toBe('en, es');
    expect(JSON.parse(file.text).meta.languages).toEqual(['en', 'es']);
  });

  it('shows a state that routes by conditions as its routes in words, and edits them', () => {
    const file = renderForm(templateText());
    fireEvent.change(screen.getByRole('combobox', { name: 'Editing' }), { target: { value: 'outcome' } });
    const first = screen.getByRole('group', { name: 'Route 1' });
    expect((within(first).getByRole('combobox', { name: 'Taken' }) as HTMLSelectElement).value).toBe('trust');
    expect(within(first).getByRole('option', { name: 'is at least', selected: true })).toBeTruthy();
    expect((within(first).getByRole('textbox', { name: 'Value' }) as HTMLInputElement).value).toBe('2');
    expect((within(first).getByRole('combobox', { name: 'Leads to' }) as HTMLSelectElement).value).toBe('good');
    const second = screen.getByRole('group', { name: 'Route 2' });
    expect((within(second).getByRole('combobox', { name: 'Taken' }) as HTMLSelectElement).value).toBe('');
    type(within(first).getByRole('textbox', { name: 'Value' }), '1');
    expect(JSON.parse(file.text).states.outcome.always[0]).toEqual({
      target: 'good',
      guard: { type: 'atLeast', params: { var: 'trust', value: 1 } },
    });
    expect(errors(file.text)).toEqual([]);
  });

  it('keeps a blank line being typed in a text of paragraphs, and writes the paragraphs apart', () => {
    const file = renderForm(templateText());
    const narrative = screen.getByRole('textbox', { name: 'Narrative' }) as HTMLTextAreaElement;
    type(narrative, 'One.\n\n');
    expect(narrative.value).toBe('One.\n\n');
    type(narrative, 'One.\n\nTwo.');
    expect(JSON.parse(file.text).states.kitchen.meta.narrative).toEqual(['One.', 'Two.']);
  });

  it('names every field for a screen reader (axe), and says what to do while the JSON does not read', async () => {
    const { container } = render(
      <ScenarioForm text={templateText()} onChange={() => {}} selected="" onSelect={() => {}} />,
    );
    const results = await axe.run(container, { rules: { region: { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
    cleanup();
    render(<ScenarioForm text={'{ "id": '} onChange={() => {}} selected="" onSelect={() => {}} />);
    expect(screen.getByText(/switch to the source and fix the first error/)).toBeTruthy();
  });
});
