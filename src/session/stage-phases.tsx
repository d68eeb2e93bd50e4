import type { RoomView } from '../protocol/messages.ts';
import { useT } from '../ui/i18n.ts';
import { CommitmentWall } from './commitment-wall.tsx';
import { DiscussionPrompts } from './discussion-prompts.tsx';
import { GroupDebrief } from './group-debrief.tsx';
import { GuessBars } from './guess-bars.tsx';
import { JoinPanel } from './join-panel.tsx';
import { RoomChoiceList } from './room-choices.tsx';
import { SessionEnded } from './session-ended.tsx';
import { StageNarrative } from './stage-narrative.tsx';
import { useFitText } from './use-fit-text.ts';
import type { RoomStory } from './use-room-story.ts';
import { VoteBars } from './vote-bars.tsx';

interface StagePhaseProps {
  readonly story: RoomStory;
  readonly room: RoomView;
  readonly receivedAt: number;
}

/**
 * What the projector shows in the room's phase: one screenful each. The narrative keeps its size and
 * is shown in parts when it must; the other regions are fitted to their boxes.
 */
export function StagePhase({ story, room, receivedAt }: StagePhaseProps) {
  const { t } = useT();
  const sceneKey = `${room.phase} ${room.scene.join('.')} ${room.wall.length}`;
  const main = useFitText<HTMLDivElement>(sceneKey);
  const side = useFitText<HTMLDivElement>(sceneKey);
  const prompt = story.scene?.config.meta?.prompt;
  const question = prompt ? story.text(prompt) : t('scene.defaultPrompt');
  switch (room.phase) {
    case 'lobby':
      return (
        <div className="stage-body stage-lobby">
          <JoinPanel code={room.code} sessionId={room.sessionId} joined={room.joined} connected={room.connected} />
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
            part={room.scenePart ?? 0}
          />
          <section className="stage-question" aria-labelledby="stage-prompt" ref={side}>
            <h2 id="stage-prompt">{question}</h2>
            <RoomChoiceList story={story} room={room} receivedAt={receivedAt} />
          </section>
          <div className="join-corner">
            <JoinPanel code={room.code} sessionId={room.sessionId} joined={room.joined} connected={room.connected} />
          </div>
        </div>
      );
    case 'revealed':
      return (
        <div className="stage-body stage-revealed">
          <div className="stage-bars" ref={main}>
            <h2 className="stage-prompt">{question}</h2>
            {room.tally && <VoteBars story={story} tally={room.tally} choices={story.choices} />}
          </div>
          <div className="stage-side" ref={side}>
            {room.tally && room.guesses && (
              <GuessBars story={story} guesses={room.guesses} tally={room.tally} choices={story.choices} />
            )}
            <DiscussionPrompts story={story} />
          </div>
        </div>
      );
    case 'debrief':
      return (
        <div className="stage-body stage-debrief">
          <div className="stage-main" ref={main}>
            <GroupDebrief story={story} room={room} />
          </div>
          <div className="stage-side" ref={side}>
            <CommitmentWall posts={room.wall} />
          </div>
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
