import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Constituency, Language, Multilingual } from '@roundtable/core';
import { objectiveNumber } from '@roundtable/digests';
import type { DigestContent, DigestPeriod, KeyPoint } from '@roundtable/digests';
import { CATALOGUES } from '../i18n/catalogue';
import { TranslatedTexts } from '../render/free-text';
import { statement } from '../render/summary-document';
import { SUMMARISER, Summariser } from '../summariser/summariser';
import { compileSections, ContributionFact, DigestInput, ObjectiveInput } from './compile-sections';
import { AuthorActivity, participationFigures, SpaceFacts } from './participation';
import { Region, regionOf } from './regions';
import { LIST_SECTIONS, SummaryContent, SummarySections } from './summary.types';

type FreshSections = Omit<SummarySections, 'introduction' | 'participationText' | 'regionsText' | 'dropped'>;

/**
 * Compiles a roundtable's stocktaking content for a period: participation and the annex
 * counted in the database, sections from the published digests of its questions, each
 * statement with its source contributions, worded by the configured summariser.
 */
@Injectable()
export class SummaryCompiler {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(SUMMARISER) private readonly summariser: Summariser,
  ) {}

  get summariserName(): string {
    return this.summariser.name;
  }

  async compile(
    roundtableId: string,
    period: DigestPeriod,
  ): Promise<{ content: Omit<SummaryContent, 'sections'>; sections: FreshSections }> {
    const spaceRows: Array<{ id: string; number: number; prompt: Multilingual; members: number }> = await this.db.query(
      `SELECT s.id, s.number, s.prompt, (SELECT count(*)::int FROM memberships m WHERE m.space_id = s.id) AS members
       FROM spaces s WHERE s.roundtable_id = $1 AND s.status <> 'draft' ORDER BY s.number`,
      [roundtableId],
    );
    const numberOf = new Map(spaceRows.map((s) => [s.id, s.number]));

    // the published version of every digest of these questions that overlaps the period
    const digestRows: Array<{
      id: string;
      space_id: string;
      published_version: number;
      content: DigestContent;
      key_points: KeyPoint[];
      period_start: Date;
      period_end: Date;
    }> = await this.db.query(
      `SELECT d.id, d.space_id, d.published_version, d.content, v.key_points, d.period_start, d.period_end
         FROM moderator_digests d
         JOIN spaces s ON s.id = d.space_id
         JOIN moderator_digest_versions v ON v.digest_id = d.id AND v.version = d.published_version
         WHERE s.roundtable_id = $1 AND s.status <> 'draft' AND d.published_version IS NOT NULL AND d.period_start < $3 AND d.period_end > $2
         ORDER BY s.number, d.period_start`,
      [roundtableId, period.start, period.end],
    );

    const [facts, activity, languages] = await Promise.all([
      this.facts(roundtableId, period),
      this.activity(roundtableId, period),
      this.languages(roundtableId, period),
    ]);
    const spaces: SpaceFacts[] = spaceRows.map((s) => ({
      ...s,
      digests: digestRows.filter((d) => d.space_id === s.id).length,
    }));
    const { participation, annex } = participationFigures(activity, spaces, languages);

    const digests: DigestInput[] = digestRows.map((d) => ({
      id: d.id,
      spaceId: d.space_id,
      number: numberOf.get(d.space_id)!,
      themes: d.content.themes,
      lone: d.content.lone,
      keyPoints: d.key_points,
      objectives: d.content.objectives,
    }));
    const [rt]: Array<{ objectives: string[]; objective_translations: ObjectiveInput['translations'][] }> =
      await this.db.query(`SELECT objectives, objective_translations FROM roundtables WHERE id = $1`, [roundtableId]);
    const objectives = (rt?.objectives ?? []).map((text, i) => ({
      number: objectiveNumber(text, i),
      text,
      translations: rt.objective_translations[i] ?? {},
    }));
    const sections = compileSections(digests, facts, participation, objectives);
    await this.phrase(sections);

    const warnings = spaces
      .filter((s) => s.digests === 0)
      .map(
        (s) =>
          `Question ${s.number} has no published moderator digest for this period: its themes and priorities are missing.`,
      );
    return {
      content: {
        compiledAt: new Date().toISOString(),
        digests: digestRows.map((d) => ({
          id: d.id,
          spaceId: d.space_id,
          version: d.published_version,
          periodStart: d.period_start.toISOString(),
          periodEnd: d.period_end.toISOString(),
        })),
        warnings,
        participation,
        annex,
      },
      sections,
    };
  }

  /**
   * Every participant's published contribution of the roundtable in the period (not the
   * moderators' nor the organisers': they never feed themes, convergence or priorities):
   * who wrote it, in which question. One row per question with arrays: a hundred thousand contributions parse as
   * 40 rows of arrays much faster than as 100,000 row objects.
   */
  private async facts(roundtableId: string, period: DigestPeriod): Promise<Map<string, ContributionFact>> {
    const rows: Array<{
      number: number;
      ids: string[];
      authors: string[];
      constituencies: Constituency[];
      countries: Array<string | null>;
    }> = await this.db.query(
      `SELECT s.number, array_agg(c.id::text) AS ids, array_agg(c.author_id::text) AS authors, array_agg(u.constituency) AS constituencies, array_agg(u.country) AS countries
       FROM contributions c JOIN spaces s ON s.id = c.space_id JOIN users u ON u.id = c.author_id
       WHERE s.roundtable_id = $1 AND s.status <> 'draft' AND c.status = 'published' AND c.created_at >= $2 AND c.created_at < $3
         AND NOT u.is_organiser
         AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.space_id = c.space_id AND m.user_id = c.author_id AND m.role = 'moderator')
         AND NOT EXISTS (SELECT 1 FROM roundtable_roles rr WHERE rr.roundtable_id = s.roundtable_id AND rr.user_id = c.author_id AND rr.role = 'moderator')
       GROUP BY s.number`,
      [roundtableId, period.start, period.end],
    );
    const facts = new Map<string, ContributionFact>();
    const regions = new Map<string | null, Region | null>();
    const region = (country: string | null) => {
      if (!regions.has(country)) regions.set(country, regionOf(country));
      return regions.get(country)!;
    };
    for (const r of rows)
      r.ids.forEach((id, i) =>
        facts.set(id, {
          authorId: r.authors[i],
          constituency: r.constituencies[i],
          number: r.number,
          region: region(r.countries[i]),
        }),
      );
    return facts;
  }

  /** Per question and author (and whether they moderate it): how many contributions and replies. */
  private async activity(roundtableId: string, period: DigestPeriod): Promise<AuthorActivity[]> {
    const rows: Array<{
      space_id: string;
      author_id: string;
      by_moderator: boolean;
      constituency: Constituency;
      country: string | null;
      organisation: string | null;
      contributions: number;
      replies: number;
      verified: boolean;
    }> = await this.db.query(
      `SELECT c.space_id, c.author_id,
                (COALESCE(m.role, '') = 'moderator' OR COALESCE(rr.role, '') = 'moderator') AS by_moderator,
                u.constituency, u.country, u.organisation, u.affiliation_verified_at IS NOT NULL AS verified,
                count(*)::int AS contributions, count(c.parent_id)::int AS replies
         FROM contributions c
         JOIN spaces s ON s.id = c.space_id
         JOIN users u ON u.id = c.author_id
         LEFT JOIN memberships m ON m.space_id = c.space_id AND m.user_id = c.author_id
         LEFT JOIN roundtable_roles rr ON rr.roundtable_id = s.roundtable_id AND rr.user_id = c.author_id
         WHERE s.roundtable_id = $1 AND s.status <> 'draft' AND c.status = 'published' AND c.created_at >= $2 AND c.created_at < $3
         GROUP BY 1, 2, 3, 4, 5, 6, 7`,
      [roundtableId, period.start, period.end],
    );
    return rows.map((r) => ({
      spaceId: r.space_id,
      authorId: r.author_id,
      byModerator: r.by_moderator,
      constituency: r.constituency,
      country: r.country,
      organisation: r.organisation,
      contributions: r.contributions,
      replies: r.replies,
      verified: r.verified,
    }));
  }

  private async languages(roundtableId: string, period: DigestPeriod): Promise<Partial<Record<Language, number>>> {
    const rows: Array<{ language: Language | null; n: number }> = await this.db.query(
      `SELECT c.language, count(*)::int AS n FROM contributions c JOIN spaces s ON s.id = c.space_id
       WHERE s.roundtable_id = $1 AND s.status <> 'draft' AND c.status = 'published' AND c.created_at >= $2 AND c.created_at < $3
       GROUP BY 1`,
      [roundtableId, period.start, period.end],
    );
    const out: Partial<Record<Language, number>> = {};
    for (const r of rows) if (r.language) out[r.language] = r.n;
    return out;
  }

  /** Lets the summariser reword generated statements; the catalogue's English wording is what it starts from. */
  private async phrase(sections: FreshSections): Promise<void> {
    if (this.summariser.name === 'extractive') return;
    const texts = new TranslatedTexts('en');
    const drafts = LIST_SECTIONS.flatMap((section) =>
      sections[section]
        .filter((i) => i.kind !== 'priority' && i.kind !== 'custom')
        .map((i) => ({
          item: i,
          draft: { id: `${section}/${i.id}`, text: statement(i, section, CATALOGUES.en, texts, 'en').text },
        })),
    );
    const reworded = await this.summariser.rephrase(drafts.map((d) => d.draft));
    for (const { item, draft } of drafts) {
      const text = reworded.get(draft.id);
      if (text) item.phrased = text;
    }
  }
}
