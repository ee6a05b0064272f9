import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '@coord/kernel';
import { prebuildServices, PrebuiltServices } from './distributed-build';
import type { GraphQLResponse } from './platform';
import { clientOf, TEST_SECRET } from './platform';
import { freePort } from './platform-process';

const ROOT = join(__dirname, '..', '..');

/** Every process of the distributed shape, and the variable that tells the gateway where it is. */
export const DISTRIBUTED_SERVICES = {
  'read-model-service': 'READ_MODEL_SERVICE_URL',
  'planning-service': 'PLANNING_SERVICE_URL',
  'liaison-service': 'LIAISON_SERVICE_URL',
  'action-plan-service': 'ACTION_PLAN_SERVICE_URL',
  'aid-delivery-service': 'AID_DELIVERY_SERVICE_URL',
} as const;

export type ServiceName = keyof typeof DISTRIBUTED_SERVICES | 'gateway';

const READY_TIMEOUT_MS = Number(process.env.DISTRIBUTED_READY_TIMEOUT_MS ?? 180_000);
/** What is kept of a process's output, for the error that tells why it did not start. */
const OUTPUT_TAIL = 20_000;

export interface DistributedService {
  readonly name: ServiceName;
  readonly url: string;
  /** The running process's id (a new one after restart). */
  readonly pid: number | undefined;
  /** The last part of its stdout and stderr. */
  output(): string;
  /** Sends the signal (default SIGKILL) and waits until the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /**
   * Kills it (SIGKILL) if it runs, starts it again on the same port and environment, and waits until
   * it is ready. `env` replaces the extra variables this service was started with (e.g. to restart
   * without COORD_FAULT_KILL_BEFORE_PUBLISH).
   */
  restart(env?: Record<string, string>): Promise<void>;
  /** Waits until /health/ready answers 200. */
  ready(): Promise<void>;
}

export interface DistributedPlatformOptions {
  /** Extra variables for single services, e.g. a fault to inject into one of them. */
  readonly serviceEnv?: Partial<Record<ServiceName, Record<string, string>>>;
}

export interface DistributedPlatform {
  /** The gateway: the one endpoint clients use. */
  readonly url: string;
  readonly services: Readonly<Record<ServiceName, DistributedService>>;
  /** The environment every service got (DATABASE_URL, KAFKA_BROKERS, …). */
  readonly env: Readonly<Record<string, string>>;
  /** Milliseconds from the first spawn until the gateway was ready. */
  readonly bootMs: number;
  token(org: string, roles: Role[], sub?: string): Promise<string>;
  graphql<T = any>(query: string, variables?: Record<string, unknown>, options?: { token?: string; headers?: Record<string, string> }): Promise<GraphQLResponse<T>>;
  /** Stops every process (SIGTERM, then SIGKILL after a grace period); none is left behind. */
  stop(): Promise<void>;
}

const entryOf = (name: ServiceName) => (name === 'gateway' ? 'apps/gateway/src/main.ts' : `apps/${name}/src/main.ts`);

/** Every child of every harness in this process: killed if the test process exits without stop(). */
const living = new Set<ChildProcess>();
let exitHookInstalled = false;
const installExitHook = () => {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of living) child.kill('SIGKILL');
  });
};

class ServiceProcess implements DistributedService {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  private tail = '';

  constructor(
    readonly name: ServiceName,
    private readonly port: number,
    private readonly env: Record<string, string>,
    private readonly prebuilt: PrebuiltServices | null,
    private extraEnv: Record<string, string> = {},
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  output(): string {
    return this.tail;
  }

  start(): void {
    // The services run as `node tools/run-ts.js apps/<service>/src/main.ts` would (transpiled ahead
    // unless DISTRIBUTED_PREBUILD=0); the entry only adds the test-only Kafka mock shim (TOOLCHAIN.md).
    const args = this.prebuilt
      ? [...this.prebuilt.command('test/support/service-entry.ts'), this.prebuilt.command(entryOf(this.name)).at(-1)!]
      : ['tools/run-ts.js', 'test/support/service-entry.ts', entryOf(this.name)];
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, ...this.env, ...this.extraEnv, PORT: String(this.port), SERVICE_NAME: this.name },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      this.tail = (this.tail + chunk.toString()).slice(-OUTPUT_TAIL);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    living.add(child);
    this.exited = new Promise((resolve) =>
      child.once('exit', () => {
        living.delete(child);
        resolve();
      }),
    );
    this.child = child;
  }

  async ready(): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      const child = this.child;
      if (!child || child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`${this.name} exited (${child?.exitCode ?? child?.signalCode}) before it was ready:\n${this.tail}`);
      }
      const ready = await fetch(`${this.url}/health/ready`, { signal: AbortSignal.timeout(5000) })
        .then(async (response) => {
          await response.arrayBuffer();
          return response.ok;
        })
        .catch(() => false);
      if (ready) return;
      if (Date.now() > deadline) throw new Error(`${this.name} was not ready within ${READY_TIMEOUT_MS} ms:\n${this.tail}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    await this.exited;
  }

  async restart(env?: Record<string, string>): Promise<void> {
    await this.kill('SIGKILL');
    if (env) this.extraEnv = env;
    this.start();
    await this.ready();
  }

  /** SIGTERM for a clean shutdown (relay checkpoint saved, consumers left), SIGKILL if it hangs. */
  async stop(graceMs = 10_000): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}

/**
 * Starts the distributed shape — the read-model service, the four context services and the gateway,
 * each a separate Node process on a free port — over one PostgreSQL database (log and read model)
 * and Kafka (`env.DATABASE_URL`, `env.KAFKA_BROKERS`), and waits until the gateway is ready, which
 * it is only once every subgraph is. All six start at once: only the read-model service alters the
 * read-model schema, the log's schema is created under an advisory lock, and the gateway composes
 * again until every subgraph answers.
 */
export const startDistributedPlatform = async (env: Record<string, string>, options: DistributedPlatformOptions = {}): Promise<DistributedPlatform> => {
  if (!env.DATABASE_URL || !env.KAFKA_BROKERS) throw new Error('startDistributedPlatform needs DATABASE_URL and KAFKA_BROKERS');
  installExitHook();
  const dataDir = mkdtempSync(join(tmpdir(), 'coord-distributed-'));
  const prebuilt = process.env.DISTRIBUTED_PREBUILD === '0' ? null : prebuildServices();
  const shared: Record<string, string> = {
    AUTH_JWT_SECRET: TEST_SECRET,
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
    COORD_TEST_KAFKA_MOCK: '1',
    // As startTestPlatform does on PostgreSQL: the three-country gazetteer, not the global one.
    GAZETTEER_FILE: join(ROOT, 'libs', 'reference-data', 'assets', 'gazetteer-mli-caf-hti.hxl.csv'),
    ...env,
  };
  const names = Object.keys(DISTRIBUTED_SERVICES) as (keyof typeof DISTRIBUTED_SERVICES)[];
  const ports = await Promise.all([...names, 'gateway'].map(() => freePort()));
  const services = {} as Record<ServiceName, ServiceProcess>;
  names.forEach((name, index) => (services[name] = new ServiceProcess(name, ports[index], shared, prebuilt, options.serviceEnv?.[name])));
  // Prebuilt, the gateway's default would point into the transpiled tree: name the real build.
  // Services run from a prebuilt copy, so the dashboard's default path is given unless one was chosen.
  const gatewayEnv: Record<string, string> = { WEB_DIST_DIR: process.env.WEB_DIST_DIR ?? join(ROOT, 'apps', 'web', 'dist'), ...shared };
  for (const name of names) gatewayEnv[DISTRIBUTED_SERVICES[name]] = services[name].url;
  services.gateway = new ServiceProcess('gateway', ports[names.length], gatewayEnv, prebuilt, options.serviceEnv?.gateway);

  const all = Object.values(services);
  const stop = async () => {
    // The gateway first, so no request reaches a service that is going away.
    await services.gateway.stop();
    await Promise.all(names.map((name) => services[name].stop()));
    rmSync(dataDir, { recursive: true, force: true });
    prebuilt?.remove();
  };

  const started = Date.now();
  try {
    for (const service of all) service.start();
    await services.gateway.ready();
  } catch (error) {
    const outputs = all.map((service) => `--- ${service.name}\n${service.output().slice(-3000)}`).join('\n');
    await stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${outputs}`);
  }
  const bootMs = Date.now() - started;

  const url = services.gateway.url;
  return {
    url,
    services,
    env: shared,
    bootMs,
    ...clientOf(url),
    stop,
  };
};
