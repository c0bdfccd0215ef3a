import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ThemeAnalyser } from '../analysis/theme-analyser';
import type { ExclusionSources } from '../analysis/theme-exclusions';
import { digestFigures, mostDiscussed } from './digest-figures';
import type { DigestContent, DigestPeriod, DigestRow, KeyPoint } from './digest.types';
import { generateKeyPoints } from './key-points';

interface RawRow {
  id: string;
  parent_id: string | null;
  root_id: string;
  author_id: string;
  display_name: string;
  organisation: string | null;
  constituency: DigestRow['constituency'];
  country: string | null;
  language: DigestRow['language'];
  body: string;
  created_at: Date;
  by_moderator: boolean;
  by_organiser: boolean;
}

// served by contributions_space_created_idx (space_id, created_at, id)
const ROWS_SQL = `
  SELECT c.id, c.parent_id, c.root_id, c.author_id, u.display_name, u.organisation, u.constituency, u.country,
         c.language, c.body, c.created_at,
         (COALESCE(m.role, '') = 'moderator' OR COALESCE(rr.role, '') = 'moderator') AS by_moderator, u.is_organiser AS by_organiser
  FROM contributions c
  JOIN users u ON u.id = c.author_id
  JOIN spaces s ON s.id = c.space_id
  LEFT JOIN memberships m ON m.space_id = c.space_id AND m.user_id = c.author_id
  LEFT JOIN roundtable_roles rr ON rr.roundtable_id = s.roundtable_id AND rr.user_id = c.author_id
  WHERE c.space_id = $1 AND c.status = 'published' AND c.created_at >= $2 AND c.created_at < $3`;

/**
 * Drafts the content of a moderator digest from the database: the space's published
 * contributions in the period, their figures, the most-discussed threads, the recurring
 * themes with representative quotes, and key points generated from the themes.
 */
@Injectable()
export class DigestDrafter {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly analyser: ThemeAnalyser,
  ) {}

  async draft(
    spaceId: string,
    period: DigestPeriod,
  ): Promise<{ content: DigestContent; keyPoints: KeyPoint[]; contributions: number }> {
    const raw: RawRow[] = await this.db.query(`${ROWS_SQL} ORDER BY c.created_at, c.id`, [
      spaceId,
      period.start,
      period.end,
    ]);
    const rows = raw.map(toRow);
    const inPeriod = new Set(rows.map((r) => r.id));
    const missingRoots = [...new Set(rows.filter((r) => r.parentId && !inPeriod.has(r.rootId)).map((r) => r.rootId))];
    const roots = new Map<string, DigestRow>();
    if (missingRoots.length > 0) {
      const older: RawRow[] = await this.db.query(
        `SELECT c.id, c.parent_id, c.root_id, c.author_id, u.display_name, u.organisation, u.constituency, u.country, c.language, c.body, c.created_at, false AS by_moderator, false AS by_organiser
         FROM contributions c JOIN users u ON u.id = c.author_id WHERE c.id = ANY($1::uuid[]) AND c.status = 'published'`,
        [missingRoots],
      );
      for (const r of older) roots.set(r.id, toRow(r));
    }
    const staff = new Set(raw.filter((r) => r.by_organiser).map((r) => r.id));
    const context = await this.context(spaceId, rows);
    const analysis = await this.analyser.analyse({
      // moderators and organisers steer the discussion: what they write never makes a theme, a priority or a convergence
      rows: rows
        .filter((r) => !r.byModerator && !staff.has(r.id))
        .map((r) => ({
          id: r.id,
          authorId: r.authorId,
          authorName: r.authorName,
          organisation: r.organisation,
          constituency: r.constituency,
          language: r.language,
          body: r.body,
        })),
      exclusions: context.exclusions,
      objectives: context.objectives,
    });
    const { themes, lone, objectives, translation } = analysis;
    const content: DigestContent = {
      figures: digestFigures(rows),
      threads: mostDiscussed(rows, roots),
      themes,
      lone,
      objectives,
      translation,
    };
    return { content, keyPoints: generateKeyPoints(themes, translation), contributions: rows.length };
  }

  /** What the analysis reads beside the contributions: the roundtable's objectives and the names themes must not be. */
  private async context(
    spaceId: string,
    rows: DigestRow[],
  ): Promise<{ exclusions: ExclusionSources; objectives: string[] }> {
    const [rt]: Array<{
      objectives: string[];
      objective_translations: Array<{ en?: string }>;
      titles: string[];
      prompts: string[];
    }> = await this.db.query(
      `SELECT r.objectives, r.objective_translations, ARRAY(SELECT e.value FROM (VALUES (r.title), (c.title)) AS x(t), jsonb_each_text(x.t) AS e) AS titles, ARRAY(SELECT p.prompt::text FROM spaces p WHERE p.roundtable_id = r.id) AS prompts
       FROM spaces s JOIN roundtables r ON r.id = s.roundtable_id JOIN consultations c ON c.id = r.consultation_id WHERE s.id = $1`,
      [spaceId],
    );
    const people: Array<{ organisation: string | null; display_name: string }> = await this.db.query(
      `SELECT DISTINCT u.organisation, u.display_name FROM memberships m JOIN spaces s ON s.id = m.space_id JOIN users u ON u.id = m.user_id
       WHERE s.roundtable_id = (SELECT roundtable_id FROM spaces WHERE id = $1)`,
      [spaceId],
    );
    const organisations = new Set(
      [...people.map((p) => p.organisation), ...rows.map((r) => r.organisation)].filter((o): o is string => !!o),
    );
    const names = new Set([...people.map((p) => p.display_name), ...rows.map((r) => r.authorName)]);
    return {
      exclusions: {
        organisations: [...organisations],
        people: [...names],
        structureTexts: [...(rt?.titles ?? []), ...(rt?.prompts ?? [])],
        titles: rt?.titles ?? [],
      },
      // the analysis reads objectives on the English side: the organiser's English version when there is one
      objectives: (rt?.objectives ?? []).map((text, i) => rt.objective_translations[i]?.en || text),
    };
  }

  /** Whether an id is a published contribution of the space (for sources a moderator adds). */
  async publishedIn(spaceId: string, ids: string[]): Promise<Set<string>> {
    const uuids = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
    if (uuids.length === 0) return new Set();
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT id FROM contributions WHERE space_id = $1 AND id = ANY($2::uuid[]) AND status = 'published'`,
      [spaceId, uuids],
    );
    return new Set(rows.map((r) => r.id));
  }
}

function toRow(r: RawRow): DigestRow {
  return {
    id: r.id,
    parentId: r.parent_id,
    rootId: r.root_id,
    authorId: r.author_id,
    authorName: r.display_name,
    organisation: r.organisation,
    constituency: r.constituency,
    country: r.country,
    language: r.language,
    body: r.body,
    createdAt: r.created_at,
    byModerator: r.by_moderator,
  };
}
