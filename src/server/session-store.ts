import type { Kysely } from 'kysely';
import type { OpenDatabase } from './db/database.ts';
import { eraseDeleted } from './db/erase.ts';
import type { Database, DecisionsTable, PostsTable, SessionsTable } from './db/schema.types.ts';
import { type VoteWrite, type VoteWriter, voteWriterFor } from './db/vote-writer.ts';

export type SessionRow = SessionsTable;
export type DecisionRow = DecisionsTable;
export type PostRow = PostsTable;

/** Everything needed to bring a room back after a restart. */
export interface StoredRoom {
  readonly session: SessionRow;
  readonly participants: readonly { id: string; resume_hash: string }[];
  readonly votes: readonly { participant_id: string; choice: string }[];
  readonly decisions: readonly DecisionRow[];
  readonly posts: readonly PostRow[];
}

/** The one query layer over the session tables; the same queries run on SQLite and PostgreSQL. */
export class SessionStore {
  readonly db: Kysely<Database>;
  private readonly votes: VoteWriter;

  constructor(private readonly opened: OpenDatabase) {
    this.db = opened.db;
    this.votes = voteWriterFor(opened);
  }

  async createSession(row: SessionRow): Promise<void> {
    await this.db.insertInto('sessions').values(row).execute();
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
    const decision = JSON.parse(session.choices).length as number;
    const [participants, votes, decisions, posts] = await Promise.all([
      this.db.selectFrom('participants').select(['id', 'resume_hash']).where('session_id', '=', sessionId).execute(),
      this.db
        .selectFrom('votes')
        .select(['participant_id', 'choice'])
        .where('session_id', '=', sessionId)
        .where('decision', '=', decision)
        .execute(),
      this.db.selectFrom('decisions').selectAll().where('session_id', '=', sessionId).orderBy('decision').execute(),
      this.db.selectFrom('posts').selectAll().where('session_id', '=', sessionId).orderBy('created_at').execute(),
    ]);
    return { session, participants, votes, decisions, posts };
  }

  async updateSession(id: string, changes: Partial<Omit<SessionRow, 'id'>>): Promise<void> {
    await this.db.updateTable('sessions').set(changes).where('id', '=', id).execute();
  }

  async addParticipant(row: { id: string; session_id: string; resume_hash: string; joined_at: number }): Promise<void> {
    await this.db.insertInto('participants').values(row).execute();
  }

  /**
   * Records a vote, or changes it: one row per participant and decision, so a repeat never counts twice.
   * Votes arriving together share one commit (group commit); resolves once this one is committed.
   */
  putVote(vote: VoteWrite): Promise<void> {
    return this.votes.put(vote);
  }

  /** Closes a decision and moves the session on, in one transaction: both or neither. */
  async closeDecision(decision: DecisionRow, session: Partial<Omit<SessionRow, 'id'>>): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('decisions').values(decision).execute();
      await trx.updateTable('sessions').set(session).where('id', '=', decision.session_id).execute();
    });
  }

  async addPost(row: PostRow): Promise<void> {
    await this.db.insertInto('posts').values(row).execute();
  }

  async setPostStatus(id: string, status: 'shown' | 'hidden'): Promise<void> {
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
      for (const table of ['participants', 'votes', 'decisions', 'posts'] as const) {
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
    await this.db.destroy();
  }
}
