import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@roundtable/core';
import type { Language, Multilingual } from '@roundtable/core';
import { LIST_SECTIONS, SummaryContent } from '../compile/summary.types';
import { CATALOGUES } from '../i18n/catalogue';
import { paragraphs, TranslatedTexts, writtenIn } from '../render/free-text';
import {
  buildDocument,
  participationSentence,
  questionSentence,
  regionsSentence,
  SourceInfo,
  statement,
  SummaryDocument,
} from '../render/summary-document';
import type { ItemView, SummaryDto } from './summary.dto';

/** A summary row as the service reads it. */
export interface SummaryRecord {
  id: string;
  roundtable_id: string;
  period_start: Date;
  period_end: Date;
  language: Language;
  version: number;
  content: SummaryContent;
  published_version: number | null;
  published_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** Which version of a summary a reader gets, in which language, with which translations. */
export interface Shown {
  record: SummaryRecord;
  content: SummaryContent;
  version: number;
  staff: boolean;
  lang: Language;
  texts: TranslatedTexts;
  translation: TranslationState | null;
}

/** The machine translation of a published version into the language asked for, and whether a rapporteur reviewed it. */
export interface TranslationState {
  status: 'pending' | 'done' | 'failed';
  provider: string | null;
  /** `reviewed` (with corrections) or `accepted` by a rapporteur; null: a machine translation nobody reviewed. */
  review: 'reviewed' | 'accepted' | null;
  /** Only a reviewed or accepted translation is the official text in its language. */
  official: boolean;
}

/** Turns a summary into what readers get: the JSON view in a language, or the document the exporters render. */
@Injectable()
export class SummaryView {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** The free-text translations of a published version into `lang`, when the worker has made them. */
  async texts(
    summaryId: string,
    version: number | null,
    lang: Language,
    source: Language,
  ): Promise<{ texts: TranslatedTexts; translation: Shown['translation'] }> {
    if (lang === source || version === null) return { texts: new TranslatedTexts(lang), translation: null };
    const [row]: Array<{
      status: TranslationState['status'];
      provider: string | null;
      texts: Record<string, string>;
      review: 'reviewed' | 'accepted' | null;
      corrections: Record<string, string>;
    }> = await this.db.query(
      `SELECT status, provider, texts, review, corrections FROM stocktaking_translations WHERE summary_id = $1 AND version = $2 AND language = $3`,
      [summaryId, version, lang],
    );
    if (!row)
      return {
        texts: new TranslatedTexts(lang),
        translation: { status: 'pending', provider: null, review: null, official: false },
      };
    const texts = row.status === 'done' ? { ...row.texts, ...row.corrections } : {};
    return {
      texts: new TranslatedTexts(lang, texts, row.status === 'done' && row.review !== null),
      translation: {
        status: row.status,
        provider: row.provider,
        review: row.review,
        official: row.status === 'done' && row.review !== null,
      },
    };
  }

  toDto(shown: Shown, summariser: string): SummaryDto {
    const { record: r, content, lang, texts } = shown;
    const cat = CATALOGUES[lang];
    const s = content.sections;
    const p = content.participation;
    const view = (section: (typeof LIST_SECTIONS)[number]) =>
      s[section].map((item): ItemView => {
        const st = statement(item, section, cat, texts, r.language);
        return { ...item, statement: st.text, machineTranslated: st.machine };
      });
    const free = (text: string | null) =>
      text ? texts.get({ text, language: writtenIn(text, r.language) }).text : null;
    return {
      id: r.id,
      roundtableId: r.roundtable_id,
      periodStart: r.period_start.toISOString(),
      periodEnd: r.period_end.toISOString(),
      status: r.published_version === null ? 'draft' : 'published',
      version: shown.version,
      publishedVersion: r.published_version,
      publishedAt: r.published_at?.toISOString() ?? null,
      hasUnpublishedChanges: shown.staff && r.published_version !== null && r.published_version !== r.version,
      lang,
      translation: shown.translation,
      summariser,
      compiledAt: content.compiledAt,
      participation: {
        ...p,
        sentence: s.participationText ? free(s.participationText)! : participationSentence(content, cat),
        regionsSentence: s.regionsText ? free(s.regionsText) : regionsSentence(content, cat),
        moderatorsSentence: cat.moderators(
          p.moderators,
          p.moderatorContributions,
          p.contributions,
          p.participantContributions,
        ),
        questionSentences: p.questions.map((q) => questionSentence(q, cat)),
      },
      sections: {
        introduction: s.introduction
          ? paragraphs(s.introduction)
              .map((para) => free(para))
              .join('\n\n')
          : null,
        participationText: s.participationText,
        regionsText: s.regionsText ?? null,
        keyEmphases: view('keyEmphases'),
        convergence: view('convergence'),
        priorities: view('priorities'),
        gaps: view('gaps'),
      },
      annex: content.annex,
      digests: content.digests,
      ...(shown.staff ? { warnings: content.warnings } : {}),
    };
  }

  async document(shown: Shown): Promise<SummaryDocument> {
    const { record: r, content } = shown;
    const [rt]: Array<{ title: Multilingual; number: number }> = await this.db.query(
      `SELECT title, number FROM roundtables WHERE id = $1`,
      [r.roundtable_id],
    );
    const title =
      rt?.title?.[shown.lang] ?? rt?.title?.en ?? Object.values(rt?.title ?? {})[0] ?? `Roundtable ${rt?.number ?? ''}`;
    return buildDocument(
      {
        roundtableTitle: title,
        periodStart: r.period_start,
        periodEnd: r.period_end,
        published: r.published_version !== null && shown.version === r.published_version,
        language: r.language,
        content,
        texts: shown.texts,
        sourceInfo: await this.sourceInfo(content),
        appUrl: this.config.APP_URL,
      },
      shown.lang,
    );
  }

  /** Author, constituency and question of every contribution the summary cites. */
  private async sourceInfo(content: SummaryContent): Promise<Map<string, SourceInfo>> {
    const ids = [...new Set(LIST_SECTIONS.flatMap((section) => content.sections[section].flatMap((i) => i.sources)))];
    const out = new Map<string, SourceInfo>();
    for (let i = 0; i < ids.length; i += 10_000) {
      const rows: Array<{
        id: string;
        display_name: string;
        constituency: SourceInfo['constituency'];
        number: number;
      }> = await this.db.query(
        `SELECT c.id, u.display_name, u.constituency, s.number FROM contributions c JOIN users u ON u.id = c.author_id JOIN spaces s ON s.id = c.space_id WHERE c.id = ANY($1::uuid[])`,
        [ids.slice(i, i + 10_000)],
      );
      for (const r of rows)
        out.set(r.id, { authorName: r.display_name, constituency: r.constituency, number: r.number });
    }
    return out;
  }
}
