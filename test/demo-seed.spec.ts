import 'reflect-metadata';
import { Module } from '@nestjs/common';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { CoreModule, loadConfig, useAppConfig } from '@roundtable/core';
import { DEMO_CONSULTATION, DemoModule, DemoSeedResult, DemoSeeder } from '@roundtable/exchange';
import { SeedDemoCommand } from '../apps/cli/src/seed-demo.command';
import { Client, startTestApi, TestApi } from './support/test-api';
import { expectStatus } from './support/world';

/** What `cli seed-demo` runs in: the CLI's modules, without the HTTP layer. */
@Module({ imports: [CoreModule, DemoModule] })
class SeedContextModule {}

/**
 * The demo content (issue 3, `npm start`): one consultation, two roundtables with
 * objectives, four spaces with prompts in EN/FR/ES (one pre-moderated), twelve participants
 * plus a moderator, a rapporteur and an organiser, and threads in the three languages.
 * Loading it twice adds nothing; the logins it prints work.
 */
describe('demo content (seed-demo)', () => {
  let context: INestApplicationContext;
  let seeder: DemoSeeder;
  let db: DataSource;
  let api: TestApi;
  let first: DemoSeedResult;

  beforeAll(async () => {
    const config = loadConfig({ ...process.env, LOG_LEVEL: 'warn', POST_MIN_INTERVAL_MS: '0' });
    useAppConfig(config);
    try {
      context = await NestFactory.createApplicationContext(SeedContextModule, { logger: ['error', 'warn'] });
    } finally {
      useAppConfig(undefined);
    }
    seeder = context.get(DemoSeeder);
    db = context.get(DataSource);
    api = await startTestApi();
  });
  afterAll(async () => {
    await api?.close();
    await context?.close();
  });

  const countsInDemo = async () => {
    const [row] = await db.query(
      `SELECT count(DISTINCT r.id)::int AS roundtables, count(DISTINCT s.id)::int AS spaces,
              (SELECT count(*)::int FROM contributions c JOIN spaces s2 ON s2.id = c.space_id JOIN roundtables r2 ON r2.id = s2.roundtable_id WHERE r2.consultation_id = $1) AS contributions,
              (SELECT count(*)::int FROM memberships m JOIN spaces s3 ON s3.id = m.space_id JOIN roundtables r3 ON r3.id = s3.roundtable_id WHERE r3.consultation_id = $1) AS memberships
       FROM roundtables r LEFT JOIN spaces s ON s.roundtable_id = r.id WHERE r.consultation_id = $1`,
      [first.consultationId],
    );
    const [consultations] = await db.query(`SELECT count(*)::int AS n FROM consultations WHERE title->>'en' = $1`, [
      DEMO_CONSULTATION.title.en,
    ]);
    return { ...row, consultations: consultations.n };
  };

  it('creates the documented demo content once', async () => {
    first = await seeder.seed();
    expect(first.created).toEqual({
      consultations: 1,
      roundtables: 2,
      spaces: 4,
      accounts: 15, // 12 participants, the moderator, the rapporteur and the organiser
      memberships: 27,
      contributions: 31,
      pending: 2,
    });
    expect(await countsInDemo()).toEqual({
      consultations: 1,
      roundtables: 2,
      spaces: 4,
      contributions: 33,
      memberships: 27,
    });

    const roundtables = await db.query(
      `SELECT id, number, objectives FROM roundtables WHERE consultation_id = $1 ORDER BY number`,
      [first.consultationId],
    );
    for (const r of roundtables) expect(r.objectives.length).toBeGreaterThanOrEqual(2);
    const spaces = await db.query(
      `SELECT s.prompt, s.moderation FROM spaces s JOIN roundtables r ON r.id = s.roundtable_id WHERE r.consultation_id = $1`,
      [first.consultationId],
    );
    for (const s of spaces) expect(Object.keys(s.prompt).sort()).toEqual(['en', 'es', 'fr']);
    expect(spaces.filter((s: any) => s.moderation === 'pre')).toHaveLength(1);

    const members = await db.query(
      `SELECT DISTINCT u.constituency, u.country FROM users u JOIN memberships m ON m.user_id = u.id JOIN spaces s ON s.id = m.space_id
       JOIN roundtables r ON r.id = s.roundtable_id WHERE r.consultation_id = $1`,
      [first.consultationId],
    );
    expect(new Set(members.map((m: any) => m.constituency)).size).toBeGreaterThanOrEqual(7);
    expect(new Set(members.map((m: any) => m.country)).size).toBeGreaterThanOrEqual(10);

    // threads with replies in all three languages, dated over the past two weeks, each with its event
    const contributions = await db.query(
      `SELECT c.language, c.parent_id, c.status, c.created_at, c.seq FROM contributions c JOIN spaces s ON s.id = c.space_id
       JOIN roundtables r ON r.id = s.roundtable_id WHERE r.consultation_id = $1`,
      [first.consultationId],
    );
    const published = contributions.filter((c: any) => c.status === 'published');
    expect(new Set(published.map((c: any) => c.language))).toEqual(new Set(['en', 'fr', 'es']));
    expect(new Set(published.filter((c: any) => c.parent_id).map((c: any) => c.language))).toEqual(
      new Set(['en', 'fr', 'es']),
    );
    const twoWeeks = 14 * 24 * 3600 * 1000;
    for (const c of published) {
      expect(Date.now() - c.created_at.getTime()).toBeLessThanOrEqual(twoWeeks);
      expect(c.seq).not.toBeNull();
    }
    expect(contributions.filter((c: any) => c.status === 'pending')).toHaveLength(2);
  });

  it('adds nothing when run again', async () => {
    const second = await seeder.seed();
    expect(second.created).toEqual({
      consultations: 0,
      roundtables: 0,
      spaces: 0,
      accounts: 0,
      memberships: 0,
      contributions: 0,
      pending: 0,
    });
    expect(second.consultationId).toBe(first.consultationId);
    expect(await countsInDemo()).toEqual({
      consultations: 1,
      roundtables: 2,
      spaces: 4,
      contributions: 33,
      memberships: 27,
    });
  });

  it('prints DEMO_LOGINS as its last line, and every login works with its role', async () => {
    const lines: string[] = [];
    const spy = jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
    try {
      await new SeedDemoCommand(seeder).run();
    } finally {
      spy.mockRestore();
    }
    const last = lines[lines.length - 1];
    expect(last.startsWith('DEMO_LOGINS ')).toBe(true);
    const logins: Array<{ role: string; email: string; password: string }> = JSON.parse(
      last.slice('DEMO_LOGINS '.length),
    );
    expect(logins.map((l) => l.role)).toEqual(
      expect.arrayContaining(['organiser', 'moderator', 'rapporteur', 'participant']),
    );
    expect(lines[0]).toBe('demo content already loaded: nothing added');

    const anonymous = new Client(api.url);
    const roundtableIds: string[] = (
      await db.query(`SELECT id FROM roundtables WHERE consultation_id = $1`, [first.consultationId])
    ).map((r: any) => r.id);
    for (const login of logins) {
      const res = expectStatus(
        await anonymous.post('/auth/login', { email: login.email, password: login.password }),
        200,
        `login ${login.email}`,
      ).body;
      const me = anonymous.as(res.accessToken);
      if (login.role === 'organiser') expect(res.user.isOrganiser).toBe(true);
      if (login.role === 'moderator' || login.role === 'rapporteur') {
        for (const id of roundtableIds)
          expect(expectStatus(await me.get(`/roundtables/${id}`), 200).body.myRole).toBe(login.role);
      }
    }

    // the moderator sees the two contributions waiting in the pre-moderated space
    const moderator = logins.find((l) => l.role === 'moderator')!;
    const token = (await anonymous.post('/auth/login', { email: moderator.email, password: moderator.password })).body
      .accessToken;
    const [pre] = await db.query(
      `SELECT s.id FROM spaces s JOIN roundtables r ON r.id = s.roundtable_id WHERE r.consultation_id = $1 AND s.moderation = 'pre'`,
      [first.consultationId],
    );
    const pending = expectStatus(
      await anonymous.as(token).get(`/spaces/${pre.id}/contributions?status=pending`),
      200,
    ).body;
    expect(pending.items).toHaveLength(2);
  });
});
