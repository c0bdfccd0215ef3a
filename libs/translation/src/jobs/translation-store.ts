import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  BodyRenderer,
  ContributionTranslationsRepository,
  ContributionsRepository,
  OutboxRelay,
  TRANSLATED_STATUSES,
} from '@roundtable/contributions';
import type { TranslationRow } from '@roundtable/contributions';
import { GroupCommit } from '@roundtable/core';
import type { Language } from '@roundtable/core';

/** A contribution as translation needs it. */
export interface SourceRow {
  id: string;
  space_id: string;
  status: string;
  version: number;
  body: string;
  language: Language | null;
  language_source: 'declared' | 'detected' | 'fallback' | 'unknown';
  preferred_language: Language;
}

export { TRANSLATED_STATUSES };

export interface TranslationOutcome {
  contributionId: string;
  spaceId: string;
  version: number;
  source: Language;
  language: Language;
  provider: string;
  status: 'done' | 'failed';
  text: string | null;
  error?: string;
  /** A person's translation (a correction) rather than the provider's; `provider` is then `human`. */
  machine?: boolean;
  /** Who wrote a human translation. */
  translatedBy?: string;
}

/** Translations are rendered to safe HTML as originals are (light Markdown), once, when written. */
const renderer = new BodyRenderer();

/** The provider name recorded with translations people wrote. */
export const HUMAN_PROVIDER = 'human';

/**
 * The outcomes of translation jobs and corrections, handed to contributions'
 * {@link ContributionTranslationsRepository} (which owns the table and the event log).
 * Translation rows, one per contribution and language, are upserted with the version they
 * translate: a row is only ever replaced by one for the same or a newer version, so a
 * late job for an old version cannot overwrite a newer translation, and a `failed` never
 * replaces a `done`. A human translation replaces whatever is stored for the same version,
 * and only a translation of a newer version replaces it. Writing a row appends a `contribution.translated` event (its own
 * seq) in the same statement, relayed to the space's live clients after commit.
 *
 * Outcomes are written with group commit per space, as posts are: the translations that
 * finish while a space's previous batch is being written share one statement, so the
 * space's `last_seq` row lock is taken once per batch, not once per translation.
 */
@Injectable()
export class TranslationStore {
  private readonly batches = new GroupCommit<TranslationOutcome, boolean>((spaceId, outcomes) =>
    this.writeBatch(spaceId, outcomes),
  );

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly relay: OutboxRelay,
    private readonly translations: ContributionTranslationsRepository,
    private readonly contributions: ContributionsRepository,
  ) {}

  async source(contributionId: string): Promise<SourceRow | undefined> {
    const rows: SourceRow[] = await this.db.query(
      `SELECT c.id, c.space_id, c.status, c.version, c.body, c.language, c.language_source, u.preferred_language
       FROM contributions c JOIN users u ON u.id = c.author_id WHERE c.id = $1`,
      [contributionId],
    );
    return rows[0];
  }

  /** The languages of `languages` this version has no translation (done or failed) into yet. */
  async lacking(contributionId: string, version: number, languages: Language[]): Promise<Language[]> {
    const rows: Array<{ language: Language }> = await this.db.query(
      `SELECT language FROM contribution_translations
       WHERE contribution_id = $1 AND language = ANY($2::text[]) AND source_version >= $3`,
      [contributionId, languages, version],
    );
    return languages.filter((l) => !rows.some((r) => r.language === l));
  }

  /** Records the outcome; resolves false when a newer (or done) translation was already there. */
  save(outcome: TranslationOutcome): Promise<boolean> {
    return this.batches.submit(outcome.spaceId, outcome);
  }

  /**
   * One statement per round: an upsert may touch a row only once, so outcomes for the same
   * contribution and language (rare: a retry racing its first attempt) go in later rounds.
   */
  private async writeBatch(spaceId: string, outcomes: TranslationOutcome[]): Promise<boolean[]> {
    const written = new Array<boolean>(outcomes.length).fill(false);
    let pending = outcomes.map((outcome, index) => ({ outcome, index }));
    while (pending.length > 0) {
      const keys = new Set<string>();
      const round = pending.filter(({ outcome }) => !keys.has(key(outcome)) && keys.add(key(outcome)));
      pending = pending.filter((p) => !round.includes(p));
      const appended = await this.translations.write(
        this.db.manager,
        spaceId,
        round.map((r) => toRow(r.outcome)),
      );
      const saved = new Set(appended.map((e) => `${e.contributionId} ${(e.payload as { language: string }).language}`));
      round.forEach(({ outcome, index }) => (written[index] = saved.has(key(outcome))));
      void this.relay.publishSafely(appended);
    }
    return written;
  }

  /** Stores a detected (or fallback) language unless the author declared one meanwhile. */
  setLanguage(
    contributionId: string,
    language: Language,
    source: 'detected' | 'fallback',
    confidence: number | null,
  ): Promise<void> {
    return this.contributions.setDetectedLanguage(this.db.manager, contributionId, language, source, confidence);
  }
}

const key = (o: TranslationOutcome) => `${o.contributionId} ${o.language}`;

function toRow(o: TranslationOutcome): TranslationRow {
  const machine = o.machine !== false;
  return {
    contributionId: o.contributionId,
    language: o.language,
    version: o.version,
    source: o.source,
    status: o.status,
    text: o.text,
    textHtml: o.text === null ? null : renderer.render(o.text),
    provider: o.provider,
    error: o.error ?? null,
    machine,
    translatedBy: machine ? null : (o.translatedBy ?? null),
    payload: translatedPayload(o),
  };
}

/** What readers following the space live (and catching up) get for a translation. */
function translatedPayload(o: TranslationOutcome): Record<string, unknown> {
  return {
    contributionId: o.contributionId,
    version: o.version,
    sourceLanguage: o.source,
    language: o.language,
    translation: {
      text: o.text,
      status: o.status,
      provider: o.provider,
      machine: o.machine !== false,
      sourceVersion: o.version,
    },
  };
}
