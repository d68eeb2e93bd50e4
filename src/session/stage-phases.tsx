import { presentPeople } from '../engine/cast.ts';
import type { RoomView } from '../protocol/messages.ts';
import { useT } from '../ui/i18n.ts';
import { StageWall } from './commitment-wall.tsx';
import { DiscussionPrompts } from './discussion-prompts.tsx';
import { useGroupDebriefBlocks } from './group-debrief.tsx';
import { GuessBars } from './guess-bars.tsx';
import { JoinPanel } from './join-panel.tsx';
import { RoomChoiceList } from './room-choices.tsx';
import { SessionEnded } from './session-ended.tsx';
import { StageNarrative } from './stage-narrative.tsx';
import { StageParts } from './stage-parts.tsx';
import type { RoomStory } from './use-room-story.ts';
import { ChoiceFeedback, VoteBars } from './vote-bars.tsx';

interface StagePhaseProps {
  readonly story: RoomStory;
  readonly room: RoomView;
  readonly receivedAt: number;
}

/**
 * What the projector shows in the room's phase: one screenful each. Every region keeps its size (never
 * below the size the back of a room reads) and is shown in parts the console turns when it must: the
 * narrative while voting; once revealed, the bars first, then each choice's feedback; the debrief, and
 * beside it the #IWill wall (each region turns with the same part, and starts again at its first part
 * once past its last).
 */
export function StagePhase({ story, room, receivedAt }: StagePhaseProps) {
  const { t } = useT();
  const part = room.scenePart ?? 0;
  const debrief = useGroupDebriefBlocks(story, room, { split: true });
  const prompt = story.scene?.config.meta?.prompt;
  const question = prompt ? story.text(prompt) : t('scene.defaultPrompt');
  // How to join (or that the room is locked): the lobby's main panel, the voting screen's corner.
  const join = (
    <JoinPanel
      code={room.code}
      sessionId={room.sessionId}
      joined={room.joined}
      connected={room.connected}
      locked={room.locked}
    />
  );
  switch (room.phase) {
    case 'lobby':
      return (
        <div className="stage-body stage-lobby">
          {join}
          <section className="panel content-note" aria-labelledby="note-title">
            <h2 id="note-title">{t('note.title')}</h2>
            <p>{story.text(story.scenario.meta.contentNote)}</p>
            <p>{t('note.leaveAnyTime')}</p>
          </section>
        </div>
      );
    case 'voting':
      return (
        <div className="stage-body stage-voting">
          <StageNarrative
            paragraphs={story.paragraphs(story.scene?.config.meta?.narrative ?? [])}
            people={presentPeople(story.scenario, story.scene?.config.meta, story.text)}
            part={part}
          />
          <section className="stage-question" aria-labelledby="stage-prompt">
            <h2 id="stage-prompt">{question}</h2>
            <RoomChoiceList story={story} room={room} receivedAt={receivedAt} />
          </section>
          <div className="join-corner">{join}</div>
        </div>
      );
    case 'revealed': {
      const tally = room.tally;
      const bars = [
        {
          key: 'bars',
          node: (
            <>
              <h2 className="stage-prompt">{question}</h2>
              {tally && <VoteBars story={story} tally={tally} choices={story.choices} feedback={false} />}
            </>
          ),
        },
        // The guesses beside the votes, then each choice's feedback as a block of its own, then the prompts.
        ...(tally && room.guesses
          ? [
              {
                key: 'guesses',
                node: <GuessBars story={story} guesses={room.guesses} tally={tally} choices={story.choices} />,
              },
            ]
          : []),
        ...(tally?.shown ? story.choices : []).map((choice) => ({
          key: choice.event,
          node: (
            <div className="panel choice-feedback">
              <p className="vote-label">
                <strong>{choice.meta ? story.text(choice.meta.label) : choice.event}</strong>
              </p>
              <ChoiceFeedback story={story} choice={choice} />
            </div>
          ),
        })),
        { key: 'discussion', node: <DiscussionPrompts story={story} /> },
      ];
      return (
        <div className="stage-body stage-revealed">
          {/* Named apart from the bars' own "How the room voted" inside it: one landmark, one name. */}
          <StageParts label={t('session.votesAndFeedback')} className="stage-bars" blocks={bars} part={part} />
        </div>
      );
    }
    case 'debrief':
      return (
        <div className="stage-body stage-debrief">
          <StageParts label={t('session.groupDebrief')} className="stage-main" blocks={debrief} part={part} />
          <StageWall posts={room.wall} part={part} />
        </div>
      );
    case 'closed':
      return (
        <div className="stage-body stage-closed">
          <SessionEnded />
        </div>
      );
  }
}
