import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { contributionStatusWord, DomainError, fill, NOT_FOUND } from '@roundtable/core';
import { assertMayPost, assertNotSuspended, RequestAccess } from '@roundtable/identity';
import { SpaceEventLog } from '../../events/space-event-log';
import { BodyRenderer } from '../../rendering/body-renderer';
import { ContributionDto } from '../contribution.dto';
import { ContributionReader } from '../contribution-reader';
import { toContributionDto } from '../contribution-view';
import { assertOpen, viewerOf } from '../thread-rules';
import { OutboxRelay } from '../../events/outbox-relay';
import { CONTRIBUTIONS_MESSAGES as M } from '../../contributions-messages';

/** The author edits their contribution. */
@Injectable()
export class EditContribution {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: ContributionReader,
    private readonly events: SpaceEventLog,
    private readonly relay: OutboxRelay,
    private readonly renderer: BodyRenderer,
  ) {}

  /** The author rewrites their text while the space is open; the previous text goes to the edit history. */
  async run(access: RequestAccess, id: string, body: string): Promise<ContributionDto> {
    const user = access.user!;
    assertOpen(access.space!);
    assertNotSuspended(access);
    assertMayPost(access);
    const bodyHtml = this.renderer.render(body);
    const appended = await this.db.transaction(async (manager) => {
      const [current] = await manager.query(
        `SELECT author_id, status, body, version, space_id FROM contributions WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!current) throw DomainError.notFound(NOT_FOUND.contribution);
      if (current.author_id !== user.id) throw DomainError.forbidden(M.authorOnlyEdits, 'not_author');
      if (current.status !== 'published' && current.status !== 'pending') {
        throw DomainError.conflict(
          fill(M.cannotEdit, { status: contributionStatusWord(current.status) }),
          'invalid_transition',
        );
      }
      if (current.body === body) return null;
      await manager.query(
        `INSERT INTO contribution_edits (contribution_id, version, body, edited_by) VALUES ($1, $2, $3, $4)`,
        [id, current.version, current.body, user.id],
      );
      await manager.query(
        `UPDATE contributions SET body = $2, body_html = $3, version = version + 1, edited_at = now(), updated_at = now() WHERE id = $1`,
        [id, body, bodyHtml],
      );
      if (current.status !== 'published') return [];
      const view = toContributionDto(await this.reader.row(id, manager), viewerOf(access));
      return this.events.append(manager, current.space_id, [
        { type: 'contribution.updated', contributionId: id, payload: { contribution: view } },
      ]);
    });
    if (appended) void this.relay.publishSafely(appended);
    return this.reader.get(access, id);
  }
}
