import { BenchSection, CleanupStack, int, markdownTable, waitForQuietMachine, ms, postgresReachable, retryOnce, runClosedLoop, runIfMain, summarize } from './bench-kit';
import { startBenchPlatform, Storage } from './bench-platform';

const CONCURRENCIES = [1, 8, 32] as const;
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 5_000);
const WARM_UP_MS = 1_500;

interface Row {
  readonly storage: Storage;
  readonly concurrency: number;
  readonly commands: number;
  readonly errors: number;
  readonly throughput: number;
  readonly p50: number;
  readonly p99: number;
  readonly cpuMsPerCommand: number;
  /** Share of the time the server's main thread was runnable but had no CPU (machine contention). */
  readonly runQueueShare: number;
}

/** `planDelivery` as fast as `concurrency` clients can go, each waiting for its answer (closed loop). */
const measure = async (storage: Storage): Promise<Row[]> => {
  const cleanup = new CleanupStack();
  try {
    const platform = await startBenchPlatform(storage, cleanup);
    let index = 0;
    const send = () => platform.plan(index++);
    // JIT, prepared statements and connection pools warm up before anything is counted.
    await runClosedLoop({ concurrency: 8, durationMs: WARM_UP_MS, send });
    const rows: Row[] = [];
    for (const concurrency of CONCURRENCIES) {
      const cpuBefore = await platform.serverCpuSeconds();
      const schedBefore = platform.serverSchedstat();
      const result = await runClosedLoop({ concurrency, durationMs: DURATION_MS, send });
      const schedAfter = platform.serverSchedstat();
      const cpuAfter = await platform.serverCpuSeconds();
      const ok = result.samples.filter((sample) => sample.ok);
      const failed = result.samples.filter((sample) => !sample.ok);
      if (failed.length > 0) console.error(`${storage} c=${concurrency}: ${failed.length} failed, first:`, failed[0].error);
      const latency = summarize(ok.map((sample) => sample.finishedAt - sample.sentAt));
      rows.push({
        storage,
        concurrency,
        commands: ok.length,
        errors: failed.length,
        throughput: result.throughput,
        p50: latency.p50,
        p99: latency.p99,
        cpuMsPerCommand: ((cpuAfter - cpuBefore) * 1000) / Math.max(1, ok.length),
        runQueueShare: (schedAfter.waitMs - schedBefore.waitMs) / result.elapsedMs,
      });
    }
    return rows;
  } finally {
    await cleanup.run();
  }
};

export async function run(): Promise<BenchSection> {
  const load = await waitForQuietMachine();
  const rows = await measure('embedded');
  const postgresProblem = await postgresReachable();
  const postgresRows = postgresProblem === null ? await retryOnce('commands on PostgreSQL', () => measure('postgres')) : [];
  const all = [...rows, ...postgresRows];
  const figures: Record<string, number> = {};
  for (const row of all) {
    const key = `${row.storage}.c${row.concurrency}`;
    figures[`${key}.commandsPerSecond`] = Math.round(row.throughput);
    figures[`${key}.p50Ms`] = Number(row.p50.toFixed(2));
    figures[`${key}.p99Ms`] = Number(row.p99.toFixed(2));
  }
  const table = markdownTable(
    ['storage', 'concurrency', 'commands', 'errors', 'commands/s', 'p50 ms', 'p99 ms', 'server CPU ms/command', 'server waiting for a CPU'],
    all.map((row) => [
      row.storage,
      row.concurrency,
      int(row.commands),
      row.errors,
      int(row.throughput),
      ms(row.p50),
      ms(row.p99),
      ms(row.cpuMsPerCommand),
      `${Math.round(row.runQueueShare * 100)} %`,
    ]),
  );
  const notes = [
    `\`planDelivery\` over HTTP (keep-alive, one agency, rotating admin-2 P-codes of the bundled gazetteer, a fresh \`commandId\` each), `,
    `closed loop: each of *concurrency* clients sends its next mutation when the previous one answered; ${DURATION_MS / 1000} s per level after a ${WARM_UP_MS / 1000} s warm-up. `,
    'The platform runs as its own process (`npm start`), on a fresh DATA_DIR (embedded: SQLite log with `synchronous=FULL` + SQLite read model) ',
    'or with DATABASE_URL on a fresh PostgreSQL database (log and read model). Latency is from send to answer, measured by the client; ',
    'server CPU is the platform process\'s `process_cpu_seconds_total` delta per accepted command; "waiting for a CPU" is the share of the time ',
    'its main thread was runnable but not running (Linux schedstat). On two cores the load generator (and PostgreSQL) compete with the server, so part of that is ',
    'the bench\'s own; the rest is whatever else the machine was running.',
    postgresProblem ? `\n\nPostgreSQL skipped: ${postgresProblem}` : '',
    `\n\n${load}`,
  ].join('');
  return { title: 'GraphQL command throughput (planDelivery)', markdown: `${notes}\n\n${table}`, figures };
}

runIfMain(module, run);
