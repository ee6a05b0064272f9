import { DataSource } from 'typeorm';
import { createEventStore, EventStore } from '@coord/event-store';
import { comparePositions, parsePosition } from '@coord/kernel';
import { allProjections, createReadModelDataSource, READ_MODEL_ENTITIES } from '@coord/read-model';
import { createTestDatabase, startKafkaMock, TestDatabase } from '@coord/test-support';
import { DistributedPlatform, startDistributedPlatform } from '../../support/distributed-platform';

/** The distributed shape with what the fault tests look at directly: the log and the read model. */
export interface FaultShape {
  readonly platform: DistributedPlatform;
  readonly store: EventStore;
  readonly readModel: DataSource;
  readonly databaseUrl: string;
  stop(): Promise<void>;
}

export const startFaultShape = async (env: Record<string, string> = {}): Promise<FaultShape> => {
  const mock = await startKafkaMock();
  const database = await createTestDatabase();
  const cleanups: (() => Promise<unknown>)[] = [() => database.drop(), () => mock.stop()];
  const stop = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  };
  try {
    const platform = await startDistributedPlatform({ ...env, DATABASE_URL: database.url, KAFKA_BROKERS: mock.brokers.join(',') });
    cleanups.push(() => platform.stop());
    const store = await createEventStore({ kind: 'postgres', url: database.url });
    cleanups.push(() => store.close());
    const readModel = await new DataSource({ type: 'postgres', url: database.url, entities: [...READ_MODEL_ENTITIES], synchronize: false }).initialize();
    cleanups.push(() => readModel.destroy());
    return { platform, store, readModel, databaseUrl: database.url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
};

/** The lowest checkpoint of the platform's projections, as the read-model service committed it. */
export const appliedPosition = async (readModel: DataSource): Promise<string | null> => {
  const names = allProjections.map((projection) => projection.name);
  const rows: { position: string | null }[] = await readModel.query(
    'SELECT "position" FROM "projection_checkpoints" WHERE "name" = ANY($1)',
    [names],
  );
  if (rows.length < names.length || rows.some((row) => row.position === null)) return null;
  return rows
    .map((row) => row.position as string)
    .reduce((lowest, position) => (comparePositions(parsePosition(position), parsePosition(lowest)) < 0 ? position : lowest));
};

export const hasApplied = async (readModel: DataSource, position: string): Promise<boolean> => {
  const applied = await appliedPosition(readModel);
  return applied !== null && comparePositions(parsePosition(applied), parsePosition(position)) >= 0;
};

/** Every row of every table the platform's projections own, in a canonical order. */
export const projectedTables = async (dataSource: DataSource): Promise<Record<string, string[]>> => {
  const snapshot: Record<string, string[]> = {};
  for (const table of [...new Set(allProjections.flatMap((projection) => projection.tables))].sort()) {
    const rows: Record<string, unknown>[] = await dataSource.query(`SELECT * FROM "${table}"`);
    snapshot[table] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return snapshot;
};

/** A fresh read model in its own database, rebuilt from the whole log by the same projections. */
export const freshRebuild = async (store: EventStore): Promise<{ tables: Record<string, string[]>; events: number; drop(): Promise<void> }> => {
  const { ProjectionRunner } = await import('@coord/read-model');
  const database: TestDatabase = await createTestDatabase();
  const dataSource = await createReadModelDataSource({ kind: 'postgres', url: database.url });
  try {
    const { events } = await new ProjectionRunner(dataSource, allProjections).rebuild(store);
    return { tables: await projectedTables(dataSource), events, drop: () => database.drop() };
  } finally {
    await dataSource.destroy();
  }
};

export const pollUntil = async (condition: () => Promise<boolean>, what: string, timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

export const processAlive = (pid: number | undefined): boolean => {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
