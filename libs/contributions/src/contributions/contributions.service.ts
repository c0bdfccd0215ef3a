import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { decodeCursor, DomainError, encodeCursor, keysetPage, OutboxRelay } from '@roundtable/core';
import type { Language } from '@roundtable/core';
import { assertMayPost, assertNotSuspended, canModerate, Principal, RequestAccess, SpaceScope } from '@roundtable/identity';
import { SpaceEventLog } from '../events/space-event-log';
import { DuplicateTextLimiter } from '../rate-limits/duplicate-text-limiter';
import { PostingRateLimiter } from '../rate-limits/posting-rate-limiter';
import { BodyRenderer } from '../rendering/body-renderer';
import { ContributionDto, ContributionPageDto, CreateContributionDto, EditDto, ListContributionsQueryDto } from './contribution.dto';
import { assertContributionTransition, CONTRIBUTION_STATUSES, ContributionStatus, PUBLIC_STATUSES } from './contribution-status';
import { translationView } from './contribution-translations';
import { CONTRIBUTION_SELECT, ContributionRow, toContributionDto, Viewer } from './contribution-view';
import { ContributionWriter } from './contribution-writer';
import { ListingCache } from './listing-cache';
import { ModeratorRemovals } from './moderator-removals';
import { PendingNotices } from './pending-notices';

/** Extra facts an import supplies; regular posts never set them. */
export interface ImportedFacts {
  createdAt: Date;
  externalRef: string;
}

/** The viewer a shared (cached) listing page is made for: a member who wrote none of it and moderates nothing. */
const ANY_MEMBER: Viewer = { userId: '00000000-0000-0000-0000-000000000000', canModerate: false };

const SORTS = {
  oldest: { key: 'c.created_at', dir: 'ASC', cmp: '>', cursorKey: 'created_key' },
  newest: { key: 'c.created_at', dir: 'DESC', cmp: '<', cursorKey: 'created_key' },
  active: { key: 'c.last_activity_at', dir: 'DESC', cmp: '<', cursorKey: 'activity_key' },
} as const;

@Injectable()
export class ContributionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly writer: ContributionWriter,
    private readonly events: SpaceEventLog,
    private readonly relay: OutboxRelay,
    private readonly renderer: BodyRenderer,
    private readonly rateLimiter: PostingRateLimiter,
    private readonly cache: ListingCache,
    private readonly duplicates: DuplicateTextLimiter,
    private readonly pendingNotices: PendingNotices,
    private readonly moderatorRemovals: ModeratorRemovals,
  ) {}

  /**
   * Posts a contribution or a reply. In a pre-moderated space it waits as `pending` (no
   * event). Only a post that is written counts against the member's posting limits: every
   * refusal (closed space, suspension, missing or locked parent, repeated text, a failed
   * write) comes before the limit is charged or gives back what it took.
   */
  async post(access: RequestAccess, input: CreateContributionDto): Promise<ContributionDto> {
    const user = access.user!;
    const space = access.space!;
    assertOpen(space);
    assertNotSuspended(access);
    assertMayPost(access);
    const thread = input.parentId ? await this.replyTarget(space.spaceId, input.parentId) : null;
    await this.rateLimiter.consume(user.id);
    await this.duplicates.claim(user.id, input.body).catch(async (err: unknown) => {
      await this.rateLimiter.refund(user.id);
      throw err;
    });
    const unclaim = async (err: unknown): Promise<never> => {
      // not written: the same text may be sent again, and the post costs nothing
      await Promise.all([this.duplicates.release(user.id, input.body), this.rateLimiter.refund(user.id)]);
      throw err;
    };
    const moderates = canModerate(access);
    const id = randomUUID();
    const createdAt = new Date();
    const bodyHtml = this.renderer.render(input.body);
    const status: ContributionStatus = space.moderation === 'pre' && !moderates ? 'pending' : 'published';
    const view = this.newView({ id, space, user, body: input.body, bodyHtml, language: input.language ?? null, createdAt, status, moderates, thread });
    if (status === 'pending') {
      await this.db.query(
        `INSERT INTO contributions (id, space_id, parent_id, root_id, author_id, body, body_html, language, language_source, status, created_at, updated_at, last_activity_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'pending', $10, $10, $10)`,
        [id, space.spaceId, view.parentId, view.rootId, user.id, input.body, bodyHtml, view.language, view.language ? 'declared' : 'unknown', createdAt],
      ).catch(unclaim);
      this.pendingNotices.notify({ spaceId: space.spaceId, contributionId: id });
      return view;
    }
    const seq = await this.writer.write(space.spaceId, {
      id,
      parentId: view.parentId,
      rootId: view.rootId,
      authorId: user.id,
      body: input.body,
      bodyHtml,
      language: view.language,
      createdAt,
      view,
    }).catch(unclaim);
    return { ...view, seq };
  }

  /**
   * A page of a space's contributions as JSON; the thread tree is rebuilt from `parentId`.
   * Every member reads the same public page, so it is served from the listing cache;
   * moderators (who also see pending items) and the pending/rejected filter read through.
   */
  async listJson(access: RequestAccess, query: ListContributionsQueryDto): Promise<string> {
    if (viewerOf(access).canModerate || query.status) return JSON.stringify(await this.list(access, query));
    const key = [query.sort ?? 'oldest', query.limit ?? 50, query.cursor ?? '', query.lang ?? ''].join('|');
    // the shared page is made for no one in particular, so hidden text is redacted in it...
    const json = await this.cache.get(access.space!.spaceId, key, () => this.list(access, query, ANY_MEMBER));
    // ...and the author of a hidden contribution on it, who may read their text, gets their own page
    if (json.includes('"status":"hidden"') && json.includes(`"authorId":"${access.user!.id}"`)) return JSON.stringify(await this.list(access, query));
    return json;
  }

  async list(access: RequestAccess, query: ListContributionsQueryDto, viewer: Viewer = viewerOf(access)): Promise<ContributionPageDto> {
    const sort = SORTS[query.sort ?? 'oldest'];
    const limit = query.limit ?? 50;
    const statuses = query.status ? [query.status] : viewer.canModerate ? CONTRIBUTION_STATUSES : PUBLIC_STATUSES;
    // pending and rejected items are shown to their author and to moderators only
    const ownOnly = !!query.status && !viewer.canModerate;
    const params: unknown[] = [access.space!.spaceId, viewer.userId, ownOnly, statuses, limit + 1];
    let where = `c.space_id = $1 AND c.status = ANY($4::text[]) AND (NOT $3 OR c.author_id = $2)`;
    if (query.cursor) {
      const [key, id] = decodeCursor(query.cursor);
      params.push(key, id);
      where += ` AND (${sort.key}, c.id) ${sort.cmp} ($6::timestamptz, $7::uuid)`;
    }
    const rows: ContributionRow[] = await this.db.query(
      `${CONTRIBUTION_SELECT} WHERE ${where} ORDER BY ${sort.key} ${sort.dir}, c.id ${sort.dir} LIMIT $5`,
      params,
    );
    const page = keysetPage(rows, limit, (last) => encodeCursor(last[sort.cursorKey], last.id));
    return { items: page.rows.map((r) => toContributionDto(r, viewer, query.lang)), nextCursor: page.nextCursor };
  }

  /** One contribution; `lang` picks the language of `text` (the translation once it is done). */
  async get(access: RequestAccess, id: string, lang?: Language): Promise<ContributionDto> {
    const row = await this.row(id);
    const viewer = viewerOf(access);
    if ((row.status === 'pending' || row.status === 'rejected') && !viewer.canModerate && row.author_id !== viewer.userId) {
      throw DomainError.notFound('Contribution');
    }
    return toContributionDto(row, viewer, lang);
  }

  /** The author rewrites their text while the space is open; the previous text goes to the edit history. */
  async edit(access: RequestAccess, id: string, body: string): Promise<ContributionDto> {
    const user = access.user!;
    assertOpen(access.space!);
    assertNotSuspended(access);
    assertMayPost(access);
    const bodyHtml = this.renderer.render(body);
    const appended = await this.db.transaction(async (manager) => {
      const [current] = await manager.query(`SELECT author_id, status, body, version, space_id FROM contributions WHERE id = $1 FOR UPDATE`, [id]);
      if (!current) throw DomainError.notFound('Contribution');
      if (current.author_id !== user.id) throw DomainError.forbidden('Only the author may edit a contribution', 'not_author');
      if (current.status !== 'published' && current.status !== 'pending') {
        throw DomainError.conflict(`A ${current.status} contribution cannot be edited`, 'invalid_transition');
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
      const view = toContributionDto(await this.row(id, manager), viewerOf(access));
      return this.events.append(manager, current.space_id, [{ type: 'contribution.updated', contributionId: id, payload: { contribution: view } }]);
    });
    if (appended) void this.relay.publishSafely(appended);
    return this.get(access, id);
  }

  /** Soft delete by the author or a moderator: the text goes, the place in the thread and the replies stay. */
  async remove(access: RequestAccess, id: string): Promise<ContributionDto> {
    const viewer = viewerOf(access);
    const appended = await this.db.transaction(async (manager) => {
      const [current] = await manager.query(`SELECT author_id, status, parent_id, space_id FROM contributions WHERE id = $1 FOR UPDATE`, [id]);
      if (!current) throw DomainError.notFound('Contribution');
      if (current.author_id !== viewer.userId && !viewer.canModerate) {
        throw DomainError.forbidden('Only the author or a moderator may delete a contribution', 'not_author');
      }
      assertContributionTransition(current.status, 'deleted');
      await manager.query(`UPDATE contributions SET status = 'deleted', updated_at = now() WHERE id = $1`, [id]);
      if (current.author_id !== viewer.userId) {
        // a moderator removing someone else's words is a moderation decision: it goes on the record (moderation_log)
        await this.moderatorRemovals.record(manager, {
          spaceId: current.space_id,
          moderatorId: viewer.userId,
          contributionId: id,
          authorId: current.author_id,
          fromStatus: current.status,
        });
      }
      if (current.status === 'pending' || current.status === 'rejected') return [];
      return this.events.append(manager, current.space_id, [
        { type: 'contribution.deleted', contributionId: id, payload: { contributionId: id, parentId: current.parent_id } },
      ]);
    });
    void this.relay.publishSafely(appended);
    return this.get(access, id);
  }

  /** Earlier versions of a contribution, newest first (author and moderators). */
  async history(access: RequestAccess, id: string): Promise<EditDto[]> {
    const row = await this.row(id);
    const viewer = viewerOf(access);
    if (row.author_id !== viewer.userId && !viewer.canModerate) {
      throw DomainError.forbidden('Only the author and moderators may read the edit history');
    }
    const edits: Array<{ version: number; body: string; replaced_at: Date }> = await this.db.query(
      `SELECT version, body, replaced_at FROM contribution_edits WHERE contribution_id = $1 ORDER BY version DESC`,
      [id],
    );
    return edits.map((e) => ({ version: e.version, body: e.body, replacedAt: e.replaced_at.toISOString() }));
  }

  /** Writes an imported contribution as it was originally posted (published, its own date); idempotent by external id. */
  async importOne(spaceId: string, author: Principal & { isModerator: boolean }, input: { body: string; language: Language | null; parentId: string | null }, facts: ImportedFacts): Promise<{ id: string; created: boolean }> {
    const existing = await this.db.query(`SELECT id FROM contributions WHERE space_id = $1 AND external_ref = $2`, [spaceId, facts.externalRef]);
    if (existing.length) return { id: existing[0].id, created: false };
    const thread = input.parentId ? await this.replyTarget(spaceId, input.parentId, true) : null;
    const id = randomUUID();
    const bodyHtml = this.renderer.render(input.body);
    const rootId = thread?.rootId ?? id;
    const appended = await this.db.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO contributions (id, space_id, parent_id, root_id, author_id, body, body_html, language, language_source, status, external_ref, created_at, updated_at, last_activity_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'published', $10, $11, $11, $11)`,
        [id, spaceId, input.parentId, rootId, author.id, input.body, bodyHtml, input.language, input.language ? 'declared' : 'unknown', facts.externalRef, facts.createdAt],
      );
      if (input.parentId) {
        await manager.query(
          `UPDATE contributions SET reply_count = reply_count + (id = $1)::int, last_activity_at = greatest(last_activity_at, $3) WHERE id IN ($1, $2)`,
          [input.parentId, rootId, facts.createdAt],
        );
      }
      const view = toContributionDto(await this.row(id, manager), null);
      const events = await this.events.append(manager, spaceId, [{ type: 'contribution.published', contributionId: id, payload: { contribution: view } }]);
      await manager.query(`UPDATE contributions SET seq = $2 WHERE id = $1`, [id, events[0].seq]);
      events[0].payload = { contribution: { ...view, seq: events[0].seq } };
      return events;
    });
    void this.relay.publishSafely(appended);
    return { id, created: true };
  }

  private async row(id: string, manager = this.db.manager): Promise<ContributionRow> {
    const rows: ContributionRow[] = await manager.query(`${CONTRIBUTION_SELECT} WHERE c.id = $1`, [id]);
    if (rows.length === 0) throw DomainError.notFound('Contribution');
    return rows[0];
  }

  /** Checks that a reply may go under `parentId` and returns its thread. */
  private async replyTarget(spaceId: string, parentId: string, importing = false): Promise<{ parentId: string; rootId: string }> {
    const rows = await this.db.query(
      `SELECT p.space_id, p.root_id, p.status, p.locked, r.locked AS root_locked
       FROM contributions p JOIN contributions r ON r.id = p.root_id WHERE p.id = $1`,
      [parentId],
    );
    const parent = rows[0];
    if (!parent || parent.space_id !== spaceId) throw DomainError.notFound('The contribution you reply to');
    if (importing) return { parentId, rootId: parent.root_id };
    if (parent.status !== 'published') throw DomainError.conflict(`You cannot reply to a ${parent.status} contribution`, 'parent_not_published');
    if (parent.locked || parent.root_locked) throw DomainError.forbidden('This thread is locked: no new replies', 'thread_locked');
    return { parentId, rootId: parent.root_id };
  }

  private newView(p: {
    id: string;
    space: SpaceScope;
    user: Principal;
    body: string;
    bodyHtml: string;
    language: Language | null;
    createdAt: Date;
    status: ContributionStatus;
    moderates: boolean;
    thread: { parentId: string; rootId: string } | null;
  }): ContributionDto {
    const at = p.createdAt.toISOString();
    return {
      id: p.id,
      spaceId: p.space.spaceId,
      parentId: p.thread?.parentId ?? null,
      rootId: p.thread?.rootId ?? p.id,
      authorId: p.user.id,
      author: {
        id: p.user.id,
        displayName: p.user.displayName,
        organisation: p.user.organisation,
        constituency: p.user.constituency,
        country: p.user.country,
        isModerator: p.space.role === 'moderator',
        affiliationVerified: !!p.user.affiliationVerified,
      },
      body: p.body,
      bodyHtml: p.bodyHtml,
      text: p.body,
      textHtml: null,
      language: p.language,
      languageSource: p.language ? 'declared' : 'unknown',
      languageConfidence: null,
      status: p.status,
      seq: null,
      version: 1,
      replyCount: 0,
      pinned: false,
      locked: false,
      createdAt: at,
      updatedAt: at,
      editedAt: null,
      translations: translationView({ language: p.language, version: 1, status: p.status, translations: null }, p.body).translations,
    };
  }
}

export function viewerOf(access: RequestAccess): Viewer {
  return { userId: access.user!.id, canModerate: canModerate(access) };
}

function assertOpen(space: SpaceScope): void {
  if (space.status !== 'open') {
    throw DomainError.conflict(`This space is ${space.status}: it no longer takes contributions`, 'space_not_open');
  }
}
