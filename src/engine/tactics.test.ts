import { describe, expect, it } from 'vitest';
import { fakeChoice, fakeScenario, fakeScene } from '../test-util/fakes.ts';
import type { Setting, Text } from './scenario.types.ts';
import { pledgeFor, suggestedPledges, TACTICS } from './tactics.ts';

const SETTINGS: readonly Setting[] = ['workplace', 'transit', 'social', 'campus', 'online'];

/**
 * Who and what belongs to one setting only: a pledge shown in any other setting must not name them
 * (no "driver" after a group chat, no "HR" after a train). English and Spanish, lower case.
 */
const BELONGS_TO: Readonly<Record<Setting, readonly string[]>> = {
  workplace: ['hr', 'manager', 'colleague', 'recursos humanos', 'dirección', 'compañer'],
  transit: [
    'driver',
    'passenger',
    'transport police',
    'train',
    'conductor',
    'quien conduce',
    'viaje',
    'tren',
    'policía del transporte',
  ],
  social: ['host', 'the party', 'quien organiza', 'la fiesta'],
  campus: ['resident adviser', 'tutor', 'student', 'residencia', 'estudiant'],
  online: ['chat', 'platform', 'the post', 'message', 'plataforma', 'publicación', 'mensaje'],
};

const both = (text: Text) => (typeof text === 'string' ? [text] : [text.en ?? '', text.es ?? '']);
const mentions = (text: string, word: string) => new RegExp(`\\b${word}`, 'iu').test(text);

/** A scenario in a setting that practises every tactic. */
function practisingAll(setting: Setting) {
  const on = Object.fromEntries(
    TACTICS.map((t, i) => [`T${i}`, fakeChoice({ target: 'end', meta: { tactics: { [t.id]: 1 } } })]),
  );
  return fakeScenario({
    meta: { setting } as never,
    states: { start: fakeScene({ on }), end: fakeScenario().states.end },
  });
}

describe('#IWill pledges', () => {
  it.each(SETTINGS)('suggest one pledge per practised tactic in %s, in English and Spanish', (setting) => {
    const pledges = suggestedPledges(practisingAll(setting));
    expect(pledges).toHaveLength(TACTICS.length);
    for (const pledge of pledges) {
      expect(typeof pledge === 'object' && pledge.en?.startsWith('I will') && pledge.es?.length).toBeTruthy();
    }
  });

  it.each(SETTINGS)('name no one who belongs to another setting in %s', (setting) => {
    const misplaced: string[] = [];
    for (const pledge of suggestedPledges(practisingAll(setting))) {
      for (const [other, words] of Object.entries(BELONGS_TO)) {
        if (other === setting) continue;
        for (const text of both(pledge)) {
          for (const word of words) if (mentions(text, word)) misplaced.push(`"${word}" (${other}) in: ${text}`);
        }
      }
    }
    expect(misplaced).toEqual([]);
  });

  it('never mention a driver after an online or a workplace scenario', () => {
    for (const setting of ['online', 'workplace'] as const) {
      const texts = suggestedPledges(practisingAll(setting)).flatMap(both);
      expect(texts.filter((text) => /driver|conductor|quien conduce/i.test(text))).toEqual([]);
    }
  });

  it('give every setting its own pledge for bringing others in, since whom you ask differs there', () => {
    const bringOthers = TACTICS.find((t) => t.id === 'bringOthers');
    for (const setting of SETTINGS) {
      expect([setting, bringOthers?.pledge[setting] !== undefined]).toEqual([setting, true]);
      expect(pledgeFor(bringOthers as never, setting)).not.toEqual(bringOthers?.pledge.default);
    }
  });

  it('fall back to the default pledge where a setting has none of its own', () => {
    const speakUp = TACTICS.find((t) => t.id === 'speakUp');
    expect(speakUp?.pledge.workplace).toBeUndefined();
    expect(pledgeFor(speakUp as never, 'workplace')).toEqual(speakUp?.pledge.default);
  });
});
