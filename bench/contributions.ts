/**
 * `npm run bench -- contributions`: posting, reading and live fan-out figures for the
 * contributions endpoint, against the compiled api alone with real PostgreSQL and Redis
 * (`npm run bench -- stack` measures the same with the worker, translation and relay on).
 * Prints tables; it is not a test and asserts nothing.
 */
import { BENCH_API_ENV, DURATION, fanOut, pageSets, postingRows, readingRows, setup } from './lib/load';
import { rssMb, sleep, startProcess, table } from './support';

async function main(): Promise<void> {
  const api = await startProcess('api', BENCH_API_ENV);
  try {
    await sleep(2000);
    const idleRss = rssMb(api.pid);
    const fx = await setup(api, 64, 64);
    console.log(
      `api pid ${api.pid}, idle RSS ${idleRss} MB (target ≤ 150 MB); ${fx.authors.length} authors, ${fx.spaces.length} spaces`,
    );

    const posting = await postingRows(api, fx);
    table(
      `Posting (POST /spaces/:id/contributions, 450–650-character bodies in EN/FR/ES, ${DURATION} s each; posts/s counts 201s only)`,
      ['load', '2xx posts/s', 'p50 ms', 'p99 ms', 'non-2xx or failed', 'api RSS MB'],
      posting.map((r) => [r.label, r.perSecond, r.p50, r.p99, r.failed, rssMb(api.pid)]),
    );

    const sets = await pageSets(api, fx);
    const rows = [
      ...(await readingRows(api, fx, sets, false)).map((r) => ({ ...r, while: 'quiet' })),
      ...(await readingRows(api, fx, sets, true)).map((r) => ({ ...r, while: '100 posts/s arriving' })),
    ];
    table(
      `Reading pages (32 connections, ${DURATION} s each; req/s counts 2xx only)`,
      [
        'pages',
        'while',
        '2xx req/s',
        'p50 ms',
        'p99 ms',
        'non-2xx or failed',
        'KB/page',
        'distinct pages asked',
        'peak api RSS MB',
      ],
      rows.map((r) => [r.label, r.while, r.perSecond, r.p50, r.p99, r.failed, r.kbPerPage, r.distinct, r.peakRss]),
    );

    const f = await fanOut(api, fx);
    table(
      `Fan-out: ${f.listeners} listeners in one space, ~100 posts/s for ${DURATION} s (from the moment the POST was sent to receipt)`,
      ['posts', 'deliveries', 'p50 ms', 'p99 ms', 'missing', 'post errors', 'peak api RSS MB', 'listeners CPU (cores)'],
      [
        [
          f.posts,
          f.deliveries,
          f.p50.toFixed(1),
          f.p99.toFixed(1),
          f.missing,
          f.postErrors,
          f.peakRss,
          f.listenerCores.toFixed(2),
        ],
      ],
    );
    console.log('\nTargets: ≥ 2,000 posts/s into one space at 64 authors with p99 ≤ 100 ms; page of 50 ≥ 5,000 req/s;');
    console.log('fan-out p50 ≤ 10 ms, p99 ≤ 50 ms, none missing; api RSS ≤ 150 MB idle, ≤ 300 MB under load.');
  } finally {
    await api.stop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
