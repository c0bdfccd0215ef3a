import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The domain glossary every machine translation follows, seeded with the terms of
 * migration consultations (organisers edit it through the API). Each row renders one
 * concept in the three languages; a term is unique within its language.
 */
const GLOSSARY: Array<[en: string, fr: string, es: string, note?: string]> = [
  ['migrants', 'migrants', 'migrantes', 'Apertium EN→ES says "nómadas"'],
  ['migrant', 'migrant', 'migrante'],
  ['migrant workers', 'travailleurs migrants', 'trabajadores migrantes'],
  ['Global Compact for Migration', 'Pacte mondial sur les migrations', 'Pacto Mundial sobre Migración'],
  ['GCM', 'PMM', 'PMM', 'The Global Compact for Safe, Orderly and Regular Migration'],
  ['objectives', 'objectifs', 'objetivos', 'The GCM objectives (not "aims")'],
  ['Member States', 'États membres', 'Estados miembros'],
  ['regular pathways', 'voies régulières', 'vías regulares'],
  ['irregular migration', 'migration irrégulière', 'migración irregular'],
  ['civil society', 'société civile', 'sociedad civil'],
  ['civil society organisations', 'organisations de la société civile', 'organizaciones de la sociedad civil'],
  ['local authorities', 'autorités locales', 'autoridades locales'],
  ['local governments', 'gouvernements locaux', 'gobiernos locales'],
  ['Governments', 'gouvernements', 'gobiernos', 'Apertium FR→EN says "executives"'],
  ['government', 'gouvernement', 'gobierno'],
  ['stakeholders', 'parties prenantes', 'partes interesadas'],
  ['private sector', 'secteur privé', 'sector privado'],
  ['international organisations', 'organisations internationales', 'organizaciones internacionales'],
  ['Roundtable', 'table ronde', 'mesa redonda'],
  ['roundtables', 'tables rondes', 'mesas redondas'],
  ['refugees', 'réfugiés', 'refugiados'],
  ['asylum seekers', "demandeurs d'asile", 'solicitantes de asilo'],
  ['human rights', "droits de l'homme", 'derechos humanos'],
  [
    'United Nations Network on Migration',
    'Réseau des Nations Unies sur les migrations',
    'Red de las Naciones Unidas sobre la Migración',
  ],
  [
    'International Migration Review Forum',
    "Forum d'examen des migrations internationales",
    'Foro de Examen de la Migración Internacional',
  ],
  ['IMRF', 'FEMI', 'FEMI'],
  ['labour migration', "migration de main-d'œuvre", 'migración laboral'],
  ['remittances', 'envois de fonds', 'remesas'],
  ['smuggling of migrants', 'trafic illicite de migrants', 'tráfico ilícito de migrantes'],
  ['trafficking in persons', 'traite des personnes', 'trata de personas'],
  ['return and reintegration', 'retour et réintégration', 'retorno y reintegración'],
  ['xenophobia', 'xénophobie', 'xenofobia'],
  ['diaspora', 'diaspora', 'diáspora'],
  ['host communities', "communautés d'accueil", 'comunidades de acogida'],
  ['climate change', 'changement climatique', 'cambio climático'],
  ['capacity building', 'renforcement des capacités', 'creación de capacidad'],
  ['best practices', 'bonnes pratiques', 'buenas prácticas'],
  ['partnerships', 'partenariats', 'alianzas', 'As in SDG 17 (Apertium EN→ES says "sociedades")'],
  ['means of implementation', 'moyens de mise en œuvre', 'medios de implementación'],
  ['social cohesion', 'cohésion sociale', 'cohesión social'],
  ['unaccompanied children', 'enfants non accompagnés', 'niños no acompañados'],
  ['vulnerable situations', 'situations de vulnérabilité', 'situaciones de vulnerabilidad'],
  ['in your opinion', 'selon vous', 'en su opinión', 'How consultation questions address participants'],
];

export class Translation1732300000500 implements MigrationInterface {
  name = 'Translation1732300000500';

  async up(q: QueryRunner): Promise<void> {
    // eld's score for a detected language (null when declared or too short to tell)
    await q.query(`ALTER TABLE contributions ADD COLUMN language_confidence real`);

    // One row per contribution and target language, replaced only by a newer version's
    // (source_version), so a late job for an old version never overwrites a newer one.
    await q.query(`
      CREATE TABLE contribution_translations (
        contribution_id uuid NOT NULL REFERENCES contributions(id) ON DELETE CASCADE,
        language text NOT NULL CHECK (language IN ('en','fr','es')),
        source_version integer NOT NULL,
        source_language text NOT NULL CHECK (source_language IN ('en','fr','es')),
        status text NOT NULL CHECK (status IN ('done','failed')),
        text text,
        provider text NOT NULL,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (contribution_id, language),
        CHECK ((status = 'done') = (text IS NOT NULL))
      )`);
    // the primary key serves every read: a contribution's translations (listing, one
    // contribution), and the sweeper's "is this language there for this version" probe

    // the sweeper walks published contributions by their last change
    await q.query(
      `CREATE INDEX contributions_translation_sweep_idx ON contributions (updated_at, id) WHERE status IN ('published','hidden')`,
    );

    // machine translations of the languages a prompt lacks, keyed by language (see PromptTranslation)
    await q.query(`ALTER TABLE spaces ADD COLUMN prompt_translations jsonb NOT NULL DEFAULT '{}'::jsonb`);

    await q.query(`
      CREATE TABLE glossary_terms (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        en text NOT NULL,
        fr text NOT NULL,
        es text NOT NULL,
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // a term means one thing per language: matching is case-insensitive
    await q.query(`CREATE UNIQUE INDEX glossary_terms_en_key ON glossary_terms (lower(en))`);
    await q.query(`CREATE UNIQUE INDEX glossary_terms_fr_key ON glossary_terms (lower(fr))`);
    await q.query(`CREATE UNIQUE INDEX glossary_terms_es_key ON glossary_terms (lower(es))`);
    await q.query(
      `INSERT INTO glossary_terms (en, fr, es, note, created_at)
       SELECT t.en, t.fr, t.es, t.note, now() + make_interval(secs => t.ord / 1000.0)
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS t(en, fr, es, note, ord)`,
      [
        GLOSSARY.map((g) => g[0]),
        GLOSSARY.map((g) => g[1]),
        GLOSSARY.map((g) => g[2]),
        GLOSSARY.map((g) => g[3] ?? null),
      ],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE glossary_terms`);
    await q.query(`ALTER TABLE spaces DROP COLUMN prompt_translations`);
    await q.query(`DROP INDEX contributions_translation_sweep_idx`);
    await q.query(`DROP TABLE contribution_translations`);
    await q.query(`ALTER TABLE contributions DROP COLUMN language_confidence`);
  }
}
