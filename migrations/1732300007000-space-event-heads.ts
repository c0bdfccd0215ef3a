import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The head of each question's event log moves from `spaces.last_seq` to a table of its own,
 * owned by the event log (contributions), as `space_events` is.
 *
 * Every post, edit, moderation decision and translation raises a head, under its row lock,
 * in the statement that appends the events. On `spaces` that meant a new version of the
 * whole row (prompts in three languages, their machine translations) per batch; here it is
 * a row of two columns. A space without a head has appended nothing: the head is created by
 * the first append (`INSERT … ON CONFLICT DO UPDATE`), so creating a question needs no write
 * outside the spaces lib.
 */
export class SpaceEventHeads1732300007000 implements MigrationInterface {
  name = 'SpaceEventHeads1732300007000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE space_event_heads (
        space_id uuid PRIMARY KEY REFERENCES spaces(id) ON DELETE CASCADE,
        last_seq bigint NOT NULL CHECK (last_seq >= 0)
      ) WITH (fillfactor = 50)`);
    await q.query(
      `INSERT INTO space_event_heads (space_id, last_seq) SELECT id, last_seq FROM spaces WHERE last_seq > 0`,
    );
    await q.query(`ALTER TABLE spaces DROP COLUMN last_seq`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE spaces ADD COLUMN last_seq bigint NOT NULL DEFAULT 0`);
    await q.query(`UPDATE spaces s SET last_seq = h.last_seq FROM space_event_heads h WHERE h.space_id = s.id`);
    await q.query(`DROP TABLE space_event_heads`);
  }
}
