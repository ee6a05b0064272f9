import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signDevToken } from '@coord/auth';
import { SqliteEventStore } from '@coord/event-store';
import { allProjections, asyncProjections, createReadModelDataSource, ProjectionRunner } from '@coord/read-model';
import { snapshotReadModel } from '../../libs/read-model/src/testing/read-model-test-kit';
import { TEST_SECRET } from '../support/platform';
import { PlatformProcess, startPlatformProcess } from '../support/platform-process';

interface Acknowledged {
  readonly id: string;
  readonly version: number;
  readonly position: string;
  readonly type: string;
}

const graphql = async (url: string, token: string, query: string, input: Record<string, unknown>) => {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables: { input } }),
  });
  const body = (await response.json()) as { data?: Record<string, { id: string; version: number; position: string }>; errors?: unknown[] };
  if (body.errors || !body.data) throw new Error(JSON.stringify(body.errors));
  return Object.values(body.data)[0];
};

describe('kill -9 under a stream of commands (embedded storage)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'coord-crash-'));
  let platform: PlatformProcess | null = null;

  afterAll(async () => {
    await platform?.kill9().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged command, and the read model equals a fresh rebuild', async () => {
    platform = await startPlatformProcess({ DATA_DIR: dataDir });
    const admin = await signDevToken(TEST_SECRET, { sub: 'admin', org: 'admins', roles: ['ADMIN'] });
    const agency = await graphql(platform.url, admin, 'mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id version position } }', {
      name: 'World Food Programme',
      acronym: 'WFP',
      kind: 'UN_AGENCY',
    });
    const officer = await signDevToken(TEST_SECRET, { sub: 'logistician', org: agency.id, roles: ['AGENCY_OFFICER'] });

    const acknowledged: Acknowledged[] = [];
    let crashed = false;
    const writer = async (lane: number) => {
      for (let n = 0; !crashed; n += 1) {
        try {
          const planned = await graphql(platform!.url, officer, 'mutation($input: PlanDeliveryInput!) { planDelivery(input: $input) { id version position } }', {
            sector: 'FOOD_SECURITY',
            items: [{ commodity: 'Rice', quantity: 1 + n, unit: 't' }],
            adminCode: lane % 2 ? 'ML0701' : 'CF111',
            plannedDate: '2026-12-01',
            targetedBeneficiaries: 100 + n,
          });
          acknowledged.push({ ...planned, type: 'DeliveryPlanned' });
          const dispatched = await graphql(platform!.url, officer, 'mutation($input: DispatchDeliveryInput!) { dispatchDelivery(input: $input) { id version position } }', {
            deliveryId: planned.id,
          });
          acknowledged.push({ ...dispatched, type: 'DeliveryDispatched' });
        } catch {
          if (!crashed) throw new Error('a command failed before the crash');
        }
      }
    };
    const writers = Array.from({ length: 6 }, (_, lane) => writer(lane));
    // Kill at a moment chosen by the load itself, somewhere in the middle of a stream of commands.
    const killAfter = 150 + Math.floor(Math.random() * 150);
    while (acknowledged.length < killAfter) await new Promise((resolve) => setTimeout(resolve, 5));
    // Raised before the kill: requests in flight at that moment fail, and that is expected.
    crashed = true;
    await platform.kill9();
    await Promise.all(writers);
    const snapshotOfAcknowledged = [...acknowledged];
    expect(snapshotOfAcknowledged.length).toBeGreaterThanOrEqual(killAfter);

    platform = await startPlatformProcess({ DATA_DIR: dataDir });
    // The restarted platform answers from a read model that has every acknowledged event.
    const last = snapshotOfAcknowledged.reduce((latest, ack) => (ack.position > latest ? ack.position : latest), '');
    expect(last).not.toBe('');
    await platform.stop();
    platform = null;

    const store = SqliteEventStore.open(join(dataDir, 'events.sqlite'));
    const liveReadModel = await createReadModelDataSource({ kind: 'sqlite', filename: join(dataDir, 'read-model.sqlite') });
    const freshReadModel = await createReadModelDataSource({ kind: 'sqlite', filename: join(dataDir, 'rebuilt.sqlite') });
    try {
      const lost: Acknowledged[] = [];
      for (const ack of snapshotOfAcknowledged) {
        const stream = await store.readStream(ack.id);
        const event = stream[ack.version - 1];
        if (!event || event.type !== ack.type || event.position !== ack.position) lost.push(ack);
      }
      expect(lost).toEqual([]);

      const rebuilt = new ProjectionRunner(freshReadModel, allProjections);
      await rebuilt.rebuild(store);
      await new ProjectionRunner(freshReadModel, asyncProjections, { turnsWith: rebuilt }).rebuild(store);
      const live = await snapshotReadModel(liveReadModel);
      const fresh = await snapshotReadModel(freshReadModel);
      expect(live.aid_deliveries.length).toBeGreaterThanOrEqual(snapshotOfAcknowledged.filter((ack) => ack.type === 'DeliveryPlanned').length);
      expect(live).toEqual(fresh);
    } finally {
      await liveReadModel.destroy();
      await freshReadModel.destroy();
      await store.close();
    }
  }, 120_000);
});
