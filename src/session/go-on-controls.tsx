import { MAX_SCENE_PART } from '../protocol/limits.ts';
import type { ClientRequest, RoomView } from '../protocol/messages.ts';
import { phaseAllows } from '../protocol/phases.ts';
import { majorityOf } from '../protocol/tally.ts';
import { useT } from '../ui/i18n.ts';
import { ShortcutButton } from './shortcut-button.tsx';
import type { RoomStory } from './use-room-story.ts';
import { type Shortcuts, useShortcuts } from './use-shortcuts.ts';

interface GoOnControlsProps {
  readonly story: RoomStory;
  readonly room: RoomView;
  readonly send: (request: ClientRequest) => unknown;
  readonly offline: boolean;
}

/**
 * Every control the facilitator runs the room with, each with its single-key shortcut (shown on the
 * button, and working unless typing in a field): start (N), reveal (R), follow the majority (M),
 * explore a branch (1–9), lock (L), end the session (E, asked first), and, while voting, revealed or in
 * the debrief, turn the stage to the next or previous part of what it shows when that is too long for
 * one screen (Page Down, Page Up: what a presentation clicker sends; both disabled once the stages say
 * everything fits one part). The phase table says which are offered now. Call once per console: it
 * registers the shortcuts; `GoOnControls` and `ExploreChoices` show its buttons.
 */
export function useGoOn({ story, room, send, offline }: GoOnControlsProps) {
  const { t } = useT();
  const allows = (type: Parameters<typeof phaseAllows>[1]) => !offline && phaseAllows(room.phase, type);
  const majority = room.tally && majorityOf(room.tally);
  const label = (event: string) => {
    const meta = story.choices.find((c) => c.event === event)?.meta;
    return meta ? story.text(meta.label) : event;
  };
  const branches = phaseAllows(room.phase, 'advance') ? story.choices.slice(0, 9) : [];
  const end = () => {
    if (window.confirm(t('sessionView.endConfirm'))) send({ type: 'end' });
  };
  const part = room.scenePart ?? 0;
  // Nothing to turn once every stage says what it shows fits one part (not known: offered).
  const turnable = allows('scenePart') && (room.stageParts ?? 2) > 1;
  const turn = (to: number) => () => send({ type: 'scenePart', part: to });
  const shortcuts: Shortcuts = {
    pageup: turnable && part > 0 ? turn(part - 1) : undefined,
    pagedown: turnable && part < MAX_SCENE_PART ? turn(part + 1) : undefined,
    n: allows('start') ? () => send({ type: 'start' }) : undefined,
    r: allows('reveal') ? () => send({ type: 'reveal' }) : undefined,
    m: allows('advance') && majority ? () => send({ type: 'advance' }) : undefined,
    l: allows('lock') && room.phase !== 'closed' ? () => send({ type: 'lock', locked: !room.locked }) : undefined,
    e: allows('end') ? end : undefined,
    ...Object.fromEntries(
      branches.map((c, i) => [
        String(i + 1),
        allows('advance') ? () => send({ type: 'advance', choice: c.event }) : undefined,
      ]),
    ),
  };
  useShortcuts(shortcuts);
  return { room, offline, majority, label, branches, end, shortcuts };
}

export type GoOn = ReturnType<typeof useGoOn>;

/** The go-on controls in one toolbar row: start or reveal or follow the majority, the stage's parts, lock, end. */
export function GoOnControls({ goOn }: { goOn: GoOn }) {
  const { t } = useT();
  const { room, offline, majority, label, end, shortcuts } = goOn;
  if (room.phase === 'closed') return null;
  return (
    <section className="console-controls" aria-label={t('sessionView.controls')}>
      {phaseAllows(room.phase, 'start') && (
        <ShortcutButton shortcut="n" className="primary" disabled={offline} onClick={shortcuts.n}>
          {t('session.begin')}
        </ShortcutButton>
      )}
      {phaseAllows(room.phase, 'reveal') && (
        <ShortcutButton shortcut="r" className="primary" disabled={offline} onClick={shortcuts.r}>
          {t('session.reveal')}
        </ShortcutButton>
      )}
      {phaseAllows(room.phase, 'advance') && majority && (
        <ShortcutButton
          shortcut="m"
          className="primary follow-majority"
          disabled={offline}
          title={label(majority)}
          onClick={shortcuts.m}
        >
          {t('session.followMajority', { choice: label(majority) })}
        </ShortcutButton>
      )}
      {phaseAllows(room.phase, 'scenePart') && (
        <>
          <ShortcutButton shortcut="PageUp" disabled={!shortcuts.pageup} onClick={shortcuts.pageup}>
            {t('sessionView.previousPart')}
          </ShortcutButton>
          <ShortcutButton shortcut="PageDown" disabled={!shortcuts.pagedown} onClick={shortcuts.pagedown}>
            {t('sessionView.nextPart')}
          </ShortcutButton>
        </>
      )}
      <ShortcutButton shortcut="l" aria-pressed={room.locked} disabled={offline} onClick={shortcuts.l}>
        {room.locked ? t('session.unlock') : t('session.lock')}
      </ShortcutButton>
      <ShortcutButton shortcut="e" className="end-session" disabled={offline} onClick={end}>
        {t('sessionView.end')}
      </ShortcutButton>
    </section>
  );
}

/**
 * After the reveal, the branches to go on with as a compact numbered list, for beside the bars; it says
 * first when there is no clear majority to follow.
 */
export function ExploreChoices({ goOn }: { goOn: GoOn }) {
  const { t } = useT();
  const { offline, majority, label, branches, shortcuts } = goOn;
  if (branches.length === 0) return null;
  return (
    <section className="panel explore-choices" aria-labelledby="explore-title">
      <h2 id="explore-title">{majority ? t('session.explore') : t('session.noMajority')}</h2>
      <ol className="branch-buttons">
        {branches.map((c, i) => (
          <li key={c.event}>
            <ShortcutButton
              shortcut={String(i + 1)}
              disabled={offline}
              title={label(c.event)}
              onClick={shortcuts[String(i + 1)]}
            >
              {label(c.event)}
            </ShortcutButton>
          </li>
        ))}
      </ol>
    </section>
  );
}
