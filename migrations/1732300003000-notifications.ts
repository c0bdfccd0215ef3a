import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What members are told happened to them (`libs/notifications`): one row per member and
 * notice, written in the transaction of the decision that caused it (moderation) or by the
 * worker reacting to a space event (a reply, a published digest or summary). `source_key`
 * names that cause, so a retried job or a repeated event never tells a member twice.
 */
export class Notifications1732300003000 implements MigrationInterface {
  name = 'Notifications1732300003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('approved', 'rejected', 'hidden', 'restored', 'warned', 'suspended', 'suspension_lifted', 'reply', 'digest_published', 'summary_published')),
        space_id uuid REFERENCES spaces(id) ON DELETE CASCADE,
        contribution_id uuid REFERENCES contributions(id) ON DELETE CASCADE,
        details jsonb NOT NULL DEFAULT '{}',
        source_key text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        UNIQUE (user_id, source_key)
      )`);
    // GET /me/notifications: a member's notices, newest first, by keyset
    await q.query(`CREATE INDEX notifications_user_created_idx ON notifications (user_id, created_at DESC, id DESC)`);
    // the unread count in the header, asked on every page
    await q.query(`CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notifications`);
  }
}
