// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { presentPeople } from '../engine/cast.ts';
import { scenarioText } from '../engine/text.ts';
import { fakeScenario } from '../test-util/fakes.ts';
import { ScenePeople } from './scene-people.tsx';

afterEach(cleanup);

const scenario = fakeScenario({
  meta: {
    ...fakeScenario().meta,
    language: 'en',
    languages: ['en', 'es'],
    cast: {
      priya: { name: 'Priya', role: { en: 'your colleague', es: 'tu compañera' } },
      mark: { name: '<img src=x onerror=alert(1)>Mark', portrait: 'someone-else' },
    },
  },
});

describe('who is in a scene', () => {
  it('lists the people present in their order, in the reader’s language, names and roles as text', () => {
    const { text } = scenarioText(scenario, 'es');
    const people = presentPeople(scenario, { present: ['mark', 'priya', 'gone'] }, text);
    expect(people).toEqual([
      { id: 'mark', name: '<img src=x onerror=alert(1)>Mark', role: '', portrait: 'someone-else' },
      { id: 'priya', name: 'Priya', role: 'tu compañera', portrait: 'priya' },
    ]);
    render(<ScenePeople people={people} />);
    const items = within(screen.getByRole('list', { name: 'In this scene' })).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual(['<img src=x onerror=alert(1)>Mark', 'Priyatu compañera']);
    // Scenario text is text: nothing of a name becomes an element.
    expect(document.querySelector('img[src="x"]')).toBeNull();
  });

  it('shows nothing for a scene with no one present', () => {
    const { text } = scenarioText(scenario, 'en');
    render(<ScenePeople people={presentPeople(scenario, {}, text)} />);
    expect(screen.queryByRole('list')).toBeNull();
  });
});
