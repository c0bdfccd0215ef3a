import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, fill, NOT_FOUND } from '@roundtable/core';
import type { Language } from '@roundtable/core';
import { OutboxRelay, SpaceEventLog } from '@roundtable/contributions';
import type { RequestAccess } from '@roundtable/identity';
import { DigestDrafter } from './digest-drafter';
import { DigestDto, DigestListDto, DigestVersionDto, UpdateDigestDto } from './digest.dto';
import type { DigestContent, DigestPeriod, KeyPoint } from './digest.types';
import {
  DigestReaderTranslations,
  digestLanguage,
  keyPointLanguage,
  readerLanguages,
  themeLabelLanguage,
} from '../translation/reader-translations';
import { applyKeyPointEdits } from './key-points';
import { DIGESTS_MESSAGES as M } from '../digests-messages';

interface DigestRecord {
  id: string;
  space_id: string;
  period_start: Date;
  period_end: Date;
  origin: 'scheduled' | 'on_demand';
  version: number;
  content: DigestContent;
  key_points: KeyPoint[];
  published_version: number | null;
  published_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `id, space_id, period_start, period_end, origin, version, content, key_points, published_version, published_at, created_at, updated_at`;
/** The same, from `moderator_digests d` in a join. */
const D_COLUMNS = COLUMNS.split(', ')
  .map((c) => `d.${c}`)
  .join(', ');

/**
 * Moderator digests: drafting (weekly by the scheduler, or on demand), the moderator's
 * versioned edits of the key points, and publication, which appends a `digest.published`
 * event to the space's log (the outbox) in the same transaction, and has the worker
 * translate the published key points and theme labels into the other languages. Members
 * see the published version (in their language once translated); staff see the latest.
 */
@Injectable()
export class DigestsService {
  private readonly logger = new Logger(DigestsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly drafter: DigestDrafter,
    private readonly events: SpaceEventLog,
    private readonly relay: OutboxRelay,
    private readonly translations: DigestReaderTranslations,
  ) {}

  /** Drafts the digest of a space for a period; 409 when that period already has one. */
  async draftOnDemand(spaceId: string, period: DigestPeriod, actorId: string): Promise<DigestDto> {
    const existing = await this.findByPeriod(spaceId, period);
    if (existing) throw DomainError.conflict(fill(M.digestExistsWithId, { id: existing }), 'digest_exists');
    const id = await this.insert(spaceId, period, 'on_demand', actorId);
    if (!id) throw DomainError.conflict(M.digestExists, 'digest_exists');
    return this.view(id, true);
  }

  /**
   * The scheduler's draft: nothing for a quiet week, and nothing new when the week has
   * one already (a retried job, a second worker). Returns the digest id when one was made.
   */
  async draftScheduled(spaceId: string, period: DigestPeriod): Promise<string | null> {
    if (await this.findByPeriod(spaceId, period)) return null;
    return this.insert(spaceId, period, 'scheduled', null, true);
  }

  async get(id: string, access: RequestAccess, lang?: Language): Promise<DigestDto> {
    return this.view(id, isStaff(access), lang);
  }

  /** The digest as staff (latest version, with its history) or members (published version) see it, its key points and theme labels in `lang` when asked and translated. */
  private async view(id: string, staff: boolean, lang?: Language): Promise<DigestDto> {
    const record = await this.load(id);
    const dto = await this.toDto(record, staff);
    if (lang) await this.inLanguage([dto], lang);
    if (!staff) return dto;
    const versions: Array<{ version: number; change: string; edited_by: string | null; created_at: Date }> =
      await this.db.query(
        `SELECT version, change, edited_by, created_at FROM moderator_digest_versions WHERE digest_id = $1 ORDER BY version`,
        [id],
      );
    dto.versions = versions.map((v): DigestVersionDto => ({
      version: v.version,
      change: v.change,
      editedBy: v.edited_by,
      createdAt: v.created_at.toISOString(),
    }));
    return dto;
  }

  /**
   * A space's digests, newest period first: all of them for staff, the published ones for
   * members; with `lang`, each published version shown in that language as {@link get} gives
   * it. Two queries whatever the number of digests: the digests with the published versions
   * members read, then their translations.
   */
  async list(spaceId: string, access: RequestAccess, lang?: Language): Promise<DigestListDto> {
    const staff = isStaff(access);
    const rows: Array<DigestRecord & { published_key_points: KeyPoint[] | null }> = await this.db.query(
      `SELECT ${D_COLUMNS}, pv.key_points AS published_key_points
       FROM moderator_digests d
       LEFT JOIN moderator_digest_versions pv
         ON NOT $2 AND pv.digest_id = d.id AND pv.version = d.published_version AND d.published_version <> d.version
       WHERE d.space_id = $1 AND ($2 OR d.published_version IS NOT NULL)
       ORDER BY d.period_end DESC, d.created_at DESC LIMIT 200`,
      [spaceId, staff],
    );
    const items = await Promise.all(rows.map((r) => this.toDto(r, staff, r.published_key_points ?? undefined)));
    if (lang) await this.inLanguage(items, lang);
    return { items };
  }

  async edit(id: string, input: UpdateDigestDto, actorId: string): Promise<DigestDto> {
    await this.db.transaction(async (manager) => {
      const [record]: DigestRecord[] = await manager.query(
        `SELECT ${COLUMNS} FROM moderator_digests WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!record) throw DomainError.notFound(NOT_FOUND.digest);
      if (input.expectedVersion !== undefined && input.expectedVersion !== record.version) {
        throw DomainError.conflict(
          fill(M.staleVersion, { current: record.version, expected: input.expectedVersion }),
          'stale_version',
        );
      }
      const wanted = input.keyPoints.flatMap((k) => (k.id ? [] : (k.sources ?? [])));
      const valid = await this.drafter.publishedIn(record.space_id, wanted);
      const keyPoints = applyKeyPointEdits(record.key_points, input.keyPoints, (s) => valid.has(s));
      const version = record.version + 1;
      await manager.query(
        `UPDATE moderator_digests SET key_points = $2, version = $3, updated_at = now() WHERE id = $1`,
        [id, JSON.stringify(keyPoints), version],
      );
      await this.saveVersion(manager, id, version, keyPoints, 'edited', actorId);
    });
    return this.view(id, true);
  }

  /** Publishes the latest version; publishing it again changes nothing. The worker then translates its key points. */
  async publish(id: string, actorId: string): Promise<DigestDto> {
    const { appended, record } = await this.db.transaction(async (manager) => {
      const [record]: DigestRecord[] = await manager.query(
        `SELECT ${COLUMNS} FROM moderator_digests WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!record) throw DomainError.notFound(NOT_FOUND.digest);
      if (record.published_version === record.version) return { appended: [], record };
      await manager.query(
        `UPDATE moderator_digests SET status = 'published', published_version = version, published_at = now(), published_by = $2, updated_at = now() WHERE id = $1`,
        [id, actorId],
      );
      await this.translations.open(
        manager,
        id,
        record.version,
        readerLanguages(record.key_points, record.content.themes),
      );
      const appended = await this.events.append(manager, record.space_id, [
        {
          type: 'digest.published',
          contributionId: null,
          payload: {
            digestId: id,
            version: record.version,
            periodStart: record.period_start.toISOString(),
            periodEnd: record.period_end.toISOString(),
          },
        },
      ]);
      return { appended, record };
    });
    await this.relay.publishSafely(appended);
    await this.translations
      .request(id, record.version, readerLanguages(record.key_points, record.content.themes))
      .catch((err) =>
        this.logger.warn(
          `translations of digest ${id} not queued yet (asked again when read): ${(err as Error).message}`,
        ),
      );
    return this.view(id, true);
  }

  /**
   * Puts the published versions shown into `lang` (one query for them all): the key points
   * and theme labels the worker has translated. A draft, or a version edited since it was
   * published (what staff see), stays as written.
   */
  private async inLanguage(dtos: DigestDto[], lang: Language): Promise<void> {
    const shown = dtos.filter((d) => d.publishedVersion !== null && d.version === d.publishedVersion);
    const read = await this.translations.read(
      shown.map((d) => ({
        digestId: d.id,
        version: d.version,
        source: d.language,
        languages: readerLanguages(d.keyPoints, d.themes),
        publishedAt: d.publishedAt ? new Date(d.publishedAt) : null,
      })),
      lang,
    );
    for (const dto of shown) {
      const translated = read.get(dto.id);
      if (!translated) continue;
      dto.readerTranslation = translated.translation;
      dto.keyPoints = dto.keyPoints.map((k) => {
        const text = translated.texts[k.id];
        return text ? { ...k, text, language: lang, machineTranslated: true } : k;
      });
      dto.themes = dto.themes.map((t) => {
        const translatedLabel = translated.labels[t.key];
        return translatedLabel ? { ...t, translatedLabel } : t;
      });
    }
  }

  private async insert(
    spaceId: string,
    period: DigestPeriod,
    origin: 'scheduled' | 'on_demand',
    actorId: string | null,
    skipEmpty = false,
  ): Promise<string | null> {
    const { content, keyPoints, contributions } = await this.drafter.draft(spaceId, period);
    if (skipEmpty && contributions === 0) return null;
    return this.db.transaction(async (manager) => {
      const rows: Array<{ id: string }> = await manager.query(
        `INSERT INTO moderator_digests (space_id, period_start, period_end, origin, content, key_points, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (space_id, period_start, period_end) DO NOTHING RETURNING id`,
        [spaceId, period.start, period.end, origin, JSON.stringify(content), JSON.stringify(keyPoints), actorId],
      );
      if (rows.length === 0) return null;
      await this.saveVersion(manager, rows[0].id, 1, keyPoints, 'drafted', actorId);
      this.logger.log(
        `moderator digest ${rows[0].id} drafted for space ${spaceId} (${origin}, ${contributions} contributions, ${content.themes.length} themes)`,
      );
      return rows[0].id;
    });
  }

  private async saveVersion(
    manager: EntityManager,
    id: string,
    version: number,
    keyPoints: KeyPoint[],
    change: 'drafted' | 'edited',
    actorId: string | null,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO moderator_digest_versions (digest_id, version, key_points, change, edited_by) VALUES ($1, $2, $3, $4, $5)`,
      [id, version, JSON.stringify(keyPoints), change, actorId],
    );
  }

  private async findByPeriod(spaceId: string, period: DigestPeriod): Promise<string | null> {
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT id FROM moderator_digests WHERE space_id = $1 AND period_start = $2 AND period_end = $3`,
      [spaceId, period.start, period.end],
    );
    return rows[0]?.id ?? null;
  }

  private async load(id: string): Promise<DigestRecord> {
    const [record]: DigestRecord[] = await this.db.query(`SELECT ${COLUMNS} FROM moderator_digests WHERE id = $1`, [
      id,
    ]);
    if (!record) throw DomainError.notFound(NOT_FOUND.digest);
    return record;
  }

  /**
   * Staff see the latest version; everyone else the published one (the guard has hidden
   * drafts), whose key points are read here unless the caller has them (`publishedKeyPoints`).
   */
  private async toDto(r: DigestRecord, staff: boolean, publishedKeyPoints?: KeyPoint[]): Promise<DigestDto> {
    let keyPoints = r.key_points;
    let version = r.version;
    if (!staff) {
      if (r.published_version === null) throw DomainError.notFound(NOT_FOUND.digest);
      if (publishedKeyPoints) keyPoints = publishedKeyPoints;
      else if (r.published_version !== r.version) {
        const [v]: Array<{ key_points: KeyPoint[] }> = await this.db.query(
          `SELECT key_points FROM moderator_digest_versions WHERE digest_id = $1 AND version = $2`,
          [r.id, r.published_version],
        );
        keyPoints = v?.key_points ?? [];
      }
      version = r.published_version;
    }
    return {
      id: r.id,
      spaceId: r.space_id,
      periodStart: r.period_start.toISOString(),
      periodEnd: r.period_end.toISOString(),
      origin: r.origin,
      status: r.published_version === null ? 'draft' : 'published',
      version,
      publishedVersion: r.published_version,
      publishedAt: r.published_at?.toISOString() ?? null,
      hasUnpublishedChanges: staff && r.published_version !== null && r.published_version !== r.version,
      figures: r.content.figures,
      threads: r.content.threads,
      themes: r.content.themes.map((t) => ({ ...t, labelLanguage: themeLabelLanguage(t) })),
      objectives: r.content.objectives ?? [],
      translation: r.content.translation ?? null,
      language: digestLanguage(keyPoints),
      readerTranslation: null,
      keyPoints: keyPoints.map((k) => ({ ...k, language: keyPointLanguage(k.text), machineTranslated: false })),
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
    };
  }
}

export function isStaff(access: RequestAccess): boolean {
  const role = access.space?.role ?? access.roundtable?.role ?? null;
  return !!access.user?.isOrganiser || role === 'moderator' || role === 'rapporteur';
}
