/** The tables of the session store. Times are milliseconds since the epoch. */

export interface SessionsTable {
  /** Random, 128 bits: what the facilitator's console and resuming phones name. */
  id: string;
  /** The join code: finds the room, grants nothing. */
  code: string;
  scenario_id: string;
  /** SHA-256 of the facilitator's secret; the secret itself is never stored. */
  host_hash: string;
  created_at: number;
  /** When retention deletes the session and everything in it. */
  expires_at: number;
  cap: number;
  min_reveal: number;
  /** 1 when timed choices run a shared countdown. */
  timers: number;
  locked: number;
  phase: string;
  /** JSON array of the events the group has chosen, in order: the story so far. */
  choices: string;
  /** When the decision on the screen opened for votes. */
  opened_at: number | null;
  /** When the shared countdown of a timed choice runs out. */
  deadline: number | null;
  revealed_at: number | null;
}

/** A phone in a session: no name, no address, no browser details. */
export interface ParticipantsTable {
  id: string;
  session_id: string;
  /** SHA-256 of the resume secret kept on the phone. */
  resume_hash: string;
  joined_at: number;
  /** The seat number the phone shows; null on rows from before seats were numbered. */
  seat: number | null;
  /** When the facilitator removed this participant; null while they hold the seat. */
  removed_at: number | null;
}

/** One participant's vote on one decision; changing it updates the row. */
export interface VotesTable {
  session_id: string;
  decision: number;
  participant_id: string;
  choice: string;
  first_at: number;
  last_at: number;
  changes: number;
}

/** A decision the group has made: which choice, how, and when. */
export interface DecisionsTable {
  session_id: string;
  decision: number;
  /** The scene's state keys joined with dots. */
  scene: string;
  choice: string;
  chosen_by: string;
  /** JSON of the tally as revealed. */
  tally: string;
  opened_at: number;
  revealed_at: number;
  closed_at: number;
}

export interface PostsTable {
  id: string;
  session_id: string;
  text: string;
  created_at: number;
  /** pending → shown or hidden, by the facilitator. */
  status: string;
}

/** One participant's guess at the room's pick on one decision; changing it updates the row. */
export interface GuessesTable {
  session_id: string;
  decision: number;
  participant_id: string;
  choice: string;
  /** When the guess was last made. */
  at: number;
}

export interface Database {
  sessions: SessionsTable;
  participants: ParticipantsTable;
  votes: VotesTable;
  decisions: DecisionsTable;
  posts: PostsTable;
  guesses: GuessesTable;
}
