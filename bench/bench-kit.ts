import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { Client } from 'pg';

/** What every bench module's `run()` answers; `run-all.ts` stitches the sections into RESULTS.md. */
export interface BenchSection {
  readonly title: string;
  readonly markdown: string;
  readonly figures: Record<string, number>;
}

export const ROOT = join(__dirname, '..');
export const BUNDLED_GAZETTEER = join(ROOT, 'libs', 'reference-data', 'assets', 'gazetteer-mli-caf-hti.hxl.csv');

// ---------------------------------------------------------------------------------------------
// Statistics and formatting
// ---------------------------------------------------------------------------------------------

/** Nearest-rank percentile of ascending values (no interpolation: p99 is a latency actually observed). */
const percentileOfSorted = (sorted: readonly number[], p: number): number =>
  sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

export const percentile = (values: readonly number[], p: number): number =>
  percentileOfSorted([...values].sort((a, b) => a - b), p);

export interface LatencySummary {
  readonly count: number;
  readonly mean: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

export const summarize = (values: readonly number[]): LatencySummary => {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    mean: sorted.length === 0 ? Number.NaN : sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
    p50: percentileOfSorted(sorted, 50),
    p95: percentileOfSorted(sorted, 95),
    p99: percentileOfSorted(sorted, 99),
    max: sorted.length === 0 ? Number.NaN : sorted[sorted.length - 1],
  };
};

export const ms = (value: number): string => (Number.isFinite(value) ? value.toFixed(value < 10 ? 2 : 1) : 'n/a');
export const int = (value: number): string => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : 'n/a');

export const markdownTable = (headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string => {
  const line = (cells: readonly (string | number)[]) => `| ${cells.map(String).join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
};

// ---------------------------------------------------------------------------------------------
// Machine
// ---------------------------------------------------------------------------------------------

export interface MachineDescription {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly node: string;
}

export const describeMachine = (): MachineDescription => ({
  cpu: cpus()[0]?.model.trim() ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
  node: process.version,
});

export const machineLine = (): string => {
  const machine = describeMachine();
  return `${machine.cpu}, ${machine.cores} logical CPUs, ${machine.memoryGiB} GiB RAM, Node ${machine.node}`;
};

/**
 * The 1-minute load average when a bench starts: the reference machine is shared, and a figure
 * taken while something else held the cores is not the platform's own.
 */
export const loadLine = (): string => `load average at start: ${loadavg()[0].toFixed(2)} on ${cpus().length} CPUs`;

/**
 * Waits (bounded) until the 1-minute load average has fallen below half the cores, so one bench
 * does not measure the tail of the previous one or of someone else's job. Answers what it saw.
 */
export const waitForQuietMachine = async (maxWaitMs = Number(process.env.BENCH_QUIET_WAIT_MS ?? 180_000)): Promise<string> => {
  const threshold = cpus().length * 0.5;
  const started = Date.now();
  while (loadavg()[0] >= threshold && Date.now() - started < maxWaitMs) {
    await new Promise((resolve) => setTimeout(resolve, 5_000));
  }
  const waited = Math.round((Date.now() - started) / 1000);
  const quiet = loadavg()[0] < threshold;
  return `${loadLine()}${waited > 0 ? ` (after waiting ${waited} s${quiet ? '' : `, still ≥ ${threshold}: figures are taken on a busy machine`})` : ''}`;
};

// ---------------------------------------------------------------------------------------------
// HTTP / GraphQL client
// ---------------------------------------------------------------------------------------------

export interface GraphQLAnswer<T = any> {
  readonly status: number;
  readonly data?: T;
  readonly errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/**
 * A bare keep-alive node:http client rather than fetch: undici costs noticeably more CPU per
 * request, and on a two-core machine every cycle the load generator burns is taken from the server.
 */
export class GraphQLClient {
  // Idle sockets are dropped before the server's 5 s keep-alive timeout closes them: reusing a socket
  // the server is closing at that instant fails the request with ECONNRESET.
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 256, timeout: 4_000 });
  private readonly target: URL;

  constructor(baseUrl: string) {
    this.target = new URL('/graphql', baseUrl);
  }

  request<T = any>(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): Promise<GraphQLAnswer<T>> {
    const body = Buffer.from(JSON.stringify({ query, variables }));
    return new Promise((resolve, reject) => {
      const outgoing = request(
        {
          agent: this.agent,
          host: this.target.hostname,
          port: this.target.port,
          path: this.target.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': body.length, ...headers },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            try {
              resolve({ status: response.statusCode ?? 0, ...JSON.parse(Buffer.concat(chunks).toString('utf8')) });
            } catch (error) {
              reject(error);
            }
          });
          response.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

// ---------------------------------------------------------------------------------------------
// Load generators
// ---------------------------------------------------------------------------------------------

export interface Sample<T> {
  /** When the request was due (fixed rate) or sent (closed loop), ms on the performance clock. */
  readonly scheduledAt: number;
  readonly sentAt: number;
  readonly finishedAt: number;
  readonly ok: boolean;
  readonly value?: T;
  readonly error?: unknown;
}

export interface FixedRateResult<T> {
  readonly samples: Sample<T>[];
  readonly offeredRate: number;
  /** Completed requests per second of wall time from the first send to the last answer. */
  readonly achievedRate: number;
  /** Largest delay between when a request was due and when it went out (generator health). */
  readonly maxSendLagMs: number;
}

/**
 * Open-loop load: request i is due at start + i / rate whether or not earlier ones have answered,
 * so a slow server sees a growing queue instead of a politely slowing client (no coordinated
 * omission). Latencies should be taken from `scheduledAt`.
 */
export const runFixedRate = async <T>(options: {
  readonly ratePerSecond: number;
  readonly durationMs: number;
  readonly send: (index: number) => Promise<T>;
}): Promise<FixedRateResult<T>> => {
  const { ratePerSecond, durationMs, send } = options;
  const total = Math.round((ratePerSecond * durationMs) / 1000);
  const interval = 1000 / ratePerSecond;
  const samples: Sample<T>[] = [];
  const inFlight: Promise<void>[] = [];
  const start = performance.now() + 5;
  let maxSendLagMs = 0;
  for (let index = 0; index < total; index += 1) {
    const due = start + index * interval;
    const wait = due - performance.now();
    // setTimeout wakes up to ~1 ms late; the lag is measured and the latency counted from `due`.
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait - 0.5));
    while (performance.now() < due) {
      // Spin the last fraction of a millisecond so sends are not bunched at timer granularity.
    }
    const sentAt = performance.now();
    maxSendLagMs = Math.max(maxSendLagMs, sentAt - due);
    inFlight.push(
      send(index).then(
        (value) => void samples.push({ scheduledAt: due, sentAt, finishedAt: performance.now(), ok: true, value }),
        (error: unknown) => void samples.push({ scheduledAt: due, sentAt, finishedAt: performance.now(), ok: false, error }),
      ),
    );
  }
  await Promise.all(inFlight);
  const last = Math.max(...samples.map((sample) => sample.finishedAt));
  return {
    samples,
    offeredRate: ratePerSecond,
    achievedRate: samples.filter((sample) => sample.ok).length / ((last - start) / 1000),
    maxSendLagMs,
  };
};

export interface ClosedLoopResult<T> {
  readonly samples: Sample<T>[];
  readonly elapsedMs: number;
  readonly throughput: number;
}

/** `concurrency` workers, each sending its next request as soon as the previous one answered. */
export const runClosedLoop = async <T>(options: {
  readonly concurrency: number;
  readonly durationMs: number;
  readonly send: (index: number) => Promise<T>;
}): Promise<ClosedLoopResult<T>> => {
  const { concurrency, durationMs, send } = options;
  const samples: Sample<T>[] = [];
  const start = performance.now();
  const deadline = start + durationMs;
  let next = 0;
  const worker = async () => {
    while (performance.now() < deadline) {
      const index = next;
      next += 1;
      const sentAt = performance.now();
      try {
        const value = await send(index);
        samples.push({ scheduledAt: sentAt, sentAt, finishedAt: performance.now(), ok: true, value });
      } catch (error) {
        samples.push({ scheduledAt: sentAt, sentAt, finishedAt: performance.now(), ok: false, error });
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsedMs = performance.now() - start;
  return { samples, elapsedMs, throughput: samples.filter((sample) => sample.ok).length / (elapsedMs / 1000) };
};

// ---------------------------------------------------------------------------------------------
// Resources that must not outlive a bench
// ---------------------------------------------------------------------------------------------

/**
 * Undo actions run last-in first-out, in `finally` and also on SIGINT/SIGTERM, so an interrupted
 * bench leaves no process, directory or database behind.
 */
export class CleanupStack {
  private static readonly live = new Set<CleanupStack>();
  private static hooked = false;
  private readonly actions: Array<{ label: string; action: () => unknown }> = [];

  constructor() {
    CleanupStack.live.add(this);
    if (!CleanupStack.hooked) {
      CleanupStack.hooked = true;
      for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        process.once(signal, () => {
          void Promise.allSettled([...CleanupStack.live].map((stack) => stack.run())).then(() => process.exit(130));
        });
      }
    }
  }

  add(label: string, action: () => unknown): void {
    this.actions.push({ label, action });
  }

  async run(): Promise<void> {
    CleanupStack.live.delete(this);
    while (this.actions.length > 0) {
      const { label, action } = this.actions.pop()!;
      try {
        await action();
      } catch (error) {
        console.error(`cleanup "${label}" failed:`, error);
      }
    }
  }
}

export const tempDir = (prefix: string): { readonly path: string; remove(): void } => {
  const path = mkdtempSync(join(tmpdir(), `coord-bench-${prefix}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
};

export const POSTGRES_ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface BenchDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

/** A fresh `bench_<random>` database next to the admin one; `drop` forces out any leftover session. */
export const createBenchDatabase = async (): Promise<BenchDatabase> => {
  const name = `bench_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: POSTGRES_ADMIN_URL });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
};

/**
 * The PostgreSQL server is shared: another job restarting it or terminating backends (57P01) must
 * not cost the whole section. One more attempt, from scratch, after logging why.
 */
export const retryOnce = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (error) {
    console.error(`${label} failed, trying once more:`, (error as Error)?.message ?? error);
    return work();
  }
};

/** Whether PostgreSQL answers; a bench without it reports the section as skipped rather than failing. */
export const postgresReachable = async (): Promise<string | null> => {
  const client = new Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
};

// ---------------------------------------------------------------------------------------------
// Gazetteer and entry point
// ---------------------------------------------------------------------------------------------

/** Admin-2 P-codes of the bundled gazetteer (Mali, CAR, Haiti), for realistic destinations. */
export const gazetteerAdm2Pcodes = (): string[] =>
  (parse(readFileSync(BUNDLED_GAZETTEER, 'utf8'), { bom: true, skip_empty_lines: true }) as string[][])
    .filter((cells) => cells[1]?.trim() === '2')
    .map((cells) => cells[2].trim());

/** `node tools/run-ts.js bench/x.bench.ts` prints the section; imported by run-all, it does nothing. */
export const runIfMain = (entry: NodeModule, run: () => Promise<BenchSection>): void => {
  // tools/run-ts.js requires the entry itself (so require.main is the launcher) and puts its path in argv[1].
  if (process.argv[1] !== entry.filename) return;
  run()
    .then((section) => {
      process.stdout.write(`\n## ${section.title}\n\n${machineLine()}\n\n${section.markdown}\n`);
      process.exit(0);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
};
