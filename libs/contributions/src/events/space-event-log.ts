import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SpaceEvent, SpaceEventType } from '@roundtable/core';
import type { Viewer } from '../contributions/contribution-view';
import { raiseEventHead } from './event-head';

export interface EventToAppend {
  type: SpaceEventType;
  contributionId: string | null;
  payload: Record<string, unknown>;
}

export type AppendedEvent = SpaceEvent & { contributionId: string | null };

/**
 * The per-space event log. Appending takes the next seqs from the space's head
 * (`space_event_heads`, {@link raiseEventHead}) in the caller's transaction, so an event exists exactly when its change was committed.
 */
@Injectable()
export class SpaceEventLog {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async append(manager: EntityManager, spaceId: string, events: EventToAppend[]): Promise<AppendedEvent[]> {
    const rows: Array<{ seq: string; created_at: Date; ord: string }> = await manager.query(
      `WITH s AS (${raiseEventHead('$1', '$2::bigint')})
       INSERT INTO space_events (space_id, seq, type, contribution_id, payload)
       SELECT $1, s.base + i.ord, i.type, i.cid, i.payload
       FROM s, unnest($3::text[], $4::uuid[], $5::jsonb[]) WITH ORDINALITY AS i(type, cid, payload, ord)
       RETURNING seq, created_at`,
      [
        spaceId,
        events.length,
        events.map((e) => e.type),
        events.map((e) => e.contributionId),
        events.map((e) => JSON.stringify(e.payload)),
      ],
    );
    const sorted = rows
      .map((r) => ({ seq: Number(r.seq), createdAt: r.created_at.toISOString() }))
      .sort((a, b) => a.seq - b.seq);
    return events.map((e, i) => ({ ...e, spaceId, seq: sorted[i].seq, createdAt: sorted[i].createdAt }));
  }

  /** The published event of an approved contribution carries the seq it was given. */
  async setPublishedSeq(manager: EntityManager, spaceId: string, seq: number): Promise<void> {
    await manager.query(
      `UPDATE space_events SET payload = jsonb_set(payload, '{contribution,seq}', to_jsonb($3::bigint)) WHERE space_id = $1 AND seq = $2`,
      [spaceId, seq, seq],
    );
  }

  /** A deleted account's name, organisation and country go from the events that replay its contributions (AccountErasure). */
  async anonymiseAuthor(manager: EntityManager, userId: string, shownAs: string): Promise<void> {
    await manager.query(
      `UPDATE space_events e
       SET payload = jsonb_set(e.payload, '{contribution,author}',
                               (e.payload #> '{contribution,author}') || jsonb_build_object('displayName', $2::text, 'organisation', NULL, 'country', NULL))
       FROM contributions c
       WHERE c.author_id = $1 AND e.space_id = c.space_id AND e.contribution_id = c.id
         AND e.payload #>> '{contribution,author,id}' = $1::text`,
      [userId, shownAs],
    );
  }

  async lastSeq(spaceId: string): Promise<number> {
    const rows = await this.db.query(`SELECT last_seq FROM space_event_heads WHERE space_id = $1`, [spaceId]);
    return rows.length ? Number(rows[0].last_seq) : 0;
  }

  /**
   * Events after `afterSeq`, in order, as this viewer may see them: text of contributions
   * that were hidden or deleted since is removed, whatever the event carried then.
   */
  async readAfter(
    spaceId: string,
    afterSeq: number,
    limit: number,
    viewer: Viewer | null,
    upToSeq?: number,
  ): Promise<SpaceEvent[]> {
    const rows: Array<{
      seq: string;
      type: SpaceEventType;
      payload: Record<string, any>;
      created_at: Date;
      current_status: string | null;
      author_id: string | null;
    }> = await this.db.query(
      `SELECT e.seq, e.type, e.payload, e.created_at, c.status AS current_status, c.author_id
         FROM space_events e LEFT JOIN contributions c ON c.id = e.contribution_id
         WHERE e.space_id = $1 AND e.seq > $2 AND ($4::bigint IS NULL OR e.seq <= $4)
         ORDER BY e.seq LIMIT $3`,
      [spaceId, afterSeq, limit, upToSeq ?? null],
    );
    return rows.map((r) => ({
      type: r.type,
      spaceId,
      seq: Number(r.seq),
      createdAt: r.created_at.toISOString(),
      payload: redact(r.payload, r.current_status, r.author_id, viewer),
    }));
  }
}

function redact(
  payload: Record<string, any>,
  status: string | null,
  authorId: string | null,
  viewer: Viewer | null,
): Record<string, any> {
  const contribution = payload.contribution;
  const translation = payload.translation; // contribution.translated carries the translated text
  if ((!contribution || typeof contribution !== 'object') && (!translation || typeof translation !== 'object'))
    return payload;
  const removed =
    status === 'deleted' ||
    ((status === 'hidden' || status === 'rejected') && !viewer?.canModerate && viewer?.userId !== authorId);
  if (!removed) return payload;
  if (!contribution || typeof contribution !== 'object')
    return { ...payload, translation: { ...translation, text: null } };
  return {
    ...payload,
    contribution: { ...contribution, status, body: null, bodyHtml: null, text: null, translations: {} },
  };
}
