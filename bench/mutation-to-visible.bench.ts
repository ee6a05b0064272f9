import {
  BenchSection,
  CleanupStack,
  int,
  LatencySummary,
  waitForQuietMachine,
  markdownTable,
  ms,
  runFixedRate,
  runIfMain,
  summarize,
} from './bench-kit';
import { BenchPlatform, DELIVERY, expectData, startBenchPlatform } from './bench-platform';

const RATE = Number(process.env.BENCH_RATE ?? 200);
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 15_000);
const WARM_UP_MS = 3_000;
const TARGET_P99_MS = 50;

interface Timeline {
  /** Mutation answered, ms after the command was due. */
  readonly mutation: number;
  /** The read model showed the delivery, ms after the command was due. */
  readonly visible: number;
}

/**
 * One command: plan, then ask for it with X-Min-Position set to the position the mutation answered.
 * The server holds that query until the read model has applied the position, so its answer marks
 * the moment of visibility without any client-side polling interval.
 */
const planAndSee = (platform: BenchPlatform, headers: Record<string, string>) =>
  async (index: number): Promise<{ mutationDoneAt: number; visibleAt: number }> => {
    const planned = await platform.plan(index);
    const mutationDoneAt = performance.now();
    const read = expectData(
      await platform.client.request(DELIVERY, { id: planned.id }, { ...headers, 'x-min-position': planned.position }),
      'aidDelivery',
    );
    const visibleAt = performance.now();
    if (!read.aidDelivery || read.aidDelivery.id !== planned.id) {
      throw new Error(`delivery ${planned.id} not visible at ${planned.position}: ${JSON.stringify(read)}`);
    }
    return { mutationDoneAt, visibleAt };
  };

export interface VisibilityResult {
  readonly mutation: LatencySummary;
  readonly visible: LatencySummary;
  /** Visible minus mutation answer: relay + projection + the X-Min-Position query's own round trip. */
  readonly afterAnswer: LatencySummary;
  /** The same query without X-Min-Position on an already visible delivery, for the round trip alone. */
  readonly plainQuery: LatencySummary;
  readonly achievedRate: number;
  readonly sent: number;
  readonly errors: number;
  readonly maxSendLagMs: number;
  readonly serverCpuShare: number;
  /** The load generator's own CPU: on a two-core machine it competes with the server. */
  readonly clientCpuShare: number;
  /** Shares of wall time the server's main thread spent on a CPU, and runnable but waiting for one. */
  readonly serverRunShare: number;
  readonly serverRunQueueShare: number;
}

/** The profiling pass repeats the measurement against bench/profiled-platform.ts. */
const measureVisibility = async (
  platform: BenchPlatform,
  durationMs: number,
  around: { before?: () => Promise<void>; after?: () => Promise<void> } = {},
): Promise<VisibilityResult> => {
  const headers = { authorization: `Bearer ${platform.officerToken}` };
  const send = planAndSee(platform, headers);
  await runFixedRate({ ratePerSecond: RATE, durationMs: WARM_UP_MS, send });
  await around.before?.();
  const cpuBefore = await platform.serverCpuSeconds();
  const clientBefore = process.cpuUsage();
  const schedBefore = platform.serverSchedstat();
  const started = performance.now();
  const result = await runFixedRate({ ratePerSecond: RATE, durationMs, send });
  const wallSeconds = (performance.now() - started) / 1000;
  const clientCpu = process.cpuUsage(clientBefore);
  const schedAfter = platform.serverSchedstat();
  const cpuAfter = await platform.serverCpuSeconds();
  await around.after?.();
  const ok = result.samples.filter((sample) => sample.ok);
  const failed = result.samples.filter((sample) => !sample.ok);
  if (failed.length > 0) console.error(`${failed.length} commands failed, first:`, failed[0].error);
  const timelines: Timeline[] = ok.map((sample) => ({
    mutation: sample.value!.mutationDoneAt - sample.scheduledAt,
    visible: sample.value!.visibleAt - sample.scheduledAt,
  }));

  // The round trip of the read itself, on a quiet server, to subtract mentally from "after answer".
  const probe = await platform.plan(1_000_000);
  await platform.client.request(DELIVERY, { id: probe.id }, { ...headers, 'x-min-position': probe.position });
  const plain: number[] = [];
  for (let index = 0; index < 200; index += 1) {
    const sentAt = performance.now();
    expectData(await platform.client.request(DELIVERY, { id: probe.id }, headers), 'aidDelivery');
    plain.push(performance.now() - sentAt);
  }
  return {
    mutation: summarize(timelines.map((timeline) => timeline.mutation)),
    visible: summarize(timelines.map((timeline) => timeline.visible)),
    afterAnswer: summarize(timelines.map((timeline) => timeline.visible - timeline.mutation)),
    plainQuery: summarize(plain),
    achievedRate: result.achievedRate,
    sent: result.samples.length,
    errors: failed.length,
    maxSendLagMs: result.maxSendLagMs,
    serverCpuShare: (cpuAfter - cpuBefore) / wallSeconds,
    clientCpuShare: (clientCpu.user + clientCpu.system) / 1e6 / wallSeconds,
    serverRunShare: (schedAfter.runMs - schedBefore.runMs) / 1000 / wallSeconds,
    serverRunQueueShare: (schedAfter.waitMs - schedBefore.waitMs) / 1000 / wallSeconds,
  };
};

export const visibilityTable = (result: VisibilityResult): string =>
  markdownTable(
    ['latency (ms)', 'p50', 'p95', 'p99', 'max'],
    [
      ['(a) mutation answered', ...[result.mutation.p50, result.mutation.p95, result.mutation.p99, result.mutation.max].map(ms)],
      ['(b) mutation → visible in read model', ...[result.visible.p50, result.visible.p95, result.visible.p99, result.visible.max].map(ms)],
      ['(b − a) answer → visible, incl. the query round trip', ...[result.afterAnswer.p50, result.afterAnswer.p95, result.afterAnswer.p99, result.afterAnswer.max].map(ms)],
      ['plain `aidDelivery` query on an idle server (reference)', ...[result.plainQuery.p50, result.plainQuery.p95, result.plainQuery.p99, result.plainQuery.max].map(ms)],
    ],
  );

const PROFILE_DURATION_MS = Number(process.env.BENCH_PROFILE_DURATION_MS ?? 10_000);

/** The same load against the instrumented platform: per-step timers, event-loop delay, CPU profile. */
const profile = async (): Promise<{ result: VisibilityResult; dump: any }> => {
  const cleanup = new CleanupStack();
  try {
    const platform = await startBenchPlatform('embedded', cleanup, { profiled: true });
    let dump: any;
    const result = await measureVisibility(platform, PROFILE_DURATION_MS, {
      before: () => platform.profiler!.reset(),
      after: async () => {
        dump = await platform.profiler!.dump();
      },
    });
    return { result, dump };
  } finally {
    await cleanup.run();
  }
};

const profileMarkdown = ({ result, dump }: { result: VisibilityResult; dump: any }): string => {
  const steps = Object.entries(dump.steps as Record<string, LatencySummary>).map(([name, summary]) => {
    const counts = name.includes('per ');
    const format = (value: number) => (counts ? value.toFixed(counts && value < 10 ? 1 : 0) : ms(value));
    return [name, int(summary.count), format(summary.mean), format(summary.p50), format(summary.p99), format(summary.max)];
  });
  const cpu = dump.cpu;
  return [
    `Profiling pass (${PROFILE_DURATION_MS / 1000} s at ${RATE}/s against bench/profiled-platform.ts: the same platform with timers wrapped around its steps and the V8 sampler on; `,
    `the instrumentation itself costs a little). In this pass: mutation p99 ${ms(result.mutation.p99)} ms, mutation → visible p99 ${ms(result.visible.p99)} ms, `,
    `achieved ${result.achievedRate.toFixed(1)}/s, server CPU ${Math.round(result.serverCpuShare * 100)} % of one core, load generator ${Math.round(result.clientCpuShare * 100)} %; server main thread on a CPU ${Math.round(result.serverRunShare * 100)} %, waiting for one ${Math.round(result.serverRunQueueShare * 100)} %.`,
    `\n\nServer event-loop delay (how late a 1 ms timer fires): p50 ${ms(dump.eventLoopDelay.p50)} ms, p99 ${ms(dump.eventLoopDelay.p99)} ms, max ${ms(dump.eventLoopDelay.max)} ms.`,
    '\n\nServer-side steps (ms, or counts for "per" rows):\n\n',
    markdownTable(['step', 'n', 'mean', 'p50', 'p99', 'max'], steps),
    `\n\nServer main thread over ${int(cpu.wallMs)} ms: busy ${cpu.busyShare} %. Inclusive time of watched frames:\n\n`,
    markdownTable(['frame', 'ms', '% of wall time'], cpu.inclusive.map((entry: any) => [entry.frame, int(entry.ms), entry.share])),
    '\n\nSelf time by component:\n\n',
    markdownTable(['component', 'ms', '% of wall time'], cpu.byComponent.map((entry: any) => [entry.component, int(entry.ms), entry.share])),
    '\n\nHottest functions (self time):\n\n',
    markdownTable(['function', 'ms', '% of wall time'], cpu.topFunctions.map((entry: any) => [`\`${entry.name}\``, int(entry.ms), entry.share])),
  ].join('');
};

const MAX_ATTEMPTS = Number(process.env.BENCH_ATTEMPTS ?? 3);
/** Above this share of time runnable-but-waiting, the server was measured short of CPU. */
const CONTENDED = 0.1;

const measureOnce = async (): Promise<VisibilityResult> => {
  const cleanup = new CleanupStack();
  try {
    return await measureVisibility(await startBenchPlatform('embedded', cleanup), DURATION_MS);
  } finally {
    await cleanup.run();
  }
};

export async function run(): Promise<BenchSection> {
  // The reference machine is shared: a run during which the server's thread often waited for a CPU
  // measures the neighbours. It is repeated (up to MAX_ATTEMPTS, after waiting for quiet); the least
  // contended run is the headline, and every run is listed.
  const attempts: Array<{ load: string; result: VisibilityResult }> = [];
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const load = attempt === 1 ? await waitForQuietMachine() : await waitForQuietMachine(Number(process.env.BENCH_RETRY_WAIT_MS ?? 120_000));
    attempts.push({ load, result: await measureOnce() });
    if (attempts[attempts.length - 1].result.serverRunQueueShare < CONTENDED) break;
  }
  const { load, result } = attempts.reduce((best, candidate) =>
    candidate.result.serverRunQueueShare < best.result.serverRunQueueShare ? candidate : best,
  );
  const attemptsTable =
    attempts.length < 2
      ? ''
      : `\n\nRuns (the headline is the least contended):\n\n${markdownTable(
          ['run', 'start', 'server waiting for a CPU', 'achieved/s', 'mutation p99 ms', 'visible p99 ms'],
          attempts.map((entry, index) => [
            index + 1,
            entry.load,
            `${Math.round(entry.result.serverRunQueueShare * 100)} %`,
            entry.result.achievedRate.toFixed(1),
            ms(entry.result.mutation.p99),
            ms(entry.result.visible.p99),
          ]),
        )}`;
  const met = result.visible.p99 <= TARGET_P99_MS;
  // Always profiled (BENCH_PROFILE=0 skips it): where the time goes matters whether the target is met or not.
  const profiled = process.env.BENCH_PROFILE === '0' ? null : await profile();
  const markdown = [
    `Embedded storage (SQLite log + SQLite read model), platform in its own process. Open-loop load: \`planDelivery\` offered at a fixed ${RATE} commands/s `,
    `for ${DURATION_MS / 1000} s after a ${WARM_UP_MS / 1000} s warm-up; latencies count from the moment each command was *due*, so a stalled server cannot hide behind a slowed client. `,
    'Visibility: as soon as the mutation answers, the client asks `aidDelivery(id)` with `X-Min-Position: <position>`; the server holds the query until the read model ',
    'has applied that position, and the time its answer arrives is the moment of visibility (no polling interval in the figure).',
    `\n\n${load}; offered ${RATE}/s, achieved ${result.achievedRate.toFixed(1)}/s (${int(result.sent)} sent, ${result.errors} errors, generator max send lag ${ms(result.maxSendLagMs)} ms); `,
    `server CPU ${Math.round(result.serverCpuShare * 100)} % of one core, load generator ${Math.round(result.clientCpuShare * 100)} %; `,
    `the server's main thread ran ${Math.round(result.serverRunShare * 100)} % of the time and sat runnable, waiting for a CPU, ${Math.round(result.serverRunQueueShare * 100)} %.`,
    `\n\n${visibilityTable(result)}`,
    `\n\nTarget: p99 mutation → visible ≤ ${TARGET_P99_MS} ms at ${RATE} commands/s — **${met ? 'met' : 'missed'}** (p99 ${ms(result.visible.p99)} ms)${
      result.serverRunQueueShare >= CONTENDED
        ? `, on a run where the server was short of CPU ${Math.round(result.serverRunQueueShare * 100)} % of the time (other jobs on the machine): a verdict on the machine as much as on the platform`
        : ''
    }.`,
    attemptsTable,
    profiled ? `\n\n${profileMarkdown(profiled)}` : '',
  ].join('');
  return {
    title: `Mutation → read-model latency at ${RATE} commands/s (embedded)`,
    markdown,
    figures: {
      offeredRate: RATE,
      achievedRate: Number(result.achievedRate.toFixed(1)),
      mutationP50Ms: Number(result.mutation.p50.toFixed(2)),
      mutationP95Ms: Number(result.mutation.p95.toFixed(2)),
      mutationP99Ms: Number(result.mutation.p99.toFixed(2)),
      mutationMaxMs: Number(result.mutation.max.toFixed(2)),
      visibleP50Ms: Number(result.visible.p50.toFixed(2)),
      visibleP95Ms: Number(result.visible.p95.toFixed(2)),
      visibleP99Ms: Number(result.visible.p99.toFixed(2)),
      visibleMaxMs: Number(result.visible.max.toFixed(2)),
      serverRunQueuePercent: Math.round(result.serverRunQueueShare * 100),
      runs: attempts.length,
      targetMet: met ? 1 : 0,
    },
  };
}

runIfMain(module, run);
