import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Language } from '@roundtable/core';
import {
  assertMayPost,
  assertNotSuspended,
  canModerate,
  Principal,
  RequestAccess,
  SpaceScope,
} from '@roundtable/identity';
import { DuplicateTextLimiter } from '../../rate-limits/duplicate-text-limiter';
import { PostingRateLimiter } from '../../rate-limits/posting-rate-limiter';
import { BodyRenderer } from '../../rendering/body-renderer';
import { ContributionDto, CreateContributionDto } from '../contribution.dto';
import { ContributionStatus } from '../contribution-status';
import { translationView } from '../contribution-translations';
import { ContributionWriter } from '../contribution-writer';
import { PendingNotices } from '../pending-notices';
import { assertOpen, replyTarget } from '../thread-rules';

/** A member posts a contribution or a reply. */
@Injectable()
export class PostContribution {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly writer: ContributionWriter,
    private readonly renderer: BodyRenderer,
    private readonly rateLimiter: PostingRateLimiter,
    private readonly duplicates: DuplicateTextLimiter,
    private readonly pendingNotices: PendingNotices,
  ) {}

  /**
   * Posts a contribution or a reply. In a pre-moderated space it waits as `pending` (no
   * event). Only a post that is written counts against the member's posting limits: every
   * refusal (closed space, suspension, missing or locked parent, repeated text, a failed
   * write) comes before the limit is charged or gives back what it took.
   */
  async run(access: RequestAccess, input: CreateContributionDto): Promise<ContributionDto> {
    const user = access.user!;
    const space = access.space!;
    assertOpen(space);
    assertNotSuspended(access);
    assertMayPost(access);
    const thread = input.parentId ? await replyTarget(this.db, space.spaceId, input.parentId) : null;
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
    const view = newView({
      id,
      space,
      user,
      body: input.body,
      bodyHtml,
      language: input.language ?? null,
      createdAt,
      status,
      moderates,
      thread,
    });
    if (status === 'pending') {
      await this.db
        .query(
          `INSERT INTO contributions (id, space_id, parent_id, root_id, author_id, body, body_html, language, language_source, status, created_at, updated_at, last_activity_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'pending', $10, $10, $10)`,
          [
            id,
            space.spaceId,
            view.parentId,
            view.rootId,
            user.id,
            input.body,
            bodyHtml,
            view.language,
            view.language ? 'declared' : 'unknown',
            createdAt,
          ],
        )
        .catch(unclaim);
      this.pendingNotices.notify({ spaceId: space.spaceId, contributionId: id });
      return view;
    }
    const seq = await this.writer
      .write(space.spaceId, {
        id,
        parentId: view.parentId,
        rootId: view.rootId,
        authorId: user.id,
        body: input.body,
        bodyHtml,
        language: view.language,
        createdAt,
        view,
      })
      .catch(unclaim);
    return { ...view, seq };
  }
}

/** The contribution as its author gets it back at once (and as the event carries it). */
function newView(p: {
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
    translations: translationView({ language: p.language, version: 1, status: p.status, translations: null }, p.body)
      .translations,
  };
}
