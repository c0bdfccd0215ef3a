import { Client as Pg } from 'pg';
import { migrations } from '../migrations';
import { adminDatabaseUrl, CompiledApi, databaseUrl, startCompiledApi } from './support/compiled-api';

async function withPg<T>(url: string, work: (pg: Pg) => Promise<T>): Promise<T> {
  const pg = new Pg({ connectionString: url });
  await pg.connect();
  try {
    return await work(pg);
  } finally {
    await pg.end();
  }
}

describe('migrations at boot', () => {
  const database = `rt_migrate_${Date.now()}_${process.pid}`;
  const procs: CompiledApi[] = [];

  beforeAll(async () => {
    await withPg(adminDatabaseUrl(), (pg) => pg.query(`CREATE DATABASE ${database}`));
  });

  afterAll(async () => {
    await Promise.all(procs.map((p) => p.stop()));
    await withPg(adminDatabaseUrl(), (pg) => pg.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
  });

  it('two api processes started at the same moment on an empty database both come up, and each migration ran once', async () => {
    const env = { DATABASE_URL: databaseUrl(database), LOG_LEVEL: 'warn' };
    procs.push(...(await Promise.all([startCompiledApi(env), startCompiledApi(env)])));
    expect(procs[0].port).not.toBe(procs[1].port);
    await Promise.all(procs.map((p) => p.ready(60_000)));

    for (const p of procs) {
      const res = await fetch(`${p.url}/health/ready`);
      expect(res.status).toBe(200);
      // and they serve the api, on the migrated schema
      const register = await fetch(`${p.url}/api/v1/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email: `first-${p.port}@example.org`,
          password: 'tide-pool-77',
          displayName: 'First',
          constituency: 'other',
          preferredLanguage: 'en',
        }),
      });
      expect(register.status).toBe(201);
    }

    const rows = await withPg(
      databaseUrl(database),
      async (pg) => (await pg.query('SELECT name, timestamp FROM schema_migrations ORDER BY id')).rows,
    );
    const names = rows.map((r) => r.name);
    expect(names).toEqual(migrations.map((m) => new m().name ?? m.name));
    expect(new Set(names).size).toBe(names.length);
  });
});
