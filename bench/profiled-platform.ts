/**
 * The platform exactly as `npm start` builds it, with timers wrapped around the steps a command's
 * visibility goes through and the V8 sampling profiler on demand. Only the latency bench's profiling
 * pass starts it (over IPC); nothing in the platform's code is changed, the wrappers sit on the
 * prototypes of the real classes.
 */
import 'reflect-metadata';
import { Server } from 'node:http';
import { Session } from 'node:inspector';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { SqliteEventStore } from '@coord/event-store';
import { Relay } from '@coord/messaging';
import { ProjectionRunner, ReadModelQueries } from '@coord/read-model';
import { CommandExecutor, loadPlatformConfig } from '@coord/runtime';
import { startPlatform } from '../apps/platform/src/bootstrap';
import { summarize } from './bench-kit';
import { summarizeCpuProfile } from './cpu-profile';

type AnyFunction = (...args: any[]) => any;

const durations = new Map<string, number[]>();
const record = (name: string, value: number) => {
  let list = durations.get(name);
  if (!list) durations.set(name, (list = []));
  list.push(value);
};

/** Position → when its append was acknowledged, read by the relay, applied by the projections. */
const committedAt = new Map<string, number>();
const relayReadAt = new Map<string, number>();
const appliedAt = new Map<string, number>();
let insideRelay = false;

const wrap = (prototype: any, method: string, around: (original: AnyFunction) => AnyFunction) => {
  const original = prototype[method] as AnyFunction;
  if (typeof original !== 'function') throw new Error(`no method ${method} to instrument`);
  prototype[method] = around(original);
};

const timedAsync = (name: string) => (original: AnyFunction) =>
  function (this: unknown, ...args: unknown[]) {
    const started = performance.now();
    const result = original.apply(this, args) as Promise<unknown>;
    return result.finally(() => record(name, performance.now() - started));
  };

// Group commit: synchronous, and it holds the event loop for the whole transaction and its fsync.
wrap(SqliteEventStore.prototype, 'commitPending', (original) =>
  function (this: { pending: unknown[] }) {
    const size = this.pending.length;
    const started = performance.now();
    original.call(this);
    if (size > 0) {
      record('store: group commit (blocks the loop, incl. fsync)', performance.now() - started);
      record('store: appends per group commit', size);
    }
  },
);
wrap(SqliteEventStore.prototype, 'append', (original) =>
  function (this: unknown, ...args: unknown[]) {
    const started = performance.now();
    return (original.apply(this, args) as Promise<{ position: string }>).then((result) => {
      const now = performance.now();
      committedAt.set(result.position, now);
      record('store: append called → acknowledged', now - started);
      return result;
    });
  },
);
wrap(SqliteEventStore.prototype, 'saveCheckpoint', (original) =>
  function (this: unknown, ...args: unknown[]) {
    const started = performance.now();
    const result = original.apply(this, args);
    record('relay: checkpoint save (blocks the loop, incl. fsync)', performance.now() - started);
    return result;
  },
);
wrap(SqliteEventStore.prototype, 'readAll', (original) =>
  function (this: unknown, ...args: unknown[]) {
    const result = original.apply(this, args) as Promise<Array<{ position: string }>>;
    if (!insideRelay) return result;
    return result.then((events) => {
      const now = performance.now();
      // First read only: the picture follower reads the same events again from inside the publish.
      for (const event of events) if (!relayReadAt.has(event.position)) relayReadAt.set(event.position, now);
      return events;
    });
  },
);
wrap(Relay.prototype, 'publishNextBatch', (original) =>
  function (this: unknown) {
    const started = performance.now();
    insideRelay = true;
    const result = original.call(this) as Promise<number>;
    // The relay reads right at the start of its locked section; the flag only has to cover that call.
    setImmediate(() => (insideRelay = false));
    return result.then((count) => {
      if (count > 0) {
        record('relay: batch (read → published → checkpoint)', performance.now() - started);
        record('relay: events per batch', count);
      }
      return count;
    });
  },
);
/**
 * Two runners share the prototype: the platform's (the one X-Min-Position waits for, it holds the
 * aid-deliveries projection) and the picture follower's, which catches up behind it after each batch.
 */
const runnerLabel = (runner: { projections?: ReadonlyArray<{ name: string }> }) =>
  runner.projections?.some((projection) => projection.name === 'aid-deliveries') ? 'platform read model' : 'picture follower';
wrap(ProjectionRunner.prototype, 'handle', timedAsync('projection: handle (incl. waiting for the runner lock)'));
wrap(ProjectionRunner.prototype, 'applyBatch', (original) =>
  function (this: any, batch: Array<{ position: string }>, ...rest: unknown[]) {
    const started = performance.now();
    const label = runnerLabel(this);
    return (original.call(this, batch, ...rest) as Promise<void>).then(() => {
      const now = performance.now();
      record(`projection: batch transaction (${label})`, now - started);
      if (label !== 'platform read model') return;
      for (const event of batch) if (!appliedAt.has(event.position)) appliedAt.set(event.position, now);
    });
  },
);
wrap(ProjectionRunner.prototype, 'catchUp', (original) =>
  function (this: any, ...args: unknown[]) {
    const started = performance.now();
    const label = runnerLabel(this);
    return (original.apply(this, args) as Promise<number>).finally(() => record(`projection: catchUp (${label})`, performance.now() - started));
  },
);
wrap(ProjectionRunner.prototype, 'waitFor', (original) =>
  function (this: { appliedPosition(): string | null }, ...args: unknown[]) {
    const started = performance.now();
    const result = original.apply(this, args) as Promise<void>;
    return result.finally(() => record('X-Min-Position: waitFor', performance.now() - started));
  },
);
wrap(CommandExecutor.prototype, 'execute', timedAsync('command: execute (read stream, decide, append)'));
wrap(ReadModelQueries.prototype, 'locationsByPcodes', timedAsync('read model: locationsByPcodes (planDelivery check + destination loader)'));
wrap(ReadModelQueries.prototype, 'deliveryById', timedAsync('query: deliveryById'));

// Server-side duration of each HTTP exchange, from the request event to the last byte handed to the socket.
wrap(Server.prototype, 'emit', (original) =>
  function (this: unknown, event: string, ...args: any[]) {
    if (event === 'request') {
      const [request, response] = args;
      if (request.url === '/graphql') {
        const started = performance.now();
        const kind = request.headers['x-min-position'] ? 'http: X-Min-Position query' : 'http: mutation';
        response.once('finish', () => record(kind, performance.now() - started));
      }
    }
    return original.call(this, event, ...args);
  },
);

const loopDelay = monitorEventLoopDelay({ resolution: 1 });
const session = new Session();
session.connect();
const post = <T>(method: string, params: Record<string, unknown> = {}) =>
  new Promise<T>((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as T))));

const reset = async () => {
  durations.clear();
  committedAt.clear();
  relayReadAt.clear();
  appliedAt.clear();
  loopDelay.reset();
  loopDelay.enable();
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 500 });
  await post('Profiler.start');
};

const dump = async () => {
  const { profile } = await post<{ profile: any }>('Profiler.stop');
  loopDelay.disable();
  const steps: Record<string, ReturnType<typeof summarize>> = {};
  for (const [name, values] of durations) steps[name] = summarize(values);
  const commitToRead: number[] = [];
  const readToApplied: number[] = [];
  const commitToApplied: number[] = [];
  for (const [position, committed] of committedAt) {
    const read = relayReadAt.get(position);
    const applied = appliedAt.get(position);
    if (read !== undefined) commitToRead.push(read - committed);
    if (read !== undefined && applied !== undefined) readToApplied.push(applied - read);
    if (applied !== undefined) commitToApplied.push(applied - committed);
  }
  steps['event: acknowledged → read by the relay'] = summarize(commitToRead);
  steps['event: read by the relay → applied'] = summarize(readToApplied);
  steps['event: acknowledged → applied'] = summarize(commitToApplied);
  const nanos = (value: number) => value / 1e6;
  return {
    steps,
    eventLoopDelay: {
      p50: nanos(loopDelay.percentile(50)),
      p99: nanos(loopDelay.percentile(99)),
      max: nanos(loopDelay.max),
      mean: nanos(loopDelay.mean),
    },
    cpu: summarizeCpuProfile(profile),
  };
};

const main = async () => {
  const { app } = await startPlatform(loadPlatformConfig());
  process.on('message', (message: { id: number; command: 'reset' | 'dump' | 'stop' }) => {
    const answer = (body: unknown) => process.send?.({ id: message.id, body });
    const fail = (error: unknown) => process.send?.({ id: message.id, error: String((error as Error)?.stack ?? error) });
    if (message.command === 'reset') reset().then(() => answer(null), fail);
    if (message.command === 'dump') dump().then(answer, fail);
    if (message.command === 'stop') {
      app.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    }
  });
  // Orphaned (the bench died without stopping it): leave rather than hold the port and data dir.
  process.on('disconnect', () => process.exit(0));
};

main().catch((error) => {
  console.error('the profiled platform failed to start:', error);
  process.exit(1);
});
