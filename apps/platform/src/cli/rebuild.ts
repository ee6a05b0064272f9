import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createEventStore } from '@coord/event-store';
import { allProjections, asyncProjections, createReadModelDataSource, ProjectionRunner } from '@coord/read-model';
import { eventStoreLocation, loadPlatformConfig, readModelLocation } from '@coord/runtime';

/**
 * `npm run rebuild [-- --projection NAME ...]`: empties the read model (or the named projections) and
 * replays the whole log into it. Run it with the platform stopped on embedded storage; the platform
 * catches up from the rebuilt checkpoints when it starts.
 */
const main = async () => {
  const { values } = parseArgs({ options: { projection: { type: 'string', multiple: true } } });
  const config = loadPlatformConfig();
  mkdirSync(config.dataDir, { recursive: true });
  const store = await createEventStore(eventStoreLocation(config));
  const dataSource = await createReadModelDataSource(readModelLocation(config));
  try {
    const runner = new ProjectionRunner(dataSource, allProjections);
    // The asynchronous views (the shared picture) have a runner of their own, as in the platform.
    const runners = [
      { projections: allProjections, runner },
      { projections: asyncProjections, runner: new ProjectionRunner(dataSource, asyncProjections, { turnsWith: runner }) },
    ];
    const unknown = values.projection?.find((name) => !runners.some(({ projections }) => projections.some((projection) => projection.name === name)));
    if (unknown) throw new Error(`no projection named "${unknown}"`);
    for (const { projections, runner: owner } of runners) {
      const names = values.projection?.filter((name) => projections.some((projection) => projection.name === name));
      if (names && names.length === 0) continue;
      const result = await owner.rebuild(store, names);
      const rate = result.ms > 0 ? Math.round((result.events / result.ms) * 1000) : result.events;
      console.log(
        `rebuilt ${result.projections.join(', ')} from position 0: ${result.events} events in ${(result.ms / 1000).toFixed(2)} s (${rate} events/s)`,
      );
    }
  } finally {
    await dataSource.destroy();
    await store.close();
  }
};

main().catch((error) => {
  console.error(`rebuild: ${error.message}`);
  process.exit(1);
});
