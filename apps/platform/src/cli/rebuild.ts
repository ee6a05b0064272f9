import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createEventStore } from '@coord/event-store';
import { allProjections, createReadModelDataSource, ProjectionRunner } from '@coord/read-model';
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
    const result = await runner.rebuild(store, values.projection);
    const rate = result.ms > 0 ? Math.round((result.events / result.ms) * 1000) : result.events;
    console.log(
      `rebuilt ${result.projections.join(', ')} from position 0: ${result.events} events in ${(result.ms / 1000).toFixed(2)} s (${rate} events/s)`,
    );
  } finally {
    await dataSource.destroy();
    await store.close();
  }
};

main().catch((error) => {
  console.error(`rebuild: ${error.message}`);
  process.exit(1);
});
