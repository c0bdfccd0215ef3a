import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * More terms of the Global Compact's vocabulary for the domain glossary, so that the
 * same topic written in English, French and Spanish meets on the English side of the
 * theme analysis (Apertium alone renders "pandémie" as itself and "comisiones de
 * contratación" as "commissions of contracting"). Terms an organiser already added stay
 * as they are.
 */
const TERMS: Array<[en: string, fr: string, es: string]> = [
  ['pandemic', 'pandémie', 'pandemia'],
  ['recruitment fees', 'frais de recrutement', 'comisiones de contratación'],
  ['fair recruitment', 'recrutement équitable', 'contratación equitativa'],
  ['decent work', 'travail décent', 'trabajo decente'],
  ['pathways for regular migration', 'voies de migration régulière', 'vías de migración regular'],
  ['recognition of skills', 'reconnaissance des compétences', 'reconocimiento de competencias'],
  ['qualifications', 'qualifications', 'cualificaciones'],
  ['undocumented migrants', 'migrants sans papiers', 'migrantes indocumentados'],
  ['unaccompanied minors', 'mineurs non accompagnés', 'menores no acompañados'],
  ['informal economy', 'économie informelle', 'economía informal'],
  ['migration data', 'données sur les migrations', 'datos sobre migración'],
  ['disaggregated data', 'données ventilées', 'datos desglosados'],
  ['mental health', 'santé mentale', 'salud mental'],
  ['consular protection', 'protection consulaire', 'protección consular'],
  ['adverse drivers', 'facteurs négatifs', 'factores adversos'],
  ['social protection', 'protection sociale', 'protección social'],
];

export class DomainGlossaryTerms1732300001700 implements MigrationInterface {
  name = 'DomainGlossaryTerms1732300001700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `INSERT INTO glossary_terms (en, fr, es, note, created_at)
       SELECT t.en, t.fr, t.es, NULL, now() + make_interval(secs => t.ord / 1000.0)
       FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS t(en, fr, es, ord)
       ON CONFLICT DO NOTHING`,
      [TERMS.map((t) => t[0]), TERMS.map((t) => t[1]), TERMS.map((t) => t[2])],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DELETE FROM glossary_terms WHERE (en, fr, es) IN (SELECT * FROM unnest($1::text[], $2::text[], $3::text[]))`,
      [TERMS.map((t) => t[0]), TERMS.map((t) => t[1]), TERMS.map((t) => t[2])],
    );
  }
}
