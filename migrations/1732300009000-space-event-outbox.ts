import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox of the space event log becomes a table of its own: one small row per event
 * that the relay has not handed on yet, deleted when it has.
 *
 * Until now `space_events.published_at` was set by the relay for every event. That wrote a
 * new version of the whole event row (its payload carries the post's text) and of every
 * index entry, because the partial index on `published_at` rules out HOT updates: about a
 * kilobyte of WAL per post, and a dead row of the largest table for vacuum to clean. Now
 * the event log is written once and only read after; what changes is a row of three
 * columns in a table that stays as small as the relay's backlog.
 *
 * Every appended event gets its outbox row in the statement that appends it, from a
 * statement-level trigger, so no writer of the log can forget it.
 */
export class SpaceEventOutbox1732300009000 implements MigrationInterface {
  name = 'SpaceEventOutbox1732300009000';

  async up(q: QueryRunner): Promise<void> {
    // no foreign key: checking one per row would lock each new event row again; the
    // sweeper removes the rows whose events went with their space
    await q.query(`
      CREATE TABLE space_event_outbox (
        space_id uuid NOT NULL,
        seq bigint NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (space_id, seq)
      )`);
    await q.query(`CREATE INDEX space_event_outbox_created_idx ON space_event_outbox (created_at)`);
    await q.query(`
      CREATE FUNCTION space_events_to_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO space_event_outbox (space_id, seq, created_at) SELECT space_id, seq, created_at FROM appended;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER space_events_to_outbox AFTER INSERT ON space_events
      REFERENCING NEW TABLE AS appended FOR EACH STATEMENT EXECUTE FUNCTION space_events_to_outbox()`);
    await q.query(
      `INSERT INTO space_event_outbox (space_id, seq, created_at)
       SELECT space_id, seq, created_at FROM space_events WHERE published_at IS NULL`,
    );
    await q.query(`DROP INDEX space_events_unpublished_idx`);
    await q.query(`ALTER TABLE space_events DROP COLUMN published_at`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE space_events ADD COLUMN published_at timestamptz`);
    await q.query(`UPDATE space_events SET published_at = created_at`);
    await q.query(
      `UPDATE space_events e SET published_at = NULL FROM space_event_outbox o WHERE o.space_id = e.space_id AND o.seq = e.seq`,
    );
    await q.query(`CREATE INDEX space_events_unpublished_idx ON space_events (created_at) WHERE published_at IS NULL`);
    await q.query(`DROP TRIGGER space_events_to_outbox ON space_events`);
    await q.query(`DROP FUNCTION space_events_to_outbox()`);
    await q.query(`DROP TABLE space_event_outbox`);
  }
}
