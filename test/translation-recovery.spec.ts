import { eventually, TestUser } from './support/test-api';
import { expectStatus } from './support/world';
import { RunningProcess } from './support/processes';
import { spaceWithMember, TranslationStack } from './translation-stack';

const SENTENCES = [
  'Local authorities need predictable funding to include migrants in health services, item',
  'Les autorités locales ont besoin de financements prévisibles pour les services de santé, point',
  'Las autoridades locales necesitan financiación previsible para los servicios de salud, punto',
];

/**
 * Acceptance 3 of translation: translation jobs survive a worker killed with SIGKILL (they
 * are in Redis, with fixed ids, and the database is the truth), and translations lost
 * with Redis's data are restored by the sweeper.
 */
describe('translation recovery: kill -9 of the worker, and Redis losing its queues', () => {
  // a killed worker's jobs are taken over after 2 s instead of 30; no sweeper until asked
  const stack = new TranslationStack('trrec', { TRANSLATION_LOCK_MS: '2000', TRANSLATION_SWEEP_AFTER_SECONDS: '0' });
  let member: TestUser;
  let spaceId: string;
  let worker: RunningProcess | undefined;

  beforeAll(async () => {
    await stack.start();
    ({ member, spaceId } = await spaceWithMember(stack.api!));
  }, 120_000);
  afterAll(() => stack.stop(), 60_000);

  /** Posts n contributions in English, French and Spanish (no declared language), 50 at a time. */
  async function postMany(n: number, tag: string): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i += 50) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(50, n - i) }, (_, k) =>
          member.client.post(`/spaces/${spaceId}/contributions`, {
            body: `${SENTENCES[(i + k) % 3]} ${tag}-${i + k}.`,
          }),
        ),
      );
      for (const res of batch) ids.push(expectStatus(res, 201, 'post').body.id);
    }
    return ids;
  }

  const doneCount = async (ids: string[]) =>
    Number(
      (
        await stack.query(
          `SELECT count(*) AS n FROM contribution_translations WHERE contribution_id = ANY($1::uuid[]) AND status = 'done'`,
          [ids],
        )
      )[0].n,
    );

  /** Every contribution has exactly one done translation into each language but its own, and one event per translation. */
  async function expectExactlyOnePerTarget(ids: string[]): Promise<void> {
    const rows = await stack.query(
      `SELECT c.id, c.language, array_agg(t.language ORDER BY t.language) AS langs, bool_and(t.status = 'done') AS done
       FROM contributions c JOIN contribution_translations t ON t.contribution_id = c.id
       WHERE c.id = ANY($1::uuid[]) GROUP BY c.id, c.language`,
      [ids],
    );
    expect(rows).toHaveLength(ids.length);
    for (const row of rows) {
      expect(row.done).toBe(true);
      expect(row.langs).toEqual(['en', 'es', 'fr'].filter((l) => l !== row.language));
    }
    const doubled = await stack.query(
      `SELECT contribution_id, payload->>'language' AS language, count(*) AS n FROM space_events
       WHERE type = 'contribution.translated' AND contribution_id = ANY($1::uuid[]) GROUP BY 1, 2 HAVING count(*) <> 1`,
      [ids],
    );
    expect(doubled).toEqual([]);
    const sample = (await member.client.get(`/contributions/${ids[ids.length - 1]}`)).body;
    expect(Object.values(sample.translations).map((t: any) => t.status)).toEqual(['done', 'done']);
  }

  it('kill -9 while 1,000 translations are queued: after a restart every contribution has exactly one translation per target language', async () => {
    const ids = await postMany(500, 'kill');
    const cli = await stack.cli(['translate', '--missing', '--no-wait']);
    expect(cli.code).toBe(0);
    expect(cli.output).toMatch(/queued 500 translation job/);
    const queue = stack.translationsQueue();
    const waiting = await queue.getWaiting(0, 5000);
    // one job per contribution, for both languages it lacks
    const jobs = waiting.filter((j) => j.name === 'translate-contribution');
    expect(jobs).toHaveLength(500);
    expect(jobs.flatMap((j) => j.data.languages).length).toBe(1000);

    worker = await stack.worker();
    await eventually(async () => (await doneCount(ids)) >= 40, 30_000, 'the first translations');
    await worker.kill9();
    const atKill = await doneCount(ids);
    expect(atKill).toBeLessThan(1000);

    worker = await stack.worker();
    await eventually(async () => (await doneCount(ids)) === 1000, 90_000, 'all 1,000 translations');
    await expectExactlyOnePerTarget(ids);
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed');
    expect(counts).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 0 });
  }, 180_000);

  it('Redis loses its queues: the sweeper restores the missing translations', async () => {
    await worker!.stop();
    const ids = await postMany(150, 'flush');
    // the api hands the events to the queue right after commit; then Redis loses everything
    await eventually(
      async () => Number((await stack.query(`SELECT count(*) AS n FROM space_event_outbox`))[0].n) === 0,
      10_000,
      'the events to be relayed',
    );
    expect(await stack.flushRedis()).toBeGreaterThan(0);
    worker = await stack.worker({ TRANSLATION_SWEEP_AFTER_SECONDS: '1' });
    await eventually(async () => (await doneCount(ids)) === 300, 40_000, 'the sweeper to restore 300 translations');
    await expectExactlyOnePerTarget(ids);
    expect(worker.lines.some((l) => l.includes('translation sweeper queued'))).toBe(true);
  }, 120_000);
});
