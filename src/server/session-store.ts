import type { Kysely } from 'kysely';
import { CHOSEN_BY, type Tally } from '../protocol/messages.ts';
import { isPhase } from '../protocol/phases.ts';
import { closeDatabase, type OpenDatabase } from './db/database.ts';
import { eraseDeleted } from './db/erase.ts';
import type { Database, ParticipantsTable, SessionsTable } from './db/schema.types.ts';
import { type VoteWriter, voteWriterFor } from './db/vote-writer.ts';
import type {
  ClosedDecision,
  Participant,
  Post,
  PostStatus,
  RoomProgress,
  RoomState,
  StoredRoom,
  Vote,
} from './room-state.types.ts';

export type { StoredRoom } from './room-state.types.ts';

/** The one query layer over the session tables; the same queries run on SQLite and PostgreSQL. */
export class SessionStore {
  readonly db: Kysely<Database>;
  private readonly votes: VoteWriter;

  constructor(private readonly opened: OpenDatabase) {
    this.db = opened.db;
    this.votes = voteWriterFor(opened);
  }

  async createSession(room: RoomState): Promise<void> {
    await this.db.insertInto('sessions').values(sessionRow(room)).execute();
  }

  async codeInUse(code: string): Promise<boolean> {
    return !!(await this.db.selectFrom('sessions').select('id').where('code', '=', code).executeTakeFirst());
  }

  async sessionIdByCode(code: string): Promise<string | undefined> {
    return (await this.db.selectFrom('sessions').select('id').where('code', '=', code).executeTakeFirst())?.id;
  }

  async loadRoom(sessionId: string): Promise<StoredRoom | undefined> {
    const session = await this.db.selectFrom('sessions').selectAll().where('id', '=', sessionId).executeTakeFirst();
    if (!session) return undefined;
    const room = roomState(session);
    const [participants, votes, decisions, posts] = await Promise.all([
      this.db
        .selectFrom('participants')
        .selectAll()
        .where('session_id', '=', sessionId)
        .orderBy('joined_at')
        .orderBy('id')
        .execute(),
      this.db
        .selectFrom('votes')
        .select(['participant_id', 'choice'])
        .where('session_id', '=', sessionId)
        .where('decision', '=', room.choices.length)
        .execute(),
      this.db.selectFrom('decisions').selectAll().where('session_id', '=', sessionId).orderBy('decision').execute(),
      this.db.selectFrom('posts').selectAll().where('session_id', '=', sessionId).orderBy('created_at').execute(),
    ]);
    return {
      room,
      participants: seated(participants),
      votes: votes.map((v) => ({ participantId: v.participant_id, choice: v.choice })),
      decisions: decisions.map(
        (d): ClosedDecision => ({
          decision: d.decision,
          scene: d.scene.split('.'),
          choice: d.choice,
          chosenBy: CHOSEN_BY.find((by) => by === d.chosen_by) ?? 'majority',
          tally: JSON.parse(d.tally) as Tally,
          openedAt: d.opened_at,
          revealedAt: d.revealed_at,
          closedAt: d.closed_at,
        }),
      ),
      posts: posts.map((p) => ({ id: p.id, text: p.text, status: p.status as PostStatus, createdAt: p.created_at })),
    };
  }

  async updateSession(id: string, changes: Partial<RoomProgress>): Promise<void> {
    await this.db.updateTable('sessions').set(progressRow(changes)).where('id', '=', id).execute();
  }

  async addParticipant(sessionId: string, p: Participant): Promise<void> {
    await this.db
      .insertInto('participants')
      .values({
        id: p.id,
        session_id: sessionId,
        resume_hash: p.resumeHash,
        joined_at: p.joinedAt,
        seat: p.seat,
        removed_at: null,
      })
      .execute();
  }

  /**
   * The facilitator takes a participant out: the seat is marked removed (it cannot be resumed) and its
   * vote on the decision on the screen is deleted, in one transaction.
   */
  async removeParticipant(sessionId: string, participantId: string, decision: number, at: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('participants')
        .set({ removed_at: at })
        .where('id', '=', participantId)
        .where('session_id', '=', sessionId)
        .execute();
      await trx
        .deleteFrom('votes')
        .where('session_id', '=', sessionId)
        .where('decision', '=', decision)
        .where('participant_id', '=', participantId)
        .execute();
    });
  }

  /**
   * Records a vote, or changes it: one row per participant and decision, so a repeat never counts twice.
   * Votes arriving together share one commit (group commit); resolves once this one is committed.
   */
  putVote(sessionId: string, vote: Vote): Promise<void> {
    return this.votes.put({
      session_id: sessionId,
      decision: vote.decision,
      participant_id: vote.participantId,
      choice: vote.choice,
      at: vote.at,
    });
  }

  /** Records a guess at the room's pick, or changes it: one row per participant and decision. */
  async putGuess(g: { sessionId: string; decision: number; participantId: string; choice: string; at: number }) {
    await this.db
      .insertInto('guesses')
      .values({
        session_id: g.sessionId,
        decision: g.decision,
        participant_id: g.participantId,
        choice: g.choice,
        at: g.at,
      })
      .onConflict((oc) =>
        oc.columns(['session_id', 'decision', 'participant_id']).doUpdateSet({ choice: g.choice, at: g.at }),
      )
      .execute();
  }

  /** The guesses on one decision, for a room coming back after a restart. */
  async guessesOn(sessionId: string, decision: number): Promise<{ participantId: string; choice: string }[]> {
    const rows = await this.db
      .selectFrom('guesses')
      .select(['participant_id', 'choice'])
      .where('session_id', '=', sessionId)
      .where('decision', '=', decision)
      .execute();
    return rows.map((r) => ({ participantId: r.participant_id, choice: r.choice }));
  }

  /** Closes a decision and moves the session on, in one transaction: both or neither. */
  async closeDecision(sessionId: string, closed: ClosedDecision, changes: Partial<RoomProgress>): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('decisions')
        .values({
          session_id: sessionId,
          decision: closed.decision,
          scene: closed.scene.join('.'),
          choice: closed.choice,
          chosen_by: closed.chosenBy,
          tally: JSON.stringify(closed.tally),
          opened_at: closed.openedAt,
          revealed_at: closed.revealedAt,
          closed_at: closed.closedAt,
        })
        .execute();
      await trx.updateTable('sessions').set(progressRow(changes)).where('id', '=', sessionId).execute();
    });
  }

  async addPost(sessionId: string, post: Post): Promise<void> {
    await this.db
      .insertInto('posts')
      .values({ id: post.id, session_id: sessionId, text: post.text, created_at: post.createdAt, status: post.status })
      .execute();
  }

  async setPostStatus(id: string, status: PostStatus): Promise<void> {
    await this.db.updateTable('posts').set({ status }).where('id', '=', id).execute();
  }

  /** Vote timings of every decision, for the results export: no participant ids leave this method. */
  async voteTimings(sessionId: string) {
    return this.db
      .selectFrom('votes')
      .select(['decision', 'choice', 'first_at', 'last_at', 'changes'])
      .where('session_id', '=', sessionId)
      .orderBy('decision')
      .orderBy('first_at')
      .execute();
  }

  async participantCount(sessionId: string): Promise<number> {
    const row = await this.db
      .selectFrom('participants')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('session_id', '=', sessionId)
      .where('removed_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /**
   * Retention: deletes every session created before the cut-off, with its participants, votes and posts,
   * then erases the deleted bytes as far as the database allows (see `eraseDeleted`).
   */
  async deleteExpired(now: number): Promise<number> {
    const deleted = await this.db.transaction().execute(async (trx) => {
      const expired = trx.selectFrom('sessions').select('id').where('expires_at', '<=', now);
      for (const table of ['participants', 'votes', 'decisions', 'posts', 'guesses'] as const) {
        await trx.deleteFrom(table).where('session_id', 'in', expired).execute();
      }
      const sessions = await trx.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
      return Number(sessions.numDeletedRows);
    });
    if (deleted) await eraseDeleted(this.opened);
    return deleted;
  }

  /** Closes the database once every vote already received has been committed. */
  async close(): Promise<void> {
    await this.votes.drain();
    await closeDatabase(this.opened);
  }
}

// Rows ↔ domain ------------------------------------------------------------------------------------

function sessionRow(room: RoomState): SessionsTable {
  return {
    id: room.id,
    code: room.code,
    scenario_id: room.scenarioId,
    host_hash: room.hostHash,
    created_at: room.createdAt,
    expires_at: room.expiresAt,
    cap: room.cap,
    min_reveal: room.minReveal,
    timers: room.timers ? 1 : 0,
    locked: room.locked ? 1 : 0,
    phase: room.phase,
    choices: JSON.stringify(room.choices),
    opened_at: room.openedAt,
    deadline: room.deadline,
    revealed_at: room.revealedAt,
  };
}

/** The columns of the changes given, and only those. */
function progressRow(changes: Partial<RoomProgress>): Partial<SessionsTable> {
  const row: Partial<SessionsTable> = {};
  if (changes.locked !== undefined) row.locked = changes.locked ? 1 : 0;
  if (changes.phase !== undefined) row.phase = changes.phase;
  if (changes.choices !== undefined) row.choices = JSON.stringify(changes.choices);
  if (changes.openedAt !== undefined) row.opened_at = changes.openedAt;
  if (changes.deadline !== undefined) row.deadline = changes.deadline;
  if (changes.revealedAt !== undefined) row.revealed_at = changes.revealedAt;
  return row;
}

/** A stored session as the room knows it; a row the server cannot read is an error, never a guess. */
function roomState(row: SessionsTable): RoomState {
  if (!isPhase(row.phase)) throw new Error(`Session ${row.id} is stored in an unknown phase "${row.phase}".`);
  const choices: unknown = JSON.parse(row.choices);
  if (!Array.isArray(choices) || !choices.every((c) => typeof c === 'string'))
    throw new Error(`Session ${row.id} has a stored path that is not a list of choices.`);
  return {
    id: row.id,
    code: row.code,
    scenarioId: row.scenario_id,
    hostHash: row.host_hash,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    cap: row.cap,
    minReveal: row.min_reveal,
    timers: row.timers === 1,
    locked: row.locked === 1,
    phase: row.phase,
    choices,
    openedAt: row.opened_at,
    deadline: row.deadline,
    revealedAt: row.revealed_at,
  };
}

/** Participants in the order they joined; rows from before seats were numbered get the next numbers. */
function seated(rows: readonly ParticipantsTable[]): Participant[] {
  let last = Math.max(0, ...rows.map((r) => r.seat ?? 0));
  return rows.map((r) => ({
    id: r.id,
    resumeHash: r.resume_hash,
    seat: r.seat ?? ++last,
    joinedAt: r.joined_at,
    removed: r.removed_at !== null,
  }));
}
