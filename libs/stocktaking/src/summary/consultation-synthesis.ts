import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CONSTITUENCIES, DomainError, LANGUAGES, NOT_FOUND } from '@roundtable/core';
import type { Constituency, Language, Multilingual } from '@roundtable/core';
import { regionFigures } from '../compile/participation';
import { REGIONS, Region } from '../compile/regions';
import type { RegionFigures, SummaryContent, SummaryItem } from '../compile/summary.types';
import { CATALOGUES, Catalogue } from '../i18n/catalogue';
import { labelLanguage, TranslatedTexts } from '../render/free-text';
import { regionsSentence, statement } from '../render/summary-document';
import { RegionFiguresDto } from './summary.dto';
import { SummaryView } from './summary-view';

/** A theme across the consultation's roundtables. */
export interface SynthesisTheme {
  label: string;
  /** The roundtables (numbers) whose published summary lists it among key emphases. */
  roundtables: number[];
  constituencies: Constituency[];
  regions: Region[];
  contributions: number;
}

/** What one UN M49 region brought to the consultation. */
export interface SynthesisRegion extends RegionFigures {
  name: string;
  /** The themes its participants raised, broadest first. */
  themes: string[];
  sentence: string;
}

export class SynthesisRoundtableDto {
  @ApiProperty({ type: String, format: 'uuid' }) roundtableId: string;
  @ApiProperty({ type: 'integer' }) number: number;
  @ApiProperty({ type: String, description: 'In `lang` when it has one' }) title: string;
  @ApiProperty({ type: String, format: 'uuid', description: 'Its latest published stocktaking summary' })
  summaryId: string;
  @ApiProperty({ type: String, format: 'date-time' }) publishedAt: string;
  @ApiProperty({ type: 'integer' }) participants: number;
  @ApiProperty({ type: [String], description: 'The statements of its key emphases, in `lang`' }) keyEmphases: string[];
}

export class SynthesisParticipationDto {
  @ApiProperty({ type: 'integer', description: 'Each person once' }) participants: number;
  @ApiProperty({ type: [RegionFiguresDto] }) regions: RegionFiguresDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Null when no profile names a country' }) regionsSentence:
    string | null;
}

export class SynthesisThemeDto implements SynthesisTheme {
  @ApiProperty({ type: String, description: 'In `lang`' }) label: string;
  @ApiProperty({
    type: 'integer',
    isArray: true,
    description: 'The roundtables (numbers) whose published summary lists it among key emphases',
  })
  roundtables: number[];
  @ApiProperty({ type: String, enum: CONSTITUENCIES, isArray: true }) constituencies: Constituency[];
  @ApiProperty({ type: String, enum: REGIONS, isArray: true }) regions: Region[];
  @ApiProperty({ type: 'integer' }) contributions: number;
}

export class SynthesisRegionDto implements SynthesisRegion {
  @ApiProperty({ type: String, enum: REGIONS }) region: Region;
  @ApiProperty({ type: 'integer' }) countries: number;
  @ApiProperty({ type: 'integer' }) participants: number;
  @ApiProperty({ type: String, description: 'The region, in `lang`' }) name: string;
  @ApiProperty({ type: [String], description: 'The themes its participants raised, broadest first' }) themes: string[];
  @ApiProperty({ type: String }) sentence: string;
}

export class ConsultationSynthesisDto {
  @ApiProperty({ format: 'uuid' }) consultationId: string;
  @ApiProperty({ enum: LANGUAGES }) lang: Language;
  @ApiProperty({
    type: [SynthesisRoundtableDto],
    description:
      'Each roundtable with a published stocktaking summary: its number, title, summary and key emphases (statements in `lang`)',
  })
  roundtables: SynthesisRoundtableDto[];
  @ApiProperty({
    type: SynthesisParticipationDto,
    description:
      'Participants of those roundtables (each person once), their UN M49 regions, and the sentence saying them',
  })
  participation: SynthesisParticipationDto;
  @ApiProperty({
    type: [SynthesisThemeDto],
    description: 'Themes across the roundtables, those raised in most roundtables and by most constituencies first',
  })
  themes: SynthesisThemeDto[];
  @ApiProperty({
    type: [SynthesisRegionDto],
    description: 'One short section per region: who took part and which themes they raised',
  })
  regions: SynthesisRegionDto[];
}

/**
 * The consultation-level stocktaking: what the published summaries of its roundtables
 * say together, with a short section per UN M49 region. Compiled when read, from the
 * published versions only, so it never shows a draft.
 */
@Injectable()
export class ConsultationSynthesis {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly view: SummaryView,
  ) {}

  async compile(consultationId: string, lang: Language): Promise<ConsultationSynthesisDto> {
    const [consultation]: Array<{ id: string }> = await this.db.query(`SELECT id FROM consultations WHERE id = $1`, [
      consultationId,
    ]);
    if (!consultation) throw DomainError.notFound(NOT_FOUND.consultation);
    // the latest published summary of each roundtable, as published
    const rows: Array<{
      id: string;
      roundtable_id: string;
      number: number;
      title: Multilingual;
      language: Language;
      published_version: number;
      published_at: Date;
      content: SummaryContent;
    }> = await this.db.query(
      `SELECT DISTINCT ON (r.id) s.id, r.id AS roundtable_id, r.number, r.title, s.language, s.published_version, s.published_at, v.content
         FROM roundtables r
         JOIN stocktaking_summaries s ON s.roundtable_id = r.id AND s.published_version IS NOT NULL
         JOIN stocktaking_versions v ON v.summary_id = s.id AND v.version = s.published_version
         WHERE r.consultation_id = $1
         ORDER BY r.id, s.period_end DESC, s.published_at DESC`,
      [consultationId],
    );
    rows.sort((a, b) => a.number - b.number);
    const cat = CATALOGUES[lang];
    const roundtables = [];
    const themes = new Map<string, SynthesisTheme & { weight: number }>();
    for (const r of rows) {
      const { texts } = await this.view.texts(r.id, r.published_version, lang, r.language);
      roundtables.push({
        roundtableId: r.roundtable_id,
        number: r.number,
        title: r.title[lang] ?? r.title.en ?? Object.values(r.title)[0] ?? '',
        summaryId: r.id,
        publishedAt: r.published_at.toISOString(),
        participants: r.content.participation.participants,
        keyEmphases: r.content.sections.keyEmphases.map(
          (i) => statement(i, 'keyEmphases', cat, texts, r.language).text,
        ),
      });
      for (const item of r.content.sections.keyEmphases) addTheme(themes, item, r.number, texts);
    }
    const people: Array<{ country: string | null }> = await this.db.query(
      `SELECT DISTINCT ON (c.author_id) u.country
       FROM contributions c JOIN spaces s ON s.id = c.space_id JOIN users u ON u.id = c.author_id
       WHERE s.roundtable_id = ANY($1::uuid[]) AND c.status = 'published' AND NOT u.is_organiser
         AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.space_id = c.space_id AND m.user_id = c.author_id AND m.role = 'moderator')
         AND NOT EXISTS (SELECT 1 FROM roundtable_roles rr WHERE rr.roundtable_id = s.roundtable_id AND rr.user_id = c.author_id AND rr.role = 'moderator')`,
      [rows.map((r) => r.roundtable_id)],
    );
    const regions = regionFigures(people);
    const ranked = [...themes.values()].sort(
      (a, b) =>
        b.roundtables.length - a.roundtables.length ||
        b.constituencies.length - a.constituencies.length ||
        b.weight - a.weight ||
        (a.label < b.label ? -1 : 1),
    );
    return {
      consultationId,
      lang,
      roundtables,
      participation: {
        participants: people.length,
        regions,
        regionsSentence: regionsSentence({ participation: { regions } } as SummaryContent, cat),
      },
      themes: ranked.map(({ weight: _weight, ...t }) => t),
      regions: regions.map((r) => regionSection(r, ranked, cat)),
    };
  }
}

function addTheme(
  themes: Map<string, SynthesisTheme & { weight: number }>,
  item: SummaryItem,
  roundtable: number,
  texts: TranslatedTexts,
): void {
  const label = texts.get({ text: item.label ?? '', language: labelLanguage(item) }).text;
  const key = item.key;
  const t = themes.get(key) ?? { label, roundtables: [], constituencies: [], regions: [], contributions: 0, weight: 0 };
  if (!t.roundtables.includes(roundtable)) t.roundtables.push(roundtable);
  t.constituencies = [...new Set([...t.constituencies, ...item.constituencies.filter((c) => c !== 'other')])];
  t.regions = REGIONS.filter((r) => t.regions.includes(r) || (item.regions ?? []).includes(r));
  t.contributions += item.contributions;
  t.weight += item.participants;
  themes.set(key, t);
}

function regionSection(r: RegionFigures, themes: SynthesisTheme[], cat: Catalogue): SynthesisRegion {
  const raised = themes.filter((t) => t.regions.includes(r.region)).map((t) => t.label);
  const name = cat.region[r.region];
  return {
    ...r,
    name,
    themes: raised,
    sentence: cat.regionSection(name, r.participants, r.countries, raised.slice(0, 5)),
  };
}
