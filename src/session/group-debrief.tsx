import { Fragment } from 'react';
import { runScore } from '../engine/run-state.ts';
import type { Score } from '../engine/score.ts';
import { roomVotesScore } from '../engine/vote-score.ts';
import type { ChosenBy, RoomView } from '../protocol/messages.ts';
import { votesFor } from '../protocol/tally.ts';
import { useT } from '../ui/i18n.ts';
import type { StageBlock } from './stage-parts.tsx';
import type { RoomStory } from './use-room-story.ts';

/** How the path names the way a decision was taken. */
const BY = {
  majority: 'session.byMajority',
  facilitator: 'session.byFacilitator',
  'time-ran-out': 'session.timeRanOut',
} as const satisfies Record<ChosenBy, string>;

/**
 * The group's debrief: the ending, the path taken with its votes, and how the room scored per tactic.
 * The ending's title is an h1 where nothing above it is (a phone's page), else an h2.
 */
export function GroupDebrief({
  story,
  room,
  headingLevel = 'h2',
}: {
  story: RoomStory;
  room: RoomView;
  headingLevel?: 'h1' | 'h2';
}) {
  const blocks = useGroupDebriefBlocks(story, room, { headingLevel });
  return (
    <>
      {blocks.map((b) => (
        <Fragment key={b.key}>{b.node}</Fragment>
      ))}
    </>
  );
}

/**
 * The group debrief as blocks, for the stage to show in parts: the ending (with `split`, its title with
 * the first paragraph, then a block per further paragraph), the path taken, and the score table.
 */
export function useGroupDebriefBlocks(
  story: RoomStory,
  room: RoomView,
  { split = false, headingLevel = 'h2' }: { split?: boolean; headingLevel?: 'h1' | 'h2' } = {},
): StageBlock[] {
  const { t, tacticName, language } = useT();
  // Every figure to at most one decimal, in the viewer's notation: the room's votes are shares, the paths whole points.
  const figure = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  const ending = story.scene?.config.meta?.ending;
  const { best, worst } = story.analysis ?? {};
  const path = story.run ? runScore(story.run) : undefined;
  const votes = roomVotesScore(
    story.machine,
    room.path.map((d) => ({ choice: d.choice, counts: d.tally.shown ? d.tally.counts : undefined })),
  );
  const tactics = [...new Set([...Object.keys(best?.score.tactics ?? {}), ...Object.keys(path?.tactics ?? {})])];
  // One row per tactic, then harm and the total: each reads its figure from a score.
  const rows: [string, (score: Score) => number][] = [
    ...tactics.map((id): [string, (score: Score) => number] => [tacticName(id), (score) => score.tactics[id] ?? 0]),
    [t('session.harmRow'), (score) => score.harm],
    [t('session.totalRow'), (score) => score.total],
  ];
  // Named again in each cell, for the narrow layout where the table reflows into one card per row.
  const columns = [
    t('session.pathColumn'),
    t('session.votesColumn'),
    t('session.bestColumn'),
    t('session.worstColumn'),
  ];
  // How each decision was taken, with its figures: the clock's count is of people who did not vote, not votes.
  const howTaken = (d: RoomView['path'][number]) => {
    if (!d.tally.shown)
      return `${t(BY[d.chosenBy])} (${t('session.withheldInPath', { count: d.tally.total, needed: d.tally.needed })})`;
    const counted = votesFor(d.tally, d.choice);
    return d.chosenBy === 'time-ran-out'
      ? t('session.byTimeRanOut', counted)
      : `${t(BY[d.chosenBy])} (${t('session.voteCountInPath', counted)})`;
  };
  const endingText = ending ? story.paragraphs(ending.debrief) : [];
  const EndingHeading = headingLevel;
  const endingTitle = (
    <EndingHeading id="ending-title">{ending ? story.text(ending.title) : t('session.ended')}</EndingHeading>
  );
  const endingBlocks: StageBlock[] = split
    ? endingText.slice(1).map((p, i) => ({ key: `ending ${i + 1}`, node: <p className="panel ending-more">{p}</p> }))
    : [];
  const first = split ? endingText.slice(0, 1) : endingText;
  return [
    {
      key: 'ending',
      node: (
        <section className="panel ending-panel" aria-labelledby="ending-title">
          {/* The ending's kind as a band across the top, as a learner's own debrief has it; not on the
              stage, where the ending's title and first paragraph already fill a 720-line projector. */}
          {ending && !split && (
            <p className={`ending-kind ${ending.kind}`}>
              {t('debrief.ending', { kind: t(`debrief.kind.${ending.kind}`) })}
            </p>
          )}
          {endingTitle}
          {first.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </section>
      ),
    },
    ...endingBlocks,
    {
      key: 'path',
      node: (
        <section className="panel" aria-labelledby="path-title">
          <h2 id="path-title">{t('session.pathTaken')}</h2>
          <ol className="group-path">
            {room.path.map((d, i) => {
              // The replayed run holds each choice the group made, with its words.
              const meta = story.run?.steps[i]?.meta;
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: the path only grows; a decision's place in it is its identity.
                <li key={`${i}-${d.choice}`}>
                  <strong>{meta ? story.text(meta.label) : d.choice}</strong> {howTaken(d)}
                  {meta && <p className="vote-feedback">{story.text(meta.feedback)}</p>}
                </li>
              );
            })}
          </ol>
        </section>
      ),
    },
    ...(best && worst && path && votes
      ? [
          {
            key: 'score',
            node: (
              <section className="panel" aria-labelledby="room-score-title">
                <h2 id="room-score-title">{t('session.roomScore')}</h2>
                {votes.withheld > 0 && (
                  <p>{t('session.roomScoreWithheld', { count: votes.withheld, total: room.path.length })}</p>
                )}
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
                    {rows.map(([label, read]) => (
                      <tr key={label}>
                        <th scope="row">{label}</th>
                        {[path, votes.counted ? votes.score : undefined, best.score, worst.score].map(
                          (score, column) => (
                            // biome-ignore lint/suspicious/noArrayIndexKey: the four columns are fixed; their place is their identity.
                            <td key={column} data-label={columns[column]}>
                              {score ? figure.format(read(score)) : t('session.noSpread')}
                            </td>
                          ),
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
                <p className="score-legend">{t('session.roomScoreLegend')}</p>
              </section>
            ),
          },
        ]
      : []),
  ];
}
