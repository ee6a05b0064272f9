/**
 * Distributed mode through Kafka, run by hand (it boots six processes, so `npm run bench` leaves it
 * out): `node tools/run-ts.js bench/distributed-kafka.ts`.
 *
 * 1. Mutation → read-model latency at 200 commands/s on the distributed shape: every service a
 *    process on one PostgreSQL database and librdkafka's mock cluster (kcat), commands and reads
 *    through the gateway.
 * 2. Relay throughput: events/s a relay reads from the PostgreSQL log and publishes to the mock
 *    cluster with the production producer settings (idempotent, acks from all replicas).
 */
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { PostgresEventStore } from '@coord/event-store';
import { KafkaEventBus, Relay } from '@coord/messaging';
import { letIdempotentProducersRunOnKafkaMock, startKafkaMock } from '@coord/test-support';
import { signDevToken } from '@coord/auth';
import { startDistributedPlatform } from '../test/support/distributed-platform';
import { TEST_SECRET } from '../test/support/platform';
import {
  bearer,
  BenchSection,
  CleanupStack,
  createBenchDatabase,
  GraphQLClient,
  int,
  markdownTable,
  ms,
  runFixedRate,
  runIfMain,
  summarize,
  waitForQuietMachine,
} from './bench-kit';

const RATE = Number(process.env.BENCH_RATE ?? 200);
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 15_000);
const WARM_UP_MS = 3_000;
const RELAY_EVENTS = Number(process.env.BENCH_RELAY_EVENTS ?? 20_000);

const REGISTER = `mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id position } }`;
const PLAN = `mutation($input: PlanDeliveryInput!) { planDelivery(input: $input) { id position } }`;
const DELIVERY = `query($id: ID!) { aidDelivery(id: $id) { id status } }`;

const data = (answer: { data?: any; errors?: unknown }, what: string): any => {
  if (!answer.data || answer.errors) throw new Error(`${what}: ${JSON.stringify(answer.errors)}`);
  return answer.data;
};

const latencyRows = (rows: [string, ReturnType<typeof summarize>][]) =>
  markdownTable(
    ['latency (ms)', 'p50', 'p95', 'p99', 'max'],
    rows.map(([label, summary]) => [label, ms(summary.p50), ms(summary.p95), ms(summary.p99), ms(summary.max)]),
  );

const measureLatency = async (cleanup: CleanupStack) => {
  const mock = await startKafkaMock();
  cleanup.add('kafka mock', () => mock.stop());
  const database = await createBenchDatabase();
  cleanup.add('database', () => database.drop());
  const platform = await startDistributedPlatform({ DATABASE_URL: database.url, KAFKA_BROKERS: mock.brokers.join(','), READ_WAIT_TIMEOUT_MS: '30000' });
  cleanup.add('distributed platform', () => platform.stop());
  const client = new GraphQLClient(platform.url);
  cleanup.add('client', () => client.close());

  const admin = bearer(await signDevToken(TEST_SECRET, { sub: 'admin', org: 'platform-admins', roles: ['ADMIN'] }));
  const register = async (name: string, acronym: string, kind: string) =>
    data(await client.request(REGISTER, { input: { name, acronym, kind } }, admin), `register ${acronym}`).registerOrganization as {
      id: string;
      position: string;
    };
  const agency = await register('World Food Programme', 'WFP', 'UN_AGENCY');
  const partner = await register('Association Malienne pour la Survie au Sahel', 'AMSS', 'NGO');
  const officer = bearer(await signDevToken(TEST_SECRET, { sub: 'wfp-logistician', org: agency.id, roles: ['AGENCY_OFFICER'] }));
  // The organisations must be in the read model before planning checks them.
  data(await client.request(DELIVERY, { id: 'AidDelivery-none' }, { ...officer, 'x-min-position': partner.position }), 'wait for the organisations');

  const input = {
    sector: 'FOOD_SECURITY',
    items: [{ commodity: 'Sorghum', quantity: 12.5, unit: 't' }],
    adminCode: 'ML0701',
    plannedDate: '2026-12-01',
    targetedBeneficiaries: 1500,
    implementingPartnerId: partner.id,
  };
  const send = async () => {
    const planned = data(await client.request(PLAN, { input: { ...input, commandId: randomUUID() } }, officer), 'plan').planDelivery as {
      id: string;
      position: string;
    };
    const mutationDoneAt = performance.now();
    const read = data(await client.request(DELIVERY, { id: planned.id }, { ...officer, 'x-min-position': planned.position }), 'read');
    if ((read.aidDelivery as { id: string } | null)?.id !== planned.id) throw new Error(`delivery ${planned.id} not visible at ${planned.position}`);
    return { mutationDoneAt, visibleAt: performance.now() };
  };
  await runFixedRate({ ratePerSecond: RATE, durationMs: WARM_UP_MS, send });
  const load = loadavg()[0];
  const result = await runFixedRate({ ratePerSecond: RATE, durationMs: DURATION_MS, send });
  const ok = result.samples.filter((sample) => sample.ok && sample.value);
  const errors = result.samples.length - ok.length;
  const firstError = result.samples.find((sample) => !sample.ok)?.error;
  return {
    bootMs: platform.bootMs,
    load,
    sent: result.samples.length,
    errors,
    firstError: firstError ? String(firstError) : null,
    achievedRate: result.achievedRate,
    maxSendLagMs: result.maxSendLagMs,
    mutation: summarize(ok.map((sample) => sample.value!.mutationDoneAt - sample.scheduledAt)),
    visible: summarize(ok.map((sample) => sample.value!.visibleAt - sample.scheduledAt)),
    afterAnswer: summarize(ok.map((sample) => sample.value!.visibleAt - sample.value!.mutationDoneAt)),
  };
};

const measureRelay = async (cleanup: CleanupStack) => {
  letIdempotentProducersRunOnKafkaMock();
  const mock = await startKafkaMock();
  cleanup.add('relay kafka mock', () => mock.stop());
  const database = await createBenchDatabase();
  cleanup.add('relay database', () => database.drop());
  const store = await PostgresEventStore.connect(database.url);
  cleanup.add('relay store', () => store.close());
  const actor = { userId: 'bench', organizationId: 'org-bench' };
  const perStream = 10;
  for (let stream = 0; stream < RELAY_EVENTS / perStream; stream += 1) {
    const streamId = `AidDelivery-bench-${stream}`;
    await store.append(
      streamId,
      Array.from({ length: perStream }, (_, index) => ({ type: index === 0 ? 'DeliveryPlanned' : 'DeliveryDispatched', data: { deliveryId: streamId, n: index } })),
      { expectedVersion: 0, actor, occurredAt: new Date() },
    );
  }
  const rows = [];
  for (const batchSize of [500, 2_000]) {
    const bus = new KafkaEventBus({ brokers: mock.brokers, clientId: 'bench-relay' });
    const relay = new Relay(store, bus, { batchSize, checkpointName: `bench-relay-${batchSize}` });
    // The first batch also connects the producer and learns the partitions: leave it out.
    const started = performance.now();
    const published = await relay.drain();
    const seconds = (performance.now() - started) / 1000;
    await bus.close();
    rows.push({ batchSize, published, seconds, perSecond: published / seconds });
  }
  return rows;
};

export const run = async (): Promise<BenchSection> => {
  const quiet = await waitForQuietMachine();
  const cleanup = new CleanupStack();
  try {
    const latency = await measureLatency(cleanup);
    await cleanup.run();
    const relayCleanup = new CleanupStack();
    let relay;
    try {
      relay = await measureRelay(relayCleanup);
    } finally {
      await relayCleanup.run();
    }
    const markdown = [
      `${quiet}. ${cpus().length} CPUs shared by the load generator, six Node processes (gateway, read-model service, four context services), PostgreSQL and the kcat mock cluster.`,
      '',
      `### Mutation → read model at ${RATE} commands/s (distributed shape, through the gateway and Kafka)`,
      '',
      `Open-loop \`planDelivery\` at ${RATE}/s for ${DURATION_MS / 1000} s after ${WARM_UP_MS / 1000} s of warm-up, through the gateway to the aid-delivery service; its relay publishes to Kafka, the read-model service consumes the notice, reads the log up to it and projects. Visibility: \`aidDelivery(id)\` with \`X-Min-Position\` through the gateway, held by the read-model service until applied. Latencies from the moment each command was due. Load average ${latency.load.toFixed(2)} when the measurement began; the shape booted in ${int(latency.bootMs)} ms.`,
      '',
      `Offered ${RATE}/s, achieved ${latency.achievedRate.toFixed(1)}/s (${int(latency.sent)} sent, ${latency.errors} errors${latency.firstError ? `, first: ${latency.firstError}` : ''}; generator max send lag ${ms(latency.maxSendLagMs)} ms).`,
      '',
      latencyRows([
        ['(a) mutation answered', latency.mutation],
        ['(b) mutation → visible in read model', latency.visible],
        ['(b − a) answer → visible, incl. the query round trip', latency.afterAnswer],
      ]),
      '',
      `### Relay throughput to Kafka`,
      '',
      `${int(RELAY_EVENTS)} events (streams of 10) in a PostgreSQL log, published by one relay with \`drain()\` to the kcat mock cluster (3 brokers): idempotent producer, acks from all in-sync replicas, one request in flight per broker; the relay saves its checkpoint after each acknowledged batch. Includes connecting the producer.`,
      '',
      markdownTable(
        ['relay batch size', 'events', 'seconds', 'events/s'],
        relay.map((row) => [int(row.batchSize), int(row.published), row.seconds.toFixed(2), int(row.perSecond)]),
      ),
    ].join('\n');
    return {
      title: 'Distributed mode through Kafka: mutation → read model, relay throughput',
      markdown,
      figures: {
        'latency.visible.p50': latency.visible.p50,
        'latency.visible.p99': latency.visible.p99,
        'latency.mutation.p99': latency.mutation.p99,
        ...Object.fromEntries(relay.map((row) => [`relay.${row.batchSize}.perSecond`, row.perSecond])),
      },
    };
  } finally {
    await cleanup.run();
  }
};

runIfMain(module, run);
