import type { Kysely } from 'kysely';
import type { OpenDatabase } from './database.ts';
import type { Database } from './schema.types.ts';

/** One vote to store: a participant's choice on one decision, at a time in ms since the epoch. */
export interface VoteWrite {
  readonly session_id: string;
  readonly decision: number;
  readonly participant_id: string;
  readonly choice: string;
  readonly at: number;
}

/** Stores a batch of votes in one transaction, in order: all of them or none. */
type CommitVotes = (votes: readonly VoteWrite[]) => Promise<void>;

/** A transaction holds at most this many votes; more wait for the next one. */
const MAX_BATCH = 2000;

/** Vote commits in flight at once on PostgreSQL (its pool holds 10 connections; the rest serve everything else). */
const POSTGRES_COMMITS_IN_FLIGHT = 4;

interface Pending {
  readonly vote: VoteWrite;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/** The row a vote goes to: one per participant and decision. */
const rowOf = (v: VoteWrite) => `${v.session_id}\u0000${v.decision}\u0000${v.participant_id}`;

/**
 * Group commit for votes, the hot path of a session: every vote that arrives while a commit is in
 * flight (or in the same turn of the event loop) goes into the next one, so a class voting at once
 * costs a few transactions rather than one per phone. `put` resolves only once the transaction that
 * holds the vote has committed, so a vote is acknowledged only when it is durable; if the commit
 * fails, `put` rejects for every vote of that batch and none of them is stored.
 *
 * Up to `inFlight` commits may run at once (PostgreSQL's, which wait on the network and the disk, not on
 * this process), so a vote need not wait for a commit it arrived too late for; a vote whose row is in a
 * commit still in flight waits for it, so a participant's votes are stored in the order they came.
 *
 * The statement is prepared once: better-sqlite3 keeps it compiled, and PostgreSQL gets one named,
 * server-side prepared multi-row upsert per batch (`unnest` of arrays, so any batch size has the same
 * text). A repeat of the same choice changes nothing; a change counts once in `changes`.
 */
export class VoteWriter {
  private waiting: Pending[] = [];
  private scheduled = false;
  /** Commits in flight, and the rows they write. */
  private readonly flushing = new Set<Promise<void>>();
  private readonly rowsInFlight = new Set<string>();

  constructor(
    private readonly commit: CommitVotes,
    private readonly inFlight = 1,
  ) {}

  /** Queues the vote for the next commit; resolves once it is committed, rejects if that commit fails. */
  put(vote: VoteWrite): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ vote, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves once every vote put so far has been committed or refused: before the database closes. */
  async drain(): Promise<void> {
    while (this.flushing.size || this.waiting.length) {
      if (!this.flushing.size) this.flush();
      await Promise.allSettled(this.flushing);
    }
  }

  private schedule() {
    if (this.scheduled || this.flushing.size >= this.inFlight) return;
    this.scheduled = true;
    // After the current turn: the votes read from the network in the same turn share the commit.
    setImmediate(() => {
      this.scheduled = false;
      if (this.flushing.size < this.inFlight && this.waiting.length) this.flush();
    });
  }

  /** Starts a commit of the votes waiting whose rows no commit in flight writes (in order, at most MAX_BATCH). */
  private flush() {
    const batch: Pending[] = [];
    const held: Pending[] = [];
    for (const p of this.waiting) {
      if (batch.length < MAX_BATCH && !this.rowsInFlight.has(rowOf(p.vote))) batch.push(p);
      else held.push(p);
    }
    if (!batch.length) return;
    this.waiting = held;
    const rows = new Set(batch.map((p) => rowOf(p.vote)));
    for (const row of rows) this.rowsInFlight.add(row);
    const flushing = this.commitBatch(batch).finally(() => {
      this.flushing.delete(flushing);
      for (const row of rows) this.rowsInFlight.delete(row);
      if (this.waiting.length) this.schedule();
    });
    this.flushing.add(flushing);
  }

  private async commitBatch(batch: readonly Pending[]): Promise<void> {
    try {
      await this.commit(batch.map((p) => p.vote));
      for (const p of batch) p.resolve();
    } catch (error) {
      for (const p of batch) p.reject(error);
    }
  }
}

/** The vote writer for an open database, with its statement prepared once. */
export function voteWriterFor(opened: OpenDatabase): VoteWriter {
  return opened.kind === 'sqlite'
    ? new VoteWriter(sqliteCommit(opened.db, opened.sqlite))
    : new VoteWriter(postgresCommit(opened.pool), POSTGRES_COMMITS_IN_FLIGHT);
}

// Both engines read the old row's columns in SET and the new values as `excluded`.
const ON_CONFLICT = `ON CONFLICT (session_id, decision, participant_id) DO UPDATE SET
  changes = votes.changes + CASE WHEN votes.choice <> excluded.choice THEN 1 ELSE 0 END,
  last_at = CASE WHEN votes.choice <> excluded.choice THEN excluded.last_at ELSE votes.last_at END,
  choice = excluded.choice`;

function sqliteCommit(db: Kysely<Database>, sqlite: Extract<OpenDatabase, { kind: 'sqlite' }>['sqlite']): CommitVotes {
  const upsert = sqlite.prepare(
    `INSERT INTO votes (session_id, decision, participant_id, choice, first_at, last_at, changes)
     VALUES (?, ?, ?, ?, ?, ?, 0) ${ON_CONFLICT}`,
  );
  const writeAll = sqlite.transaction((votes: readonly VoteWrite[]) => {
    for (const v of votes) upsert.run(v.session_id, v.decision, v.participant_id, v.choice, v.at, v.at);
  });
  // SQLite has one connection: holding it through Kysely keeps the batch out of any transaction the
  // query builder has open (and theirs out of ours).
  return (votes) => db.connection().execute(async () => writeAll(votes));
}

const PG_UPSERT = `INSERT INTO votes (session_id, decision, participant_id, choice, first_at, last_at, changes)
  SELECT s, d, p, c, a, a, 0 FROM unnest($1::varchar[], $2::integer[], $3::varchar[], $4::varchar[], $5::bigint[])
    AS v(s, d, p, c, a)
  ${ON_CONFLICT}`;

function postgresCommit(pool: Extract<OpenDatabase, { kind: 'postgres' }>['pool']): CommitVotes {
  return async (votes) => {
    const client = await pool.connect();
    const rounds = splitAtRepeats(votes);
    const run = (round: readonly VoteWrite[]) =>
      client.query({
        name: 'upstander-put-votes',
        text: PG_UPSERT,
        values: [
          round.map((v) => v.session_id),
          round.map((v) => v.decision),
          round.map((v) => v.participant_id),
          round.map((v) => v.choice),
          round.map((v) => v.at),
        ],
      });
    let failed = false;
    try {
      // One statement is one transaction already; several (a phone that changed its vote within the
      // batch) are wrapped in one.
      if (rounds.length === 1) await run(rounds[0]);
      else {
        await client.query('BEGIN');
        for (const round of rounds) await run(round);
        await client.query('COMMIT');
      }
    } catch (error) {
      // The connection may be mid-transaction or broken: it is closed rather than reused.
      failed = true;
      throw error;
    } finally {
      client.release(failed);
    }
  };
}

/**
 * PostgreSQL refuses an upsert that touches one row twice: the batch is split, in order, wherever a
 * participant's vote on a decision repeats, so each part touches each row once.
 */
export function splitAtRepeats(votes: readonly VoteWrite[]): VoteWrite[][] {
  const rounds: VoteWrite[][] = [];
  let seen = new Set<string>();
  for (const vote of votes) {
    const key = rowOf(vote);
    if (!rounds.length || seen.has(key)) {
      rounds.push([]);
      seen = new Set();
    }
    seen.add(key);
    rounds[rounds.length - 1].push(vote);
  }
  return rounds;
}
