import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { allAtOnceOrEachAlone, settleAll, SpaceEventHandler, SpaceEventJob } from '@roundtable/core';
import { NotificationWriter } from '../delivery/notification-writer';

const TRIGGERS: ReadonlySet<string> = new Set(['contribution.published', 'digest.published', 'stocktaking.published']);
const EXCERPT_CHARS = 160;

/**
 * The worker's reaction to space events that concern members other than whoever acted: a
 * published reply tells the author of the contribution it answers; a published moderator
 * digest tells the members of its question, a published stocktaking summary those of its
 * roundtable. Each notice is keyed by its cause, so a repeated event changes nothing.
 */
@Injectable()
export class NotificationEventHandler implements SpaceEventHandler {
  readonly name = 'notifications';

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly writer: NotificationWriter,
  ) {}

  handles(type: string): boolean {
    return TRIGGERS.has(type);
  }

  async handle(events: SpaceEventJob[]): Promise<void> {
    const replies = events.filter((e) => e.type === 'contribution.published' && e.contributionId);
    await settleAll([
      allAtOnceOrEachAlone(
        replies.map((e) => e.contributionId!),
        (ids) => this.noticeReplies(ids),
      ),
      ...events.filter((e) => e.type !== 'contribution.published').map((e) => this.publication(e)),
    ]);
  }

  /** A published moderator digest or stocktaking summary. */
  private async publication(job: SpaceEventJob): Promise<void> {
    const [event]: Array<{ payload: Record<string, unknown>; place: string; roundtable_number: number }> =
      await this.db.query(
        `SELECT e.payload, r.number || '.' || s.number AS place, r.number AS roundtable_number
       FROM space_events e JOIN spaces s ON s.id = e.space_id JOIN roundtables r ON r.id = s.roundtable_id
       WHERE e.space_id = $1 AND e.seq = $2`,
        [job.spaceId, job.seq],
      );
    if (!event) return;
    if (job.type === 'digest.published') return this.digest(job.spaceId, String(event.payload.digestId), event.place);
    return this.summary(
      job.spaceId,
      String(event.payload.summaryId),
      String(event.payload.roundtableId),
      String(event.roundtable_number),
    );
  }

  /** The published contributions among these that answer someone else's, each noticed by that someone. */
  private async noticeReplies(contributionIds: string[]): Promise<void> {
    const replies: Array<{
      id: string;
      space_id: string;
      parent_author: string;
      author_id: string;
      author_name: string;
      body: string;
      place: string;
    }> = await this.db.query(
      `SELECT c.id, c.space_id, p.author_id AS parent_author, c.author_id, u.display_name AS author_name, left(c.body, ${EXCERPT_CHARS}) AS body,
                r.number || '.' || s.number AS place
         FROM contributions c JOIN contributions p ON p.id = c.parent_id JOIN users u ON u.id = c.author_id
         JOIN spaces s ON s.id = c.space_id JOIN roundtables r ON r.id = s.roundtable_id
         WHERE c.id = ANY($1::uuid[]) AND c.status = 'published' AND p.status <> 'deleted' AND p.author_id <> c.author_id`,
      [contributionIds],
    );
    await this.writer.record(
      this.db.manager,
      replies.map((reply) => ({
        userId: reply.parent_author,
        kind: 'reply',
        spaceId: reply.space_id,
        contributionId: reply.id,
        sourceKey: `reply-${reply.id}`,
        details: { actorName: reply.author_name, excerpt: reply.body, place: reply.place },
      })),
    );
  }

  private async digest(spaceId: string, digestId: string, place: string): Promise<void> {
    const [digest]: Array<{ published_by: string | null }> = await this.db.query(
      `SELECT published_by FROM moderator_digests WHERE id = $1 AND status = 'published'`,
      [digestId],
    );
    if (!digest) return;
    await this.writer.recordForMembers(
      this.db.manager,
      [spaceId],
      {
        kind: 'digest_published',
        spaceId,
        contributionId: null,
        sourceKey: `digest-${digestId}`,
        details: { digestId, place },
      },
      digest.published_by,
    );
  }

  /** The summary's event is in every question's log; the source key keeps it to one notice per member. */
  private async summary(
    spaceId: string,
    summaryId: string,
    roundtableId: string,
    roundtableNumber: string,
  ): Promise<void> {
    const [summary]: Array<{ published_by: string | null }> = await this.db.query(
      `SELECT published_by FROM stocktaking_summaries WHERE id = $1 AND status = 'published'`,
      [summaryId],
    );
    if (!summary) return;
    await this.writer.recordForMembers(
      this.db.manager,
      [spaceId],
      {
        kind: 'summary_published',
        spaceId: null,
        contributionId: null,
        sourceKey: `summary-${summaryId}`,
        details: { summaryId, roundtableId, place: roundtableNumber },
      },
      summary.published_by,
    );
  }
}
