import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { signDevToken } from '@coord/auth';
import { TEST_SECRET } from '../test/support/platform';
import { freePort, startPlatformProcess } from '../test/support/platform-process';
import { CleanupStack, ROOT, createBenchDatabase, gazetteerAdm2Pcodes, GraphQLAnswer, GraphQLClient, tempDir } from './bench-kit';

export type Storage = 'embedded' | 'postgres';

export const PLAN = `mutation($input: PlanDeliveryInput!) { planDelivery(input: $input) { id version position } }`;
export const REGISTER = `mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id version position } }`;
export const DELIVERY = `query($id: ID!) { aidDelivery(id: $id) { id status version position destination { pcode } } }`;

const SECTORS = ['FOOD_SECURITY', 'HEALTH', 'WASH', 'SHELTER', 'NUTRITION', 'EDUCATION'] as const;
const COMMODITIES = [
  { commodity: 'Sorghum', unit: 't' },
  { commodity: 'IEHK kit', unit: 'kit' },
  { commodity: 'Water purification tablets', unit: 'box' },
  { commodity: 'Tarpaulin', unit: 'piece' },
  { commodity: 'RUTF', unit: 'carton' },
  { commodity: 'School kit', unit: 'kit' },
] as const;

export interface BenchPlatform {
  readonly url: string;
  readonly client: GraphQLClient;
  readonly agencyId: string;
  /** An AGENCY_OFFICER of the registered agency: the one who plans. */
  readonly officerToken: string;
  /** Sends `planDelivery` number `index` and answers its payload, throwing on any GraphQL error. */
  plan(index: number): Promise<{ id: string; version: number; position: string }>;
  /** Server process CPU time so far (user + system), in seconds, from its /metrics. */
  serverCpuSeconds(): Promise<number>;
  /**
   * Linux scheduler accounting of the server's main thread, in ms since it started: time on a CPU,
   * and time runnable but waiting for one (the direct measure of CPU contention). NaN elsewhere.
   */
  serverSchedstat(): { runMs: number; waitMs: number };
  /** Only on the instrumented platform (`profiled: true`). */
  readonly profiler?: Profiler;
}

export interface Profiler {
  /** Clears the timers and starts the sampling profiler. */
  reset(): Promise<void>;
  /** Stops the profiler and answers what bench/profiled-platform.ts measured since `reset`. */
  dump(): Promise<any>;
}

interface ProcessHandle {
  readonly url: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
  readonly profiler?: Profiler;
}

/**
 * bench/profiled-platform.ts in its own process, driven over IPC. Same readiness rule as
 * startPlatformProcess; it is a separate spawner only because that one starts the plain entry point.
 */
const startProfiledProcess = async (env: Record<string, string>): Promise<ProcessHandle> => {
  const port = await freePort();
  const child = spawn(process.execPath, ['tools/run-ts.js', 'bench/profiled-platform.ts'], {
    cwd: ROOT,
    env: { ...process.env, AUTH_JWT_SECRET: TEST_SECRET, LOG_LEVEL: 'warn', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the profiled platform exited with ${child.exitCode}:\n${output}`);
      if (await fetch(`${url}/health/ready`).then((response) => response.ok).catch(() => false)) break;
      if (Date.now() > deadline) throw new Error(`the profiled platform was not ready within 60 s:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    throw error;
  }
  let nextId = 0;
  const call = (command: 'reset' | 'dump' | 'stop') =>
    new Promise<any>((resolve, reject) => {
      const id = (nextId += 1);
      const onMessage = (message: { id: number; body?: unknown; error?: string }) => {
        if (message.id !== id) return;
        child.off('message', onMessage);
        if (message.error) reject(new Error(message.error));
        else resolve(message.body);
      };
      child.on('message', onMessage);
      child.send({ id, command });
    });
  return {
    url,
    child,
    profiler: { reset: () => call('reset'), dump: () => call('dump') },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.send({ id: 0, command: 'stop' });
      await exited;
    },
  };
};

/**
 * startPlatformProcess gives no handle when the platform is not ready in time, and leaves it running.
 * It is found by its DATA_DIR, a temporary directory only this bench created, and killed by pid.
 */
const killStartedIn = (dataDir: string): void => {
  if (process.platform !== 'linux') return;
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const environment = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
      if (environment.includes(`DATA_DIR=${dataDir}`)) process.kill(Number(pid), 'SIGKILL');
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
};

export const expectData = <T>(answer: GraphQLAnswer<T>, what: string): T => {
  if (answer.errors?.length || !answer.data) {
    throw new Error(`${what} failed (HTTP ${answer.status}): ${JSON.stringify(answer.errors ?? answer)}`);
  }
  return answer.data;
};

/**
 * Boots the platform as `npm start` does, in its own process (the load generator must not share
 * its event loop), on a fresh DATA_DIR and, for PostgreSQL, a fresh `bench_*` database; registers
 * one agency. Everything it creates is undone by `cleanup`.
 */
export const startBenchPlatform = async (
  storage: Storage,
  cleanup: CleanupStack,
  options: { readonly profiled?: boolean } = {},
): Promise<BenchPlatform> => {
  const dir = tempDir(storage);
  cleanup.add(`remove ${dir.path}`, () => dir.remove());
  const env: Record<string, string> = { DATA_DIR: dir.path, NX_DAEMON: 'false' };
  if (storage === 'postgres') {
    const database = await createBenchDatabase();
    cleanup.add(`drop database ${database.name}`, () => database.drop());
    env.DATABASE_URL = database.url;
  }
  let platform: ProcessHandle;
  try {
    platform = options.profiled ? await startProfiledProcess(env) : await startPlatformProcess(env);
  } catch (error) {
    killStartedIn(dir.path);
    throw error;
  }
  // The last output of the platform, to explain a crash in the middle of a run.
  let output = '';
  let stopping = false;
  const keep = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-20_000));
  platform.child.stdout?.on('data', keep);
  platform.child.stderr?.on('data', keep);
  platform.child.once('exit', (code, signal) => {
    if (!stopping) console.error(`the platform process exited unexpectedly (code ${code}, signal ${signal}):\n${output}`);
  });
  cleanup.add('stop the platform process', async () => {
    stopping = true;
    if (platform.child.exitCode !== null || platform.child.signalCode !== null) return;
    // A platform that does not stop within 10 s is killed: a bench must never leave it running.
    const timer = setTimeout(() => platform.child.kill('SIGKILL'), 10_000);
    await platform.stop();
    clearTimeout(timer);
  });
  const client = new GraphQLClient(platform.url);
  cleanup.add('close the HTTP agent', () => client.close());

  const admin = await signDevToken(TEST_SECRET, { sub: 'bench-admin', org: 'platform-admins', roles: ['ADMIN'] });
  const registered = expectData(
    await client.request(REGISTER, { input: { name: 'World Food Programme', acronym: 'WFP', kind: 'UN_AGENCY' } }, { authorization: `Bearer ${admin}` }),
    'registerOrganization',
  );
  const agencyId: string = registered.registerOrganization.id;
  const officerToken = await signDevToken(TEST_SECRET, { sub: 'wfp-logistician', org: agencyId, roles: ['AGENCY_OFFICER'] });
  const headers = { authorization: `Bearer ${officerToken}` };
  const pcodes = gazetteerAdm2Pcodes();
  if (pcodes.length === 0) throw new Error('the bundled gazetteer has no admin-2 P-codes');

  return {
    url: platform.url,
    client,
    agencyId,
    officerToken,
    plan: async (index) => {
      const goods = COMMODITIES[index % COMMODITIES.length];
      const input = {
        // A client that retries sends a commandId; every realistic command pays the idempotency check.
        commandId: randomUUID(),
        sector: SECTORS[index % SECTORS.length],
        items: [{ ...goods, quantity: 1 + (index % 40) }],
        adminCode: pcodes[index % pcodes.length],
        plannedDate: `2026-${String((index % 12) + 1).padStart(2, '0')}-${String((index % 28) + 1).padStart(2, '0')}`,
        targetedBeneficiaries: 50 + (index % 2000),
      };
      return expectData(await client.request(PLAN, { input }, headers), 'planDelivery').planDelivery;
    },
    profiler: platform.profiler,
    serverSchedstat: () => {
      try {
        const [run, wait] = readFileSync(`/proc/${platform.child.pid}/schedstat`, 'utf8').trim().split(/\s+/).map(Number);
        return { runMs: run / 1e6, waitMs: wait / 1e6 };
      } catch {
        return { runMs: Number.NaN, waitMs: Number.NaN };
      }
    },
    serverCpuSeconds: async () => {
      const response = await fetch(`${platform.url}/metrics`);
      const text = await response.text();
      const match = /^process_cpu_seconds_total (\S+)$/m.exec(text);
      return match ? Number(match[1]) : Number.NaN;
    },
  };
};
