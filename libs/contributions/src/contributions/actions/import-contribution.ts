import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import type { Language } from '@roundtable/core';
import { Principal } from '@roundtable/identity';
import { SpaceEventLog } from '../../events/space-event-log';
import { BodyRenderer } from '../../rendering/body-renderer';
import { ContributionReader } from '../contribution-reader';
import { toContributionDto } from '../contribution-view';
import { replyTarget } from '../thread-rules';
import { OutboxRelay } from '../../events/outbox-relay';

/** Extra facts an import supplies; regular posts never set them. */
export interface ImportedFacts {
  createdAt: Date;
  externalRef: string;
}

/** A discussion imported from elsewhere: one contribution at a time, as it was posted. */
@Injectable()
export class ImportContribution {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: ContributionReader,
    private readonly events: SpaceEventLog,
    private readonly relay: OutboxRelay,
    private readonly renderer: BodyRenderer,
  ) {}

  /** Writes an imported contribution as it was originally posted (published, its own date); idempotent by external id. */
  async run(
    spaceId: string,
    author: Principal & { isModerator: boolean },
    input: { body: string; language: Language | null; parentId: string | null },
    facts: ImportedFacts,
  ): Promise<{ id: string; created: boolean }> {
    const existing = await this.db.query(`SELECT id FROM contributions WHERE space_id = $1 AND external_ref = $2`, [
      spaceId,
      facts.externalRef,
    ]);
    if (existing.length) return { id: existing[0].id, created: false };
    const thread = input.parentId ? await replyTarget(this.db, spaceId, input.parentId, true) : null;
    const id = randomUUID();
    const bodyHtml = this.renderer.render(input.body);
    const rootId = thread?.rootId ?? id;
    const appended = await this.db.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO contributions (id, space_id, parent_id, root_id, author_id, body, body_html, language, language_source, status, external_ref, created_at, updated_at, last_activity_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'published', $10, $11, $11, $11)`,
        [
          id,
          spaceId,
          input.parentId,
          rootId,
          author.id,
          input.body,
          bodyHtml,
          input.language,
          input.language ? 'declared' : 'unknown',
          facts.externalRef,
          facts.createdAt,
        ],
      );
      if (input.parentId) {
        await manager.query(
          `UPDATE contributions SET reply_count = reply_count + (id = $1)::int, last_activity_at = greatest(last_activity_at, $3) WHERE id IN ($1, $2)`,
          [input.parentId, rootId, facts.createdAt],
        );
      }
      const view = toContributionDto(await this.reader.row(id, manager), null);
      const events = await this.events.append(manager, spaceId, [
        { type: 'contribution.published', contributionId: id, payload: { contribution: view } },
      ]);
      await manager.query(`UPDATE contributions SET seq = $2 WHERE id = $1`, [id, events[0].seq]);
      events[0].payload = { contribution: { ...view, seq: events[0].seq } };
      return events;
    });
    void this.relay.publishSafely(appended);
    return { id, created: true };
  }
}
