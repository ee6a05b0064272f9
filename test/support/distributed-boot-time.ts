/**
 * Measures how long the distributed shape takes to boot and what CPU each process spends on it (the
 * CPU figure does not depend on what else loads the machine, the wall time does):
 *   TEST_POSTGRES_AVAILABLE=1 node tools/run-ts.js test/support/distributed-boot-time.ts
 *   DISTRIBUTED_PREBUILD=0 … the same, compiling TypeScript in each process on load.
 * Prints one JSON line. Linux only (/proc).
 */
import { readFileSync } from 'node:fs';
import { createTestDatabase, startKafkaMock } from '@coord/test-support';
import { startDistributedPlatform } from './distributed-platform';

const cpuMs = (pid: number | undefined) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};
const main = async () => {
  const mock = await startKafkaMock();
  const db = await createTestDatabase();
  const platform = await startDistributedPlatform({ DATABASE_URL: db.url, KAFKA_BROKERS: mock.brokers.join(',') });
  const cpu = Object.fromEntries(Object.entries(platform.services).map(([name, service]) => [name, cpuMs(service.pid)]));
  console.log(JSON.stringify({ prebuild: process.env.DISTRIBUTED_PREBUILD !== '0', bootMs: platform.bootMs, cpuMs: cpu, totalCpuMs: Object.values(cpu).reduce((a, b) => a + b, 0) }));
  await platform.stop();
  await db.drop();
  await mock.stop();
};
main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
