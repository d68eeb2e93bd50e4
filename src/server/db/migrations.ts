import type { Kysely, Migration, MigrationProvider } from 'kysely';

/**
 * Numbered, named migrations, kept in code so the server needs no files beside it. A new one is added
 * at the end; a landed one is never edited.
 */
const migrations: Record<string, Migration> = {
  '0001-sessions': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('sessions')
        .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
        .addColumn('code', 'varchar(16)', (c) => c.notNull().unique())
        .addColumn('scenario_id', 'varchar(200)', (c) => c.notNull())
        .addColumn('host_hash', 'varchar(64)', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('cap', 'integer', (c) => c.notNull())
        .addColumn('min_reveal', 'integer', (c) => c.notNull())
        .addColumn('timers', 'integer', (c) => c.notNull())
        .addColumn('locked', 'integer', (c) => c.notNull())
        .addColumn('phase', 'varchar(16)', (c) => c.notNull())
        .addColumn('choices', 'text', (c) => c.notNull())
        .addColumn('opened_at', 'bigint')
        .addColumn('deadline', 'bigint')
        .addColumn('revealed_at', 'bigint')
        .execute();
      await db.schema.createIndex('sessions_expires_at').on('sessions').column('expires_at').execute();
      await db.schema
        .createTable('participants')
        .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
        .addColumn('session_id', 'varchar(32)', (c) => c.notNull())
        .addColumn('resume_hash', 'varchar(64)', (c) => c.notNull())
        .addColumn('joined_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('participants_session').on('participants').column('session_id').execute();
      await db.schema
        .createTable('votes')
        .addColumn('session_id', 'varchar(32)', (c) => c.notNull())
        .addColumn('decision', 'integer', (c) => c.notNull())
        .addColumn('participant_id', 'varchar(32)', (c) => c.notNull())
        .addColumn('choice', 'varchar(200)', (c) => c.notNull())
        .addColumn('first_at', 'bigint', (c) => c.notNull())
        .addColumn('last_at', 'bigint', (c) => c.notNull())
        .addColumn('changes', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('votes_pk', ['session_id', 'decision', 'participant_id'])
        .execute();
      await db.schema
        .createTable('decisions')
        .addColumn('session_id', 'varchar(32)', (c) => c.notNull())
        .addColumn('decision', 'integer', (c) => c.notNull())
        .addColumn('scene', 'varchar(400)', (c) => c.notNull())
        .addColumn('choice', 'varchar(200)', (c) => c.notNull())
        .addColumn('chosen_by', 'varchar(16)', (c) => c.notNull())
        .addColumn('tally', 'text', (c) => c.notNull())
        .addColumn('opened_at', 'bigint', (c) => c.notNull())
        .addColumn('revealed_at', 'bigint', (c) => c.notNull())
        .addColumn('closed_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('decisions_pk', ['session_id', 'decision'])
        .execute();
      await db.schema
        .createTable('posts')
        .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
        .addColumn('session_id', 'varchar(32)', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('posts_session').on('posts').column('session_id').execute();
    },
  },
  /** Seat numbers the phone shows, and the facilitator's removal of a participant. */
  '0002-participant-seats': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('participants').addColumn('seat', 'integer').execute();
      await db.schema.alterTable('participants').addColumn('removed_at', 'bigint').execute();
    },
  },
  /** Predict the room: each seat's guess at the room's pick, one per decision, stored like votes. */
  '0003-guesses': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('guesses')
        .addColumn('session_id', 'varchar(32)', (c) => c.notNull())
        .addColumn('decision', 'integer', (c) => c.notNull())
        .addColumn('participant_id', 'varchar(32)', (c) => c.notNull())
        .addColumn('choice', 'varchar(200)', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('guesses_pk', ['session_id', 'decision', 'participant_id'])
        .execute();
    },
  },
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
