import { DataSource } from 'typeorm';
import { contributionStatusWord, DomainError, fill, NOT_FOUND, spaceStatusWord } from '@roundtable/core';
import { canModerate, RequestAccess, SpaceScope } from '@roundtable/identity';
import { Viewer } from './contribution-view';
import { CONTRIBUTIONS_MESSAGES as M } from '../contributions-messages';

/** Who reads: the member, and whether they moderate the space. */
export function viewerOf(access: RequestAccess): Viewer {
  return { userId: access.user!.id, canModerate: canModerate(access) };
}

/** Posting and editing need an open space. */
export function assertOpen(space: SpaceScope): void {
  if (space.status !== 'open') {
    throw DomainError.conflict(fill(M.spaceNoLongerOpen, { status: spaceStatusWord(space.status) }), 'space_not_open');
  }
}

/** A reply's place: where it may go under `parentId` (an import skips the published and locked checks); returns its thread. */
export async function replyTarget(
  db: DataSource,
  spaceId: string,
  parentId: string,
  importing = false,
): Promise<{ parentId: string; rootId: string }> {
  const rows = await db.query(
    `SELECT p.space_id, p.root_id, p.status, p.locked, r.locked AS root_locked
     FROM contributions p JOIN contributions r ON r.id = p.root_id WHERE p.id = $1`,
    [parentId],
  );
  const parent = rows[0];
  if (!parent || parent.space_id !== spaceId) throw DomainError.notFound(NOT_FOUND.parentContribution);
  if (importing) return { parentId, rootId: parent.root_id };
  if (parent.status !== 'published')
    throw DomainError.conflict(
      fill(M.cannotReply, { status: contributionStatusWord(parent.status) }),
      'parent_not_published',
    );
  if (parent.locked || parent.root_locked) throw DomainError.forbidden(M.threadLocked, 'thread_locked');
  return { parentId, rootId: parent.root_id };
}
