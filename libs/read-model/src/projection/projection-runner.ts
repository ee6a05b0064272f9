import type { EventEnvelope } from '@coord/contracts';
import type { EventStore } from '@coord/event-store';
import {
  badInput,
  comparePositions,
  DomainError,
  formatPosition,
  isPositionString,
  parsePosition,
  Position,
} from '@coord/kernel';
import type { DataSource, EntityManager } from 'typeorm';
import { emptyTable, upsertRows } from './batch-sql';
import { handlesType, Projection } from './projection';

export interface ProjectionRunnerOptions {
  /** Events read per batch by `catchUp`. */
  readonly catchUpBatchSize?: number;
  /** Events read and applied per transaction by `rebuild`: large, since nobody waits on one batch. */
  readonly rebuildBatchSize?: number;
  readonly now?: () => Date;
  /**
   * A runner whose transactions this one's must never interleave with: on SQLite both share the
   * one connection. An asynchronous view's runner, following the platform's, takes turns with it.
   */
  readonly turnsWith?: ProjectionRunner;
  /**
   * On PostgreSQL, how often a pending `waitFor` re-reads the stored checkpoints: another instance
   * may have applied the position, and then this one would never hear of it by applying.
   */
  readonly checkpointPollMs?: number;
}

export interface RebuildResult {
  readonly projections: readonly string[];
  readonly events: number;
  readonly ms: number;
}

export type AppliedListener = (events: readonly EventEnvelope[]) => void;

interface Waiter {
  readonly target: Position;
  readonly resolve: () => void;
}

interface Step {
  readonly projection: Projection;
  readonly events: readonly EventEnvelope[];
  readonly to: Position;
}

const CHECKPOINTS = {
  table: 'projection_checkpoints',
  columns: ['name', 'version', 'position', 'updated_at'],
  key: ['name'],
  onConflict: 'update',
} as const;

const DEFAULT_WAIT_MS = 5_000;
const DEFAULT_CHECKPOINT_POLL_MS = 50;

/**
 * Thrown, with nothing applied, when the stored checkpoints went back behind this runner's: another
 * instance reset or rebuilt the projections. The runner has taken the stored checkpoints, so the
 * bus's redelivery (or the next catch-up) reads the log again from there.
 */
export class CheckpointMovedBackError extends Error {
  constructor(readonly projections: readonly string[]) {
    super(`the stored checkpoints of ${projections.join(', ')} went back (reset by another instance); read the log again`);
    this.name = 'CheckpointMovedBackError';
  }
}

interface Plan {
  readonly steps: Step[];
  /** Index in the batch of the first event some projection had not applied. */
  readonly firstNew: number;
}

/**
 * Applies published batches to the projections (ARCHITECTURE.md "Project"): one transaction per
 * batch moves the rows and every projection's checkpoint together, and each projection skips
 * events at or below its checkpoint, so a redelivered or overlapping batch changes nothing.
 * Every projection's checkpoint moves over every batch, even one without an event it handles, so
 * that "has applied position P" means the same for all of them.
 *
 * Several instances on one PostgreSQL database (read-model services): each batch transaction first
 * takes a transaction-level advisory lock named after this runner's projections, then re-reads their
 * checkpoints and applies only what lies above them, so an event another instance applied meanwhile
 * is skipped, never applied twice. On SQLite the one connection already serialises everything.
 */
export class ProjectionRunner {
  private readonly projections: readonly Projection[];
  private readonly catchUpBatchSize: number;
  private readonly rebuildBatchSize: number;
  private readonly now: () => Date;
  private readonly turnsWith: ProjectionRunner | null;
  private readonly postgres: boolean;
  /** Names the advisory lock: instances running the same projections exclude each other. */
  private readonly lockName: string;
  private readonly checkpointPollMs: number;
  private checkpointPoll: NodeJS.Timeout | null = null;
  private readonly checkpoints = new Map<string, Position | null>();
  /** Projections being rebuilt take no live batches: the rebuild feeds them up to the head itself. */
  private readonly rebuilding = new Set<string>();
  private readonly waiters = new Set<Waiter>();
  private readonly listeners = new Set<AppliedListener>();
  /** Serialises transactions: SQLite has one connection, and checkpoints are kept in memory. */
  private lock: Promise<unknown> = Promise.resolve();
  private loading: Promise<void> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    projections: readonly Projection[],
    options: ProjectionRunnerOptions = {},
  ) {
    const names = projections.map((projection) => projection.name);
    const duplicate = names.find((name, index) => names.indexOf(name) !== index);
    if (duplicate) throw new Error(`two projections are named "${duplicate}"`);
    this.projections = projections;
    this.catchUpBatchSize = options.catchUpBatchSize ?? 1_000;
    this.rebuildBatchSize = options.rebuildBatchSize ?? 5_000;
    this.now = options.now ?? (() => new Date());
    this.turnsWith = options.turnsWith ?? null;
    this.postgres = dataSource.options.type === 'postgres';
    this.lockName = `coord.projections:${[...names].sort().join(',')}`;
    this.checkpointPollMs = options.checkpointPollMs ?? DEFAULT_CHECKPOINT_POLL_MS;
  }

  /**
   * The position every projection has applied (the lowest checkpoint), or null while one has
   * applied nothing.
   */
  appliedPosition(): string | null {
    const lowest = this.lowestCheckpoint(this.projections);
    return lowest ? formatPosition(lowest) : null;
  }

  /** Each projection's checkpoint, for metrics and diagnostics. */
  checkpointsByProjection(): Readonly<Record<string, string | null>> {
    return Object.fromEntries(
      this.projections.map((projection) => {
        const checkpoint = this.checkpoints.get(projection.name);
        return [projection.name, checkpoint ? formatPosition(checkpoint) : null];
      }),
    );
  }

  /** The bus subscriber: applies a batch (in log order) to every projection not being rebuilt. */
  async handle(batch: readonly EventEnvelope[]): Promise<void> {
    await this.ready();
    await this.exclusive(() => this.applyBatch(batch, this.live(), true));
  }

  /**
   * Applies the log from the lowest checkpoint up to `until` (inclusive) or the head: at start,
   * before the relay runs, and for a projection added since the last run. Answers how many events
   * were read.
   */
  async catchUp(store: EventStore, until?: string): Promise<number> {
    await this.ready();
    const limit = until === undefined ? null : parsePosition(until);
    // Another instance may have applied part of the log already: no need to read it again.
    await this.refreshCheckpoints();
    const lowest = this.lowestCheckpoint(this.live());
    let after = lowest ? formatPosition(lowest) : null;
    let read = 0;
    for (;;) {
      const fetched = await store.readAll({ after, limit: this.catchUpBatchSize });
      const batch = limit
        ? fetched.filter((event) => comparePositions(parsePosition(event.position), limit) <= 0)
        : fetched;
      if (batch.length === 0) return read;
      await this.exclusive(() => this.applyBatch(batch, this.live(), true));
      read += batch.length;
      after = batch[batch.length - 1].position;
      if (batch.length < fetched.length) return read;
    }
  }

  /**
   * Empties the projections' tables, resets their checkpoints and replays the whole log into them
   * (all projections when `names` is absent). The others keep taking live batches meanwhile.
   */
  async rebuild(store: EventStore, names?: readonly string[]): Promise<RebuildResult> {
    await this.ready();
    const targets = names ? names.map((name) => this.projectionNamed(name)) : [...this.projections];
    const busy = targets.find((projection) => this.rebuilding.has(projection.name));
    if (busy) throw new Error(`projection "${busy.name}" is already being rebuilt`);
    const started = performance.now();
    await this.exclusive(async () => {
      await this.dataSource.transaction(async (manager) => {
        await this.lockAcrossInstances(manager);
        await this.reset(targets, manager);
      });
      for (const projection of targets) {
        this.checkpoints.set(projection.name, null);
        this.rebuilding.add(projection.name);
      }
    });
    let after: string | null = null;
    let events = 0;
    try {
      let done = false;
      while (!done) {
        // Reading under the lock too: when the log is exhausted no live batch is half-way, so the
        // projections rejoin the live flow exactly at the position the replay reached.
        done = await this.exclusive(async () => {
          const batch = await store.readAll({ after, limit: this.rebuildBatchSize });
          if (batch.length === 0) {
            for (const projection of targets) this.rebuilding.delete(projection.name);
            return true;
          }
          await this.applyBatch(batch, targets, false);
          events += batch.length;
          after = batch[batch.length - 1].position;
          return false;
        });
      }
    } finally {
      for (const projection of targets) this.rebuilding.delete(projection.name);
    }
    this.settleWaiters();
    return { projections: targets.map((projection) => projection.name), events, ms: performance.now() - started };
  }

  /**
   * Resolves once every projection has applied `position` (read-your-writes for `X-Min-Position`);
   * rejects with STALE_READ after `timeoutMs`.
   */
  waitFor(position: string, timeoutMs: number = DEFAULT_WAIT_MS): Promise<void> {
    if (!isPositionString(position)) {
      return Promise.reject(badInput('position', `not a log position: ${position}`));
    }
    const target = parsePosition(position);
    if (this.hasApplied(target)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        target,
        resolve: () => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(
          new DomainError('STALE_READ', `the read model has not applied position ${position} within ${timeoutMs} ms`),
        );
      }, timeoutMs);
      timer.unref();
      this.waiters.add(waiter);
      this.pollCheckpointsWhileWaiting();
    });
  }

  /**
   * Calls `listener` after each committed live batch with the events that were new to the read
   * model (for GraphQL subscriptions); replays by `rebuild` are not announced. Answers the unsubscribe.
   */
  onApplied(listener: AppliedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private ready(): Promise<void> {
    this.loading ??= this.exclusive(() => this.loadCheckpoints()).catch((error: unknown) => {
      this.loading = null;
      throw error;
    });
    return this.loading;
  }

  /**
   * A projection seen for the first time starts empty; one whose version changed is emptied, and
   * either way the next catch-up replays the log into it (STYLE.md: a change of logic bumps the version).
   */
  private async loadCheckpoints(): Promise<void> {
    // Under the lock, so that of two instances starting together only one empties a stale projection.
    await this.dataSource.transaction(async (manager) => {
      await this.lockAcrossInstances(manager);
      const stored: { name: string; version: number; position: string | null }[] = await manager.query(
        'SELECT "name", "version", "position" FROM "projection_checkpoints"',
      );
      const byName = new Map(stored.map((row) => [row.name, row]));
      const stale = this.projections.filter((projection) => {
        const row = byName.get(projection.name);
        return !row || Number(row.version) !== projection.version;
      });
      if (stale.length > 0) await this.reset(stale, manager);
      for (const projection of this.projections) {
        const row = byName.get(projection.name);
        const position = stale.includes(projection) ? null : (row?.position ?? null);
        this.checkpoints.set(projection.name, position === null ? null : parsePosition(position));
      }
    });
  }

  /** PostgreSQL only: waits for any other instance's batch transaction over the same projections. */
  private async lockAcrossInstances(manager: EntityManager): Promise<void> {
    if (this.postgres) await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [this.lockName]);
  }

  private async storedCheckpoints(
    manager: EntityManager | DataSource,
    projections: readonly Projection[],
  ): Promise<Map<string, Position | null>> {
    const rows: { name: string; position: string | null }[] = await manager.query(
      'SELECT "name", "position" FROM "projection_checkpoints" WHERE "name" = ANY($1)',
      [projections.map((projection) => projection.name)],
    );
    const byName = new Map(rows.map((row) => [row.name, row.position]));
    return new Map(
      projections.map((projection) => {
        const position = byName.get(projection.name) ?? null;
        return [projection.name, position === null ? null : parsePosition(position)];
      }),
    );
  }

  /** Moves a checkpoint forward only: what another instance applied, learnt outside the lock. */
  private raiseCheckpoint(name: string, position: Position | null): void {
    if (position === null) return;
    const current = this.checkpoints.get(name) ?? null;
    if (current === null || comparePositions(position, current) > 0) this.checkpoints.set(name, position);
  }

  /** PostgreSQL only: takes the checkpoints other instances stored, where they are ahead. */
  private async refreshCheckpoints(): Promise<void> {
    if (!this.postgres) return;
    for (const [name, position] of await this.storedCheckpoints(this.dataSource, this.projections)) {
      this.raiseCheckpoint(name, position);
    }
    this.settleWaiters();
  }

  private pollCheckpointsWhileWaiting(): void {
    if (!this.postgres || this.checkpointPoll) return;
    this.checkpointPoll = setInterval(() => {
      if (this.waiters.size === 0) {
        clearInterval(this.checkpointPoll ?? undefined);
        this.checkpointPoll = null;
        return;
      }
      this.refreshCheckpoints().catch(() => undefined);
    }, this.checkpointPollMs);
    this.checkpointPoll.unref();
  }

  private async reset(projections: readonly Projection[], manager: EntityManager): Promise<void> {
    for (const projection of projections) {
      for (const table of projection.tables) await emptyTable(manager, table);
    }
    const updatedAt = this.now().toISOString();
    await upsertRows(
      manager,
      CHECKPOINTS,
      projections.map((projection) => ({
        name: projection.name,
        version: projection.version,
        position: null,
        updated_at: updatedAt,
      })),
    );
  }

  private async applyBatch(
    batch: readonly EventEnvelope[],
    projections: readonly Projection[],
    announce: boolean,
  ): Promise<void> {
    if (batch.length === 0) return;
    const positions = batch.map((event) => parsePosition(event.position));
    for (let index = 1; index < positions.length; index += 1) {
      // Skipping by checkpoint is only sound over a batch in log order.
      if (comparePositions(positions[index - 1], positions[index]) >= 0) {
        throw new Error(`batch out of log order at ${batch[index].position}`);
      }
    }
    // What this runner knows it applied: a batch wholly below that is skipped without a transaction.
    if (this.plan(batch, positions, projections, (name) => this.checkpoints.get(name) ?? null).steps.length === 0) return;

    const updatedAt = this.now().toISOString();
    const { plan, stored } = await this.dataSource.transaction(async (manager) => {
      let checkpointOf = (name: string): Position | null => this.checkpoints.get(name) ?? null;
      let stored: Map<string, Position | null> | null = null;
      if (this.postgres) {
        await this.lockAcrossInstances(manager);
        const fresh = await this.storedCheckpoints(manager, projections);
        const movedBack = projections.filter((projection) => {
          const mine = this.checkpoints.get(projection.name) ?? null;
          const theirs = fresh.get(projection.name) ?? null;
          return mine !== null && (theirs === null || comparePositions(theirs, mine) < 0);
        });
        if (movedBack.length > 0) {
          for (const projection of movedBack) this.checkpoints.set(projection.name, fresh.get(projection.name) ?? null);
          throw new CheckpointMovedBackError(movedBack.map((projection) => projection.name));
        }
        stored = fresh;
        checkpointOf = (name) => fresh.get(name) ?? null;
      }
      const plan = this.plan(batch, positions, projections, checkpointOf);
      for (const { projection, events } of plan.steps) {
        if (events.length === 0) continue;
        if (projection.applyBatch) {
          await projection.applyBatch(events, manager);
        } else {
          for (const event of events) await projection.apply(event, manager);
        }
      }
      if (plan.steps.length > 0) {
        await upsertRows(
          manager,
          CHECKPOINTS,
          plan.steps.map(({ projection, to }) => ({
            name: projection.name,
            version: projection.version,
            position: formatPosition(to),
            updated_at: updatedAt,
          })),
        );
      }
      return { plan, stored };
    });
    for (const [name, position] of stored ?? []) this.raiseCheckpoint(name, position);
    for (const { projection, to } of plan.steps) this.checkpoints.set(projection.name, to);
    this.settleWaiters();
    if (announce && plan.steps.length > 0) this.announce(batch.slice(plan.firstNew));
  }

  /** Which events of the batch each projection still has to apply, given its checkpoint. */
  private plan(
    batch: readonly EventEnvelope[],
    positions: readonly Position[],
    projections: readonly Projection[],
    checkpointOf: (name: string) => Position | null,
  ): Plan {
    const last = positions[positions.length - 1];
    const steps: Step[] = [];
    let firstNew = batch.length;
    for (const projection of projections) {
      const checkpoint = checkpointOf(projection.name);
      const first = checkpoint ? positions.findIndex((position) => comparePositions(position, checkpoint) > 0) : 0;
      if (first < 0) continue;
      firstNew = Math.min(firstNew, first);
      const events = batch.slice(first).filter((event) => handlesType(projection, event.type));
      steps.push({ projection, events, to: last });
    }
    return { steps, firstNew };
  }

  private announce(events: readonly EventEnvelope[]): void {
    for (const listener of this.listeners) {
      try {
        listener(events);
      } catch {
        // The batch is committed; a failing listener must not make the bus redeliver it.
      }
    }
  }

  private settleWaiters(): void {
    for (const waiter of [...this.waiters]) {
      if (this.hasApplied(waiter.target)) waiter.resolve();
    }
  }

  private hasApplied(target: Position): boolean {
    return this.projections.every((projection) => {
      const checkpoint = this.checkpoints.get(projection.name);
      return checkpoint != null && comparePositions(checkpoint, target) >= 0;
    });
  }

  private lowestCheckpoint(projections: readonly Projection[]): Position | null {
    let lowest: Position | null = null;
    for (const projection of projections) {
      const checkpoint = this.checkpoints.get(projection.name) ?? null;
      if (checkpoint === null) return null;
      if (lowest === null || comparePositions(checkpoint, lowest) < 0) lowest = checkpoint;
    }
    return lowest;
  }

  private live(): Projection[] {
    return this.projections.filter((projection) => !this.rebuilding.has(projection.name));
  }

  private projectionNamed(name: string): Projection {
    const projection = this.projections.find((candidate) => candidate.name === name);
    if (!projection) throw new Error(`no projection named "${name}"`);
    return projection;
  }

  /** Runs `work` when none of this runner's transactions is under way (see `turnsWith`). */
  runExclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.exclusive(work);
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const turnsWith = this.turnsWith;
    const next = this.lock.then(turnsWith ? () => turnsWith.runExclusive(work) : work);
    this.lock = next.catch(() => undefined);
    return next;
  }
}
