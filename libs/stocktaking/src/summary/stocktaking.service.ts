import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, fill, NOT_FOUND, QueueName, QueueRegistry } from '@roundtable/core';
import type { Language } from '@roundtable/core';
import { OutboxRelay, SpaceEventLog } from '@roundtable/contributions';
import type { DigestPeriod } from '@roundtable/digests';
import type { RequestAccess } from '@roundtable/identity';
import { otherLanguages, translationLost } from '@roundtable/translation';
import { applySectionEdits, mergeRecompiled } from '../compile/section-edits';
import { SummaryCompiler } from '../compile/summary-compiler';
import { LIST_SECTIONS, SummaryContent } from '../compile/summary.types';
import type { SummaryTranslationJob } from '../translation/summary-translation.processor';
import { RecompileResultDto, SummaryDto, SummaryListDto, SummaryVersionDto, UpdateSummaryDto } from './summary.dto';
import { Shown, SummaryRecord, SummaryView } from './summary-view';
import { STOCKTAKING_MESSAGES as M } from '../stocktaking-messages';

/** How the service reads a summary it has just written: as its staff do. */
const AS_STAFF: RequestAccess = { user: null, roundtable: { roundtableId: '', role: 'rapporteur' } };

const COLUMNS = `id, roundtable_id, period_start, period_end, language, version, content, published_version, published_at, created_at, updated_at`;

/**
 * Stocktaking summaries: compiling one from the published digests of a roundtable's
 * questions, the rapporteur's versioned edits, re-compiles that keep those edits (after
 * a preview the rapporteur confirms), and publication: a `stocktaking.published` event in
 * every question's log (the outbox) in the same transaction, then translation jobs for
 * the free text. Readers get the published version; staff the latest.
 */
@Injectable()
export class StocktakingService {
  private readonly logger = new Logger(StocktakingService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly compiler: SummaryCompiler,
    private readonly view: SummaryView,
    private readonly events: SpaceEventLog,
    private readonly relay: OutboxRelay,
    private readonly queues: QueueRegistry,
  ) {}

  async compile(roundtableId: string, period: DigestPeriod, actorId: string): Promise<SummaryDto> {
    const [existing]: Array<{ id: string }> = await this.db.query(
      `SELECT id FROM stocktaking_summaries WHERE roundtable_id = $1 AND period_start = $2 AND period_end = $3`,
      [roundtableId, period.start, period.end],
    );
    if (existing) throw DomainError.conflict(fill(M.summaryExistsWithId, { id: existing.id }), 'summary_exists');
    const { content, sections } = await this.compiler.compile(roundtableId, period);
    const full: SummaryContent = {
      ...content,
      sections: { introduction: null, participationText: null, regionsText: null, ...sections, dropped: [] },
    };
    // one statement writes the summary and its first version: the (large) content is sent and parsed once
    const rows: Array<{ id: string }> = await this.db.query(
      `WITH s AS (
         INSERT INTO stocktaking_summaries (roundtable_id, period_start, period_end, content, created_by)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (roundtable_id, period_start, period_end) DO NOTHING
         RETURNING id, content)
       INSERT INTO stocktaking_versions (summary_id, version, content, change, edited_by)
       SELECT id, 1, content, 'compiled', $5 FROM s RETURNING summary_id AS id`,
      [roundtableId, period.start, period.end, JSON.stringify(full), actorId],
    );
    if (rows.length === 0) throw DomainError.conflict(M.summaryExists, 'summary_exists');
    const id = rows[0].id;
    this.logger.log(
      `stocktaking summary ${id} compiled for roundtable ${roundtableId} from ${content.digests.length} digest(s)`,
    );
    return this.get(id, AS_STAFF, 'en');
  }

  async get(id: string, access: RequestAccess, lang: Language = 'en'): Promise<SummaryDto> {
    const shown = await this.shown(id, access, lang);
    const dto = this.view.toDto(shown, this.compiler.summariserName);
    if (shown.staff) dto.versions = await this.versions(id);
    return dto;
  }

  async list(roundtableId: string, access: RequestAccess, lang: Language = 'en'): Promise<SummaryListDto> {
    const staff = isStaff(access);
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT id FROM stocktaking_summaries WHERE roundtable_id = $1 AND ($2 OR published_version IS NOT NULL) ORDER BY period_end DESC, created_at DESC LIMIT 100`,
      [roundtableId, staff],
    );
    const items: SummaryDto[] = [];
    for (const r of rows)
      items.push(this.view.toDto(await this.shown(r.id, access, lang), this.compiler.summariserName));
    return { items };
  }

  async edit(id: string, input: UpdateSummaryDto, actorId: string): Promise<SummaryDto> {
    await this.db.transaction(async (manager) => {
      const record = await this.lock(manager, id, input.expectedVersion);
      const sections = applySectionEdits(record.content.sections, input);
      const content: SummaryContent = { ...record.content, sections };
      await this.update(manager, record, content, 'edited', actorId);
    });
    return this.get(id, AS_STAFF);
  }

  /**
   * Compiles again from the digests and figures as they are now, keeping the rapporteur's
   * edits. Without `confirm` nothing is saved: the answer shows what would change.
   */
  async recompile(
    id: string,
    confirm: boolean,
    expectedVersion: number | undefined,
    actorId: string,
  ): Promise<RecompileResultDto> {
    const current = await this.load(id);
    if (expectedVersion !== undefined && expectedVersion !== current.version)
      throw stale(current.version, expectedVersion);
    const { content, sections: fresh } = await this.compiler.compile(current.roundtable_id, {
      start: current.period_start,
      end: current.period_end,
    });
    const sections = mergeRecompiled(current.content.sections, fresh);
    const next: SummaryContent = { ...content, sections };
    const changes = describeChanges(current.content, next);
    let record: SummaryRecord = { ...current, content: next };
    if (confirm) {
      await this.db.transaction(async (manager) => {
        const locked = await this.lock(manager, id, current.version);
        await this.update(manager, locked, next, 'recompiled', actorId);
      });
      record = await this.load(id);
    }
    const shown: Shown = {
      record,
      content: record.content,
      version: confirm ? record.version : current.version,
      staff: true,
      lang: 'en',
      texts: (await this.view.texts(id, null, 'en', 'en')).texts,
      translation: null,
    };
    return {
      applied: confirm,
      basedOnVersion: current.version,
      changes,
      summary: this.view.toDto(shown, this.compiler.summariserName),
    };
  }

  /** Publishes the latest version; publishing it again changes nothing. */
  async publish(id: string, actorId: string): Promise<SummaryDto> {
    const { appended, record } = await this.db.transaction(async (manager) => {
      const record = await this.lock(manager, id);
      if (record.published_version === record.version) return { appended: [], record };
      await manager.query(
        `UPDATE stocktaking_summaries SET status = 'published', published_version = version, published_at = now(), published_by = $2, updated_at = now() WHERE id = $1`,
        [id, actorId],
      );
      const targets = otherLanguages(record.language);
      await manager.query(
        `INSERT INTO stocktaking_translations (summary_id, version, language, status) SELECT $1, $2, l, 'pending' FROM unnest($3::text[]) AS l ON CONFLICT DO NOTHING`,
        [id, record.version, targets],
      );
      const spaces: Array<{ id: string }> = await manager.query(
        `SELECT id FROM spaces WHERE roundtable_id = $1 AND status <> 'draft' ORDER BY number`,
        [record.roundtable_id],
      );
      const appended = [];
      for (const s of spaces) {
        appended.push(
          ...(await this.events.append(manager, s.id, [
            {
              type: 'stocktaking.published',
              contributionId: null,
              payload: {
                summaryId: id,
                roundtableId: record.roundtable_id,
                version: record.version,
                periodStart: record.period_start.toISOString(),
                periodEnd: record.period_end.toISOString(),
              },
            },
          ])),
        );
      }
      return { appended, record };
    });
    await this.relay.publishSafely(appended);
    await this.requestTranslations(id, record.version, record.language).catch((err) =>
      this.logger.warn(
        `translations of summary ${id} not queued yet (asked again when read): ${(err as Error).message}`,
      ),
    );
    return this.get(id, AS_STAFF);
  }

  /** The summary as this reader may see it: staff the latest version, others the published one. */
  async shown(id: string, access: RequestAccess, lang: Language): Promise<Shown> {
    const record = await this.load(id);
    const staff = isStaff(access);
    if (staff) {
      const { texts, translation } = await this.view.texts(
        id,
        record.published_version === record.version ? record.version : null,
        lang,
        record.language,
      );
      return { record, content: record.content, version: record.version, staff, lang, texts, translation };
    }
    if (record.published_version === null) throw DomainError.notFound(NOT_FOUND.stocktakingSummary);
    let content = record.content;
    if (record.published_version !== record.version) {
      const [v]: Array<{ content: SummaryContent }> = await this.db.query(
        `SELECT content FROM stocktaking_versions WHERE summary_id = $1 AND version = $2`,
        [id, record.published_version],
      );
      content = v.content;
    }
    const { texts, translation } = await this.view.texts(id, record.published_version, lang, record.language);
    if (translation && translationLost(translation.status, record.published_at)) {
      // the jobs were lost (Redis away when publishing): ask again, the job ids make it harmless
      await this.requestTranslations(id, record.published_version, record.language).catch(() => undefined);
    }
    return { record, content, version: record.published_version, staff, lang, texts, translation };
  }

  private async requestTranslations(id: string, version: number, source: Language): Promise<void> {
    await this.queues.get(QueueName.SummaryTranslations).addBulk(
      otherLanguages(source).map((language) => ({
        name: 'translate',
        data: { summaryId: id, version, language } satisfies SummaryTranslationJob,
        opts: { jobId: `st-${id}-${version}-${language}` },
      })),
    );
  }

  private async versions(id: string): Promise<SummaryVersionDto[]> {
    const rows: Array<{ version: number; change: string; edited_by: string | null; created_at: Date }> =
      await this.db.query(
        `SELECT version, change, edited_by, created_at FROM stocktaking_versions WHERE summary_id = $1 ORDER BY version`,
        [id],
      );
    return rows.map((v) => ({
      version: v.version,
      change: v.change,
      editedBy: v.edited_by,
      createdAt: v.created_at.toISOString(),
    }));
  }

  private async load(id: string): Promise<SummaryRecord> {
    const [record]: SummaryRecord[] = await this.db.query(
      `SELECT ${COLUMNS} FROM stocktaking_summaries WHERE id = $1`,
      [id],
    );
    if (!record) throw DomainError.notFound(NOT_FOUND.stocktakingSummary);
    return record;
  }

  private async lock(manager: EntityManager, id: string, expectedVersion?: number): Promise<SummaryRecord> {
    const [record]: SummaryRecord[] = await manager.query(
      `SELECT ${COLUMNS} FROM stocktaking_summaries WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!record) throw DomainError.notFound(NOT_FOUND.stocktakingSummary);
    if (expectedVersion !== undefined && expectedVersion !== record.version)
      throw stale(record.version, expectedVersion);
    return record;
  }

  private async update(
    manager: EntityManager,
    record: SummaryRecord,
    content: SummaryContent,
    change: 'edited' | 'recompiled',
    actorId: string,
  ): Promise<void> {
    const version = record.version + 1;
    await manager.query(
      `UPDATE stocktaking_summaries SET content = $2, version = $3, updated_at = now() WHERE id = $1`,
      [record.id, JSON.stringify(content), version],
    );
    await this.saveVersion(manager, record.id, version, content, change, actorId);
  }

  private async saveVersion(
    manager: EntityManager,
    id: string,
    version: number,
    content: SummaryContent,
    change: string,
    actorId: string | null,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO stocktaking_versions (summary_id, version, content, change, edited_by) VALUES ($1, $2, $3, $4, $5)`,
      [id, version, JSON.stringify(content), change, actorId],
    );
  }
}

export function isStaff(access: RequestAccess): boolean {
  const role = access.roundtable?.role ?? access.space?.role ?? null;
  return !!access.user?.isOrganiser || role === 'moderator' || role === 'rapporteur';
}

function stale(current: number, expected: number): DomainError {
  return DomainError.conflict(fill(M.staleVersion, { current, expected }), 'stale_version');
}

function describeChanges(before: SummaryContent, after: SummaryContent): RecompileResultDto['changes'] {
  const keys = (c: SummaryContent) => new Set(LIST_SECTIONS.flatMap((s) => c.sections[s].map((i) => `${s}/${i.key}`)));
  const was = keys(before);
  const now = keys(after);
  const all = LIST_SECTIONS.flatMap((s) => after.sections[s]);
  return {
    added: [...now].filter((k) => !was.has(k)),
    removed: [...was].filter((k) => !now.has(k)),
    keptEdits: all.filter((i) => i.edited).length,
    stale: all.filter((i) => i.stale).length,
    figuresChanged:
      JSON.stringify(before.participation) !== JSON.stringify(after.participation) ||
      JSON.stringify(before.annex) !== JSON.stringify(after.annex),
  };
}
