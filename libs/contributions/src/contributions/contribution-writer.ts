import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, GroupCommit, SpaceEvent } from '@roundtable/core';
import { raiseEventHead } from '../events/event-head';
import type { ContributionDto } from './contribution.dto';
import { OutboxRelay } from '../events/outbox-relay';
import { CONTRIBUTIONS_MESSAGES as M } from '../contributions-messages';

/** A published contribution waiting for its turn to be written. */
export interface NewContribution {
  id: string;
  parentId: string | null;
  rootId: string;
  authorId: string;
  body: string;
  bodyHtml: string;
  language: string | null;
  createdAt: Date;
  /** The contribution as clients render it; the event's copy takes its seq and texts from the database's row. */
  view: ContributionDto;
}

/**
 * Writes published contributions with group commit ({@link GroupCommit}): posts into a
 * space that arrive while its previous batch is being written are written together by
 * ONE statement that raises the space's event head by n, inserts n contributions and n
 * events, and bumps parents' reply counts, so seqs stay gap-free.
 */
@Injectable()
export class ContributionWriter {
  private readonly batches = new GroupCommit<NewContribution, number>((spaceId, items) =>
    this.writeBatch(spaceId, items),
  );

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly relay: OutboxRelay,
  ) {}

  /** Resolves with the contribution's seq once it is committed. */
  write(spaceId: string, item: NewContribution): Promise<number> {
    return this.batches.submit(spaceId, item);
  }

  /** Commits a batch, hands its events to the relay and returns each item's seq. */
  private async writeBatch(spaceId: string, items: NewContribution[]): Promise<number[]> {
    const base = await this.insertBatch(spaceId, items);
    void this.relay.publishSafely(
      items.map((item, i): SpaceEvent & { contributionId: string } => ({
        type: 'contribution.published',
        spaceId,
        seq: base + i + 1,
        contributionId: item.id,
        createdAt: item.createdAt.toISOString(),
        payload: { contribution: { ...item.view, seq: base + i + 1 } },
      })),
    );
    return items.map((_, i) => base + i + 1);
  }

  /** Returns the seq before the batch; the i-th item gets base + i + 1. */
  private async insertBatch(spaceId: string, items: NewContribution[]): Promise<number> {
    const rows: Array<{ base: string }> = await this.db.query(
      `WITH s AS (
${raiseEventHead('$1', '$2::bigint', { onlyOpen: true })}
       ), input AS (
         SELECT * FROM unnest($3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::text[], $8::text[], $9::text[], $10::timestamptz[], $11::jsonb[])
           WITH ORDINALITY AS t(id, parent_id, root_id, author_id, body, body_html, language, created_at, view, ord)
       ), c AS (
         INSERT INTO contributions (id, space_id, parent_id, root_id, author_id, body, body_html, language, language_source,
                                    status, seq, created_at, updated_at, last_activity_at)
         SELECT i.id, $1, i.parent_id, i.root_id, i.author_id, i.body, i.body_html, i.language,
                CASE WHEN i.language IS NULL THEN 'unknown' ELSE 'declared' END,
                'published', s.base + i.ord, i.created_at, i.created_at, i.created_at
         FROM input i CROSS JOIN s
       ), e AS (
         INSERT INTO space_events (space_id, seq, type, contribution_id, payload, created_at)
         SELECT $1, s.base + i.ord, 'contribution.published', i.id,
                jsonb_build_object('contribution', i.view || jsonb_build_object(
                  'body', i.body, 'bodyHtml', i.body_html, 'text', i.body, 'seq', s.base + i.ord)), i.created_at
         FROM input i CROSS JOIN s
       ), p AS (
         UPDATE contributions t
         SET reply_count = t.reply_count + r.replies, last_activity_at = greatest(t.last_activity_at, r.at)
         FROM (
           SELECT x.id, sum(x.replies)::int AS replies, max(x.at) AS at FROM (
             SELECT parent_id AS id, 1 AS replies, created_at AS at FROM input WHERE parent_id IS NOT NULL
             UNION ALL
             SELECT root_id, 0, created_at FROM input WHERE parent_id IS NOT NULL AND root_id <> parent_id
           ) x GROUP BY x.id
         ) r
         WHERE t.id = r.id
       )
       SELECT base FROM s`,
      [
        spaceId,
        items.length,
        items.map((i) => i.id),
        items.map((i) => i.parentId),
        items.map((i) => i.rootId),
        items.map((i) => i.authorId),
        items.map((i) => i.body),
        items.map((i) => i.bodyHtml),
        items.map((i) => i.language),
        items.map((i) => i.createdAt.toISOString()),
        // the view without its texts, which are sent once, in their own columns: what a
        // post costs the api is mostly the bytes it sends PostgreSQL
        items.map((i) => JSON.stringify({ ...i.view, body: undefined, bodyHtml: undefined, text: undefined })),
      ],
    );
    if (rows.length === 0) throw DomainError.conflict(M.spaceNotOpen, 'space_not_open');
    return Number(rows[0].base);
  }
}
