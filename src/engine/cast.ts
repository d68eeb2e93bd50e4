import type { Scenario, StateMeta, Text } from './scenario.types.ts';

/** Someone in a scene, in the reader's language. */
export interface PresentPerson {
  /** Their id in `meta.cast`. */
  readonly id: string;
  readonly name: string;
  /** Who they are in the story; '' when the cast gives no role. */
  readonly role: string;
  /** The word their portrait is drawn from: `portrait` if the cast gives one, else the id. */
  readonly portrait: string;
}

/**
 * Who from the cast is in a scene (`meta.present`), in its order, in the reader's language through
 * `text`. An id the cast does not have is left out (the checker refuses such a file).
 */
export function presentPeople(
  scenario: Pick<Scenario, 'meta'>,
  scene: StateMeta | undefined,
  text: (t: Text) => string,
) {
  const cast = scenario.meta.cast ?? {};
  return (scene?.present ?? []).flatMap((id): PresentPerson[] => {
    const person = Object.hasOwn(cast, id) ? cast[id] : undefined;
    if (!person) return [];
    return [
      {
        id,
        name: text(person.name),
        role: person.role === undefined ? '' : text(person.role),
        portrait: person.portrait ?? id,
      },
    ];
  });
}
