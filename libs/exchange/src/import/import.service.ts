import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ContributionsService } from '@roundtable/contributions';
import type { Principal } from '@roundtable/identity';
import { RoundtablesService, SpaceEntity, SpacesService } from '@roundtable/spaces';
import type { CreateSpaceDto } from '@roundtable/spaces';
import { withAdvisoryLock } from '../shared/advisory-lock';
import { ImportDiscussionDto, ImportResultDto } from './discussion.dto';
import { planImport, PlannedSpace } from './import-plan';
import { PlaceholderMembers } from './placeholder-members';

/** Called after each contribution of the file is handled (created or found already there). */
export type ImportProgress = (done: number, total: number) => void;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Imports a discussion (the Hub's JSON shape, or a Roundtable JSON export) into a
 * roundtable: its questions become spaces, its authors placeholder members, its
 * contributions threads with their original dates. Everything is keyed by external
 * references, so importing the same file again creates nothing. Imports into one
 * roundtable run one at a time (a PostgreSQL advisory lock, across processes).
 */
@Injectable()
export class ImportService {
  private readonly logger = new Logger(ImportService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly roundtables: RoundtablesService,
    private readonly spaces: SpacesService,
    private readonly contributions: ContributionsService,
    private readonly members: PlaceholderMembers,
  ) {}

  async importDiscussion(
    roundtableId: string,
    input: ImportDiscussionDto,
    onProgress?: ImportProgress,
  ): Promise<ImportResultDto> {
    await this.roundtables.get(roundtableId); // 404 before any work
    const plan = planImport(input);
    return withAdvisoryLock(this.db, `roundtable-import:${roundtableId}`, async () => {
      const result: ImportResultDto = {
        spaces: 0,
        contributions: 0,
        members: 0,
        memberships: 0,
        skipped: 0,
        spaceIds: [],
        unresolvedReplies: [],
      };
      const accounts = await this.members.ensureAccounts([...plan.authors.values()]);
      result.members = accounts.created;
      const existing = new Map((await this.roundtables.spacesOf(roundtableId)).map((s) => [s.number, s]));
      let done = 0;
      for (const planned of plan.spaces) {
        let space = existing.get(planned.number);
        if (!space) {
          space = await this.createSpace(roundtableId, planned);
          result.spaces += 1;
          result.spaceIds.push({ number: planned.number, id: space.id, created: true });
        } else {
          result.spaceIds.push({ number: planned.number, id: space.id, created: false });
        }
        result.memberships += await this.members.ensureMemberships(
          space.id,
          [...planned.members].map(([ref, moderator]) => ({ userId: accounts.byRef.get(ref)!.id, moderator })),
        );
        result.contributions += await this.importContributions(space.id, planned, accounts.byRef, () => {
          done += 1;
          onProgress?.(done, plan.contributionCount);
        });
        result.skipped += planned.skipped;
        result.unresolvedReplies.push(...planned.unresolved.map((u) => ({ spaceNumber: planned.number, ...u })));
      }
      this.logger.log(
        `import into roundtable ${roundtableId}: ${result.spaces} space(s), ${result.contributions} contribution(s), ${result.members} member(s) created`,
      );
      return result;
    });
  }

  private createSpace(roundtableId: string, planned: PlannedSpace): Promise<SpaceEntity> {
    const dto: CreateSpaceDto = { number: planned.number, prompt: planned.prompt, moderation: planned.moderation };
    return this.spaces.create(roundtableId, dto, `import:${roundtableId}:${planned.number}`);
  }

  /** Writes the space's contributions in plan order; returns how many were new. */
  private async importContributions(
    spaceId: string,
    planned: PlannedSpace,
    accounts: Map<string, Principal>,
    tick: () => void,
  ): Promise<number> {
    // a Roundtable export names contributions by their ids: imported back into the same
    // space they are the contributions themselves, not copies
    const idOf = new Map<string, string>();
    const uuids = planned.contributions.map((c) => c.fileId).filter((id) => UUID.test(id));
    if (uuids.length > 0) {
      const rows: Array<{ id: string }> = await this.db.query(
        `SELECT id FROM contributions WHERE space_id = $1 AND id = ANY($2::uuid[])`,
        [spaceId, uuids],
      );
      for (const r of rows) idOf.set(r.id, r.id);
    }
    let created = 0;
    for (const c of planned.contributions) {
      if (!idOf.has(c.fileId)) {
        const author = accounts.get(c.authorRef)!;
        const parentId = c.parentFileId === null ? null : (idOf.get(c.parentFileId) ?? null);
        const written = await this.contributions.importOne(
          spaceId,
          { ...author, isModerator: planned.members.get(c.authorRef) ?? false },
          { body: c.body, language: c.language, parentId },
          { createdAt: c.createdAt, externalRef: c.externalRef },
        );
        idOf.set(c.fileId, written.id);
        if (written.created) created += 1;
      }
      tick();
    }
    return created;
  }
}
