import { useT } from '../app/i18n.ts';
import { runScore } from '../engine/run-state.ts';
import { roomVotesScore } from '../engine/vote-score.ts';
import type { RoomView } from '../protocol/messages.ts';
import type { RoomStory } from './use-room-story.ts';

/** The group's debrief: the ending, the path taken with its votes, and how the room scored per tactic. */
export function GroupDebrief({ story, room }: { story: RoomStory; room: RoomView }) {
  const { t, tacticName } = useT();
  const ending = story.scene?.config.meta?.ending;
  const { best, worst } = story.analysis ?? {};
  const path = story.run ? runScore(story.run) : undefined;
  const votes = roomVotesScore(
    story.machine,
    room.path.map((d) => ({ choice: d.choice, counts: d.tally.shown ? d.tally.counts : undefined })),
  );
  const tactics = [...new Set([...Object.keys(best?.score.tactics ?? {}), ...Object.keys(path?.tactics ?? {})])];
  return (
    <>
      <section className="panel" aria-labelledby="ending-title">
        <h2 id="ending-title">{ending ? story.text(ending.title) : t('session.ended')}</h2>
        {ending && story.paragraphs(ending.debrief).map((p) => <p key={p}>{p}</p>)}
      </section>
      <section className="panel" aria-labelledby="path-title">
        <h2 id="path-title">{t('session.pathTaken')}</h2>
        <ol className="group-path">
          {room.path.map((d, i) => {
            const meta = story.choiceAt(i, d.choice);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: the path only grows; a decision's place in it is its identity.
              <li key={`${i}-${d.choice}`}>
                <strong>{meta ? story.text(meta.label) : d.choice}</strong>{' '}
                {d.chosenBy === 'majority' ? t('session.byMajority') : t('session.byFacilitator')}
                {d.tally.shown
                  ? ` (${t('session.voteCount', { count: d.tally.counts[d.choice] ?? 0, share: d.tally.total ? Math.round(((d.tally.counts[d.choice] ?? 0) / d.tally.total) * 100) : 0 })})`
                  : ''}
                {meta && <p className="vote-feedback">{story.text(meta.feedback)}</p>}
              </li>
            );
          })}
        </ol>
      </section>
      {best && worst && path && votes && (
        <section className="panel" aria-labelledby="room-score-title">
          <h2 id="room-score-title">{t('session.roomScore')}</h2>
          <p>{t('session.roomScoreNote')}</p>
          <table className="score-table">
            <thead>
              <tr>
                <th scope="col">{t('session.tactic')}</th>
                <th scope="col">{t('session.pathColumn')}</th>
                <th scope="col">{t('session.votesColumn')}</th>
                <th scope="col">{t('session.bestColumn')}</th>
                <th scope="col">{t('session.worstColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {tactics.map((id) => (
                <tr key={id}>
                  <th scope="row">{tacticName(id)}</th>
                  <td>{path.tactics[id] ?? 0}</td>
                  <td>{votes.tactics[id] ?? 0}</td>
                  <td>{best.score.tactics[id] ?? 0}</td>
                  <td>{worst.score.tactics[id] ?? 0}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{t('session.harmRow')}</th>
                <td>{path.harm}</td>
                <td>{votes.harm}</td>
                <td>{best.score.harm}</td>
                <td>{worst.score.harm}</td>
              </tr>
              <tr>
                <th scope="row">{t('session.totalRow')}</th>
                <td>{path.total}</td>
                <td>{votes.total}</td>
                <td>{best.score.total}</td>
                <td>{worst.score.total}</td>
              </tr>
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}
