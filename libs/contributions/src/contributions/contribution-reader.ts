import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { decodeCursor, DomainError, encodeCursor, JsonBody, keysetPage, NOT_FOUND } from '@roundtable/core';
import type { Language } from '@roundtable/core';
import { RequestAccess } from '@roundtable/identity';
import { ContributionDto, ContributionPageDto, EditDto, ListContributionsQueryDto } from './contribution.dto';
import { CONTRIBUTION_STATUSES, PUBLIC_STATUSES } from './contribution-status';
import {
  CONTRIBUTION_SELECT,
  ContributionRow,
  selectContributions,
  toContributionDto,
  Viewer,
} from './contribution-view';
import { ListingCache } from './listing-cache';
import { viewerOf } from './thread-rules';
import { CONTRIBUTIONS_MESSAGES as M } from '../contributions-messages';

/** The viewer a shared (cached) listing page is made for: a member who wrote none of it and moderates nothing. */
const ANY_MEMBER: Viewer = { userId: '00000000-0000-0000-0000-000000000000', canModerate: false };

const SORTS = {
  oldest: { key: 'c.created_at', dir: 'ASC', cmp: '>', cursorKey: 'created_key' },
  newest: { key: 'c.created_at', dir: 'DESC', cmp: '<', cursorKey: 'created_key' },
  active: { key: 'c.last_activity_at', dir: 'DESC', cmp: '<', cursorKey: 'activity_key' },
} as const;

/** Reading contributions: listing pages, one contribution, its edit history. */
@Injectable()
export class ContributionReader {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cache: ListingCache,
  ) {}

  /**
   * A page of a space's contributions as a JSON body; the thread tree is rebuilt from
   * `parentId`. Every member reads the same public page, so it is served from the listing
   * cache; moderators (who also see pending items) and the pending/rejected filter read through.
   */
  async listBody(access: RequestAccess, query: ListContributionsQueryDto): Promise<JsonBody> {
    const own = async () => new JsonBody(JSON.stringify(await this.list(access, query)));
    if (viewerOf(access).canModerate || query.status) return own();
    const key = [query.sort ?? 'oldest', query.limit ?? 50, query.cursor ?? '', query.lang ?? ''].join('|');
    // the shared page is made for no one in particular, so hidden text is redacted in it...
    const page = await this.cache.get(access.space!.spaceId, key, () => this.list(access, query, ANY_MEMBER));
    // ...and the author of a hidden contribution on it, who may read their text, gets their own page
    return page.hiddenAuthors.has(access.user!.id) ? own() : page.body;
  }

  async list(
    access: RequestAccess,
    query: ListContributionsQueryDto,
    viewer: Viewer = viewerOf(access),
  ): Promise<ContributionPageDto> {
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
    // the page's ids first, from contributions alone: only they are joined to their authors
    // and translations, however the planner estimates the question's size
    const order = `${sort.key} ${sort.dir}, c.id ${sort.dir}`;
    const paged = `(SELECT c.id FROM contributions c WHERE ${where} ORDER BY ${order} LIMIT $5) page JOIN contributions c ON c.id = page.id`;
    const rows: ContributionRow[] = await this.db.query(`${selectContributions(paged)} ORDER BY ${order}`, params);
    const page = keysetPage(rows, limit, (last) => encodeCursor(last[sort.cursorKey], last.id));
    return { items: page.rows.map((r) => toContributionDto(r, viewer, query.lang)), nextCursor: page.nextCursor };
  }

  /** One contribution; `lang` picks the language of `text` (the translation once it is done). */
  async get(access: RequestAccess, id: string, lang?: Language): Promise<ContributionDto> {
    const row = await this.row(id);
    const viewer = viewerOf(access);
    if (
      (row.status === 'pending' || row.status === 'rejected') &&
      !viewer.canModerate &&
      row.author_id !== viewer.userId
    ) {
      throw DomainError.notFound(NOT_FOUND.contribution);
    }
    return toContributionDto(row, viewer, lang);
  }

  /** Earlier versions of a contribution, newest first (author and moderators). */
  async history(access: RequestAccess, id: string): Promise<EditDto[]> {
    const row = await this.row(id);
    const viewer = viewerOf(access);
    if (row.author_id !== viewer.userId && !viewer.canModerate) {
      throw DomainError.forbidden(M.historyForbidden);
    }
    const edits: Array<{ version: number; body: string; replaced_at: Date }> = await this.db.query(
      `SELECT version, body, replaced_at FROM contribution_edits WHERE contribution_id = $1 ORDER BY version DESC`,
      [id],
    );
    return edits.map((e) => ({ version: e.version, body: e.body, replacedAt: e.replaced_at.toISOString() }));
  }

  /** The contribution row as readers get it built; 404 when there is none. */
  async row(id: string, manager = this.db.manager): Promise<ContributionRow> {
    const rows: ContributionRow[] = await manager.query(`${CONTRIBUTION_SELECT} WHERE c.id = $1`, [id]);
    if (rows.length === 0) throw DomainError.notFound(NOT_FOUND.contribution);
    return rows[0];
  }
}
