/**
 * `npm run bench -- stocktaking`: compiling a stocktaking summary over 100,000
 * contributions in 40 questions (target: under 10 s and 500 MB), against the compiled api
 * with real PostgreSQL and Redis. The contributions (in English, French and Spanish, by
 * 2,000 members of seven constituencies) are written straight into the database; the 40
 * moderator digests are drafted and published through the api, then the summary is
 * compiled through the api while its resident memory is sampled. Prints tables; it is not
 * a test and asserts nothing. BENCH_CONTRIBUTIONS and BENCH_SPACES change the size.
 * Each contribution ends with a clause of its own (BENCH_VARIED=0: without), so the
 * digests' theme analysis translates fresh French and Spanish text, as it would live.
 */
import { Client as Pg } from 'pg';
import { json, Proc, rssMb, sleep, startProcess, table } from './support';

const CONTRIBUTIONS = Number(process.env.BENCH_CONTRIBUTIONS ?? 100_000);
const SPACES = Number(process.env.BENCH_SPACES ?? 40);
const MEMBERS = 2000;
const ADMIN = { email: 'bench-stocktaking@example.org', password: 'bench-stocktaking-pass-1' };
const CONSTITUENCIES = [
  'state',
  'civil_society',
  'business',
  'local_government',
  'international_organisation',
  'youth',
  'academia',
];
const COUNTRIES = [
  'Ghana',
  'Mexico',
  'Philippines',
  'Senegal',
  'Spain',
  'Canada',
  'Morocco',
  'Chile',
  'Kenya',
  'Nepal',
  'Italy',
  'Peru',
];

/** Sentences the generated contributions are made of: a few themes each, in three languages (written for this bench). */
const SENTENCES: Record<'en' | 'fr' | 'es', string[]> = {
  en: [
    'Regular pathways for workers should be expanded and made affordable.',
    'Employers need regular pathways that match real labour shortages.',
    'Climate change is already pushing coastal families to move inland.',
    'Cities need funding to plan for climate change and the people it displaces.',
    'Access to health services must not depend on migration status.',
    'Young newcomers often do not know how to reach health services.',
    'Recruitment fees charged to workers should be banned everywhere.',
    'Fair recruitment needs licensing and real sanctions for abusive agencies.',
    'The recognition of skills and qualifications takes far too long.',
    'Digital skills training helps migrants find decent work faster.',
    'Remittance costs remain too high for families at home.',
    'Local authorities are the first to receive new arrivals.',
    'Language classes should be free from the day people arrive.',
    'Data on arrivals is incomplete because registers are not shared.',
    'Detention of migrants should only ever be a last resort.',
    'Social protection should follow workers across borders.',
  ],
  fr: [
    'Les voies de migration régulières doivent être élargies.',
    'Le changement climatique pousse les familles à quitter les côtes.',
    "L'accès aux services de santé ne doit pas dépendre du statut.",
    'Les frais de recrutement payés par les travailleurs doivent être interdits.',
    'La reconnaissance des compétences prend beaucoup trop de temps.',
    'Les collectivités locales accueillent les nouveaux arrivants en premier.',
  ],
  es: [
    'Las vías de migración regular deben ampliarse.',
    'El cambio climático empuja a las familias a dejar la costa.',
    'El acceso a los servicios de salud no debe depender del estatus migratorio.',
    'Las comisiones de contratación cobradas a los trabajadores deben prohibirse.',
    'El reconocimiento de las competencias tarda demasiado.',
    'Los costes de las remesas siguen siendo demasiado altos.',
  ],
};

/**
 * A clause that makes each contribution's text its own (a place and a number, in the
 * contribution's language), so remembered translations do not hide the cost of reading
 * French and Spanish text (BENCH_VARIED=0 turns it off).
 */
const VARIED = process.env.BENCH_VARIED !== '0';
const PLACES = [
  'Dakar',
  'Accra',
  'Manila',
  'Cebu',
  'Lima',
  'Quito',
  'Tunis',
  'Rabat',
  'Nairobi',
  'Mombasa',
  'Lyon',
  'Valencia',
  'Bilbao',
  'Kathmandu',
  'Santiago',
  'Cusco',
  'Abidjan',
  'Bamako',
  'Tijuana',
  'Veracruz',
];
const CLAUSES: Record<'en' | 'fr' | 'es', (place: string, n: number) => string> = {
  en: (place, n) => `In ${place}, ${n} households told us the same this month.`,
  fr: (place, n) => `À ${place}, ${n} familles nous ont dit la même chose ce mois-ci.`,
  es: (place, n) => `En ${place}, ${n} familias nos dijeron lo mismo este mes.`,
};

let seed = 42;
function random(): number {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
}
const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];

async function setup(
  api: Proc,
  pg: Pg,
  start: Date,
  end: Date,
): Promise<{ token: string; roundtableId: string; spaces: string[] }> {
  const { accessToken: token } = await json(`${api.url}/api/v1/auth/login`, 'POST', ADMIN);
  const c = await json(
    `${api.url}/api/v1/consultations`,
    'POST',
    { title: { en: 'Stocktaking bench' }, timezone: 'UTC' },
    token,
  );
  const rt = await json(
    `${api.url}/api/v1/consultations/${c.id}/roundtables`,
    'POST',
    { number: 1, title: { en: 'Stocktaking bench' } },
    token,
  );
  const spaces: string[] = [];
  for (let i = 1; i <= SPACES; i++) {
    spaces.push(
      (
        await json(
          `${api.url}/api/v1/roundtables/${rt.id}/spaces`,
          'POST',
          { number: i, prompt: { en: `Question ${i}?` }, moderation: 'post' },
          token,
        )
      ).id,
    );
  }

  const members = Array.from({ length: MEMBERS }, (_, i) => ({
    name: `Member ${i}`,
    constituency: CONSTITUENCIES[i % CONSTITUENCIES.length],
    country: COUNTRIES[i % COUNTRIES.length],
    organisation: `Organisation ${i % 300}`,
    language: i % 10 === 0 ? 'fr' : i % 10 === 1 ? 'es' : 'en',
  }));
  const { rows: users } = await pg.query(
    `INSERT INTO users (display_name, constituency, country, organisation, preferred_language)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) RETURNING id, preferred_language`,
    [
      members.map((m) => m.name),
      members.map((m) => m.constituency),
      members.map((m) => m.country),
      members.map((m) => m.organisation),
      members.map((m) => m.language),
    ],
  );
  // every member joins every question; two of them moderate each one
  await pg.query(
    `INSERT INTO memberships (space_id, user_id, role)
     SELECT s, u, CASE WHEN (row_number() OVER (PARTITION BY s ORDER BY u)) <= 2 THEN 'moderator' ELSE 'participant' END
     FROM unnest($1::uuid[]) AS s, unnest($2::uuid[]) AS u`,
    [spaces, users.map((u) => u.id)],
  );

  const perSpace = Math.ceil(CONTRIBUTIONS / SPACES);
  const span = end.getTime() - start.getTime();
  for (const spaceId of spaces) {
    const ids: string[] = [];
    const rows = {
      id: [] as string[],
      parent: [] as Array<string | null>,
      author: [] as string[],
      body: [] as string[],
      language: [] as string[],
      at: [] as Date[],
    };
    const { rows: uuids } = await pg.query(`SELECT gen_random_uuid() AS id FROM generate_series(1, $1)`, [perSpace]);
    for (let i = 0; i < perSpace; i++) {
      const author = pick(users);
      const language = author.preferred_language as 'en' | 'fr' | 'es';
      const sentences = Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(SENTENCES[language]));
      if (VARIED) sentences.push(CLAUSES[language](pick(PLACES), 2 + Math.floor(random() * 900)));
      const body = sentences.join(' ');
      const id = uuids[i].id as string;
      rows.id.push(id);
      rows.parent.push(ids.length > 10 && random() < 0.3 ? pick(ids) : null);
      rows.author.push(author.id);
      rows.body.push(body);
      rows.language.push(language);
      rows.at.push(new Date(start.getTime() + Math.floor((i / perSpace) * span)));
      ids.push(id);
    }
    await pg.query(
      `INSERT INTO contributions (id, space_id, parent_id, root_id, author_id, body, body_html, language, status, created_at)
       SELECT c.id, $1, c.parent, COALESCE(c.parent, c.id), c.author, c.body, '<p>' || c.body || '</p>', c.language, 'published', c.at
       FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::timestamptz[]) AS c(id, parent, author, body, language, at)`,
      [spaceId, rows.id, rows.parent, rows.author, rows.body, rows.language, rows.at],
    );
  }
  await pg.query('ANALYZE contributions');
  return { token, roundtableId: rt.id, spaces };
}

/** Runs `work` while sampling the process's resident memory; returns its result, the time and the peak. */
async function measured<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; ms: number; peakMb: number }> {
  let peakMb = rssMb(pid);
  let running = true;
  const sampler = (async () => {
    while (running) {
      peakMb = Math.max(peakMb, rssMb(pid));
      await sleep(10);
    }
  })();
  const started = performance.now();
  try {
    const result = await work();
    return { result, ms: performance.now() - started, peakMb };
  } finally {
    running = false;
    await sampler;
  }
}

export async function main(): Promise<void> {
  const apiEnv = { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, LOG_LEVEL: 'warn' };
  let api = await startProcess('api', apiEnv);
  const pg = new Pg({ connectionString: process.env.DATABASE_URL });
  await pg.connect();
  try {
    const start = new Date(Date.UTC(2024, 0, 1));
    const end = new Date(Date.UTC(2024, 2, 1));
    const period = { periodStart: start.toISOString(), periodEnd: end.toISOString() };
    const setupStarted = performance.now();
    const fx = await setup(api, pg, start, end);
    const setupMs = performance.now() - setupStarted;

    const drafting = await measured(api.pid, async () => {
      for (const spaceId of fx.spaces) {
        const digest = await json(`${api.url}/api/v1/spaces/${spaceId}/digests`, 'POST', period, fx.token);
        await json(`${api.url}/api/v1/digests/${digest.id}/publish`, 'POST', {}, fx.token);
      }
    });

    // the summary is compiled by a fresh api process, so its memory is the compile's, not the drafting's
    await api.stop();
    api = await startProcess('api', apiEnv);
    await sleep(1000);
    const before = rssMb(api.pid);
    const compile = await measured(api.pid, async () => {
      const res = await fetch(`${api.url}/api/v1/roundtables/${fx.roundtableId}/stocktaking`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${fx.token}` },
        body: JSON.stringify(period),
      });
      const text = await res.text();
      if (res.status !== 201) throw new Error(`compile → ${res.status} ${text.slice(0, 300)}`);
      return { summary: JSON.parse(text), bytes: text.length };
    });
    const summary = compile.result.summary;
    const exportPdf = await measured(api.pid, async () => {
      const res = await fetch(`${api.url}/api/v1/stocktaking/${summary.id}/export?format=pdf`, {
        headers: { authorization: `Bearer ${fx.token}` },
      });
      return (await res.arrayBuffer()).byteLength;
    });

    table(
      `Stocktaking over ${summary.participation.contributions.toLocaleString('en')} contributions in ${fx.spaces.length} questions (${MEMBERS} members)`,
      ['step', 'time', 'api RSS peak', 'notes'],
      [
        [
          'write the contributions (SQL)',
          `${(setupMs / 1000).toFixed(1)} s`,
          '',
          'setup, not measured against a target',
        ],
        [
          `draft + publish ${fx.spaces.length} digests (api)`,
          `${(drafting.ms / 1000).toFixed(1)} s`,
          `${drafting.peakMb} MB`,
          `${(drafting.ms / fx.spaces.length / 1000).toFixed(2)} s per question`,
        ],
        [
          'compile the summary (fresh api)',
          `${(compile.ms / 1000).toFixed(2)} s`,
          `${compile.peakMb} MB`,
          `target < 10 s and < 500 MB; RSS before: ${before} MB; answer ${(compile.result.bytes / 1048576).toFixed(1)} MB of JSON`,
        ],
        [
          'export it as PDF (api)',
          `${(exportPdf.ms / 1000).toFixed(2)} s`,
          `${exportPdf.peakMb} MB`,
          `${Math.round(exportPdf.result / 1024)} KB`,
        ],
      ],
    );
    table(
      'The summary',
      ['participants', 'contributions', 'by moderators', 'key emphases', 'convergence points', 'gaps', 'digests'],
      [
        [
          summary.participation.participants,
          summary.participation.contributions,
          summary.participation.moderatorContributions,
          summary.sections.keyEmphases.length,
          summary.sections.convergence.length,
          summary.sections.gaps.length,
          summary.digests.length,
        ],
      ],
    );
    console.log(`\n${summary.participation.sentence}`);
  } finally {
    await pg.end();
    await api.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
