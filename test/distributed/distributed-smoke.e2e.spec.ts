import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createEventStore, EventStore } from '@coord/event-store';
import { createTestDatabase, describeWithKafka, describeWithPostgres, TestDatabase } from '@coord/test-support';
import { DistributedPlatform, startDistributedPlatform } from '../support/distributed-platform';
import { eventually } from '../support/platform';

const REGISTER = `mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id version position } }`;
const PLAN = `mutation($input: PlanDeliveryInput!) { planDelivery(input: $input) { id version position } }`;
const DISPATCH = `mutation($input: DispatchDeliveryInput!) { dispatchDelivery(input: $input) { id version position } }`;
const RECORD = `mutation($input: RecordDeliveryInput!) { recordDelivery(input: $input) { id version position } }`;
const CONFIRM = `mutation($input: ConfirmDeliveryInput!) { confirmDelivery(input: $input) { id version position } }`;
const DELIVERY = `query($id: ID!) { aidDelivery(id: $id) { id status version agency { acronym } confirmedBy { acronym } reached { total } } }`;
const ORGANIZATIONS = `{ organizations { id acronym } }`;
const CHANGED = `subscription($adminCode: ID) { deliveryChanged(adminCode: $adminCode) { id status version } }`;

interface Payload {
  readonly id: string;
  readonly version: number;
  readonly position: string;
}

/**
 * The distributed shape end to end: six processes (gateway, read-model service, four context
 * services) on one PostgreSQL database and the Kafka mock. A mutation goes gateway → context
 * subgraph → log → relay → Kafka → read-model service; a read with X-Min-Position waits for it.
 */
describeWithPostgres('the distributed shape through the gateway', () => {
  describeWithKafka('six processes over PostgreSQL and Kafka', (kafka) => {
    let database: TestDatabase;
    let platform: DistributedPlatform;
    let store: EventStore;
    let admin: string;

    const ok = async (query: string, input: Record<string, unknown>, token: string): Promise<Payload> => {
      const response = await platform.graphql(query, { input }, { token });
      expect(response.errors).toBeUndefined();
      return Object.values(response.data as Record<string, Payload>)[0];
    };

    beforeAll(async () => {
      database = await createTestDatabase();
      platform = await startDistributedPlatform({ DATABASE_URL: database.url, KAFKA_BROKERS: kafka().brokers.join(',') });
      // Boot time is reported, not asserted (STYLE.md: speed belongs in bench/).
      console.log(`distributed shape ready in ${platform.bootMs} ms`);
      store = await createEventStore({ kind: 'postgres', url: database.url });
      admin = await platform.token('platform-admins', ['ADMIN']);
    }, 300_000);

    afterAll(async () => {
      await platform?.stop();
      await store?.close();
      await database?.drop();
    }, 60_000);

    it('refuses a request without a token with 401, as the platform does', async () => {
      const response = await platform.graphql(ORGANIZATIONS);
      expect(response.status).toBe(401);
      expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      // A subgraph answers its composition query to anyone, and nothing else without a token.
      const direct = (query: string) =>
        fetch(`${platform.services['planning-service'].url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
      const sdl = await direct('{ _service { sdl } }');
      expect(sdl.status).toBe(200);
      expect(((await sdl.json()) as { data: { _service: { sdl: string } } }).data._service.sdl).toContain('formCommittee');
      expect((await direct('mutation { formCommittee(input: { name: "x", chairId: "y", memberIds: [] }) { id } }')).status).toBe(401);
    });

    it('carries a delivery from plan to confirmation across the services, read back with X-Min-Position and watched live', async () => {
      const wfp = await ok(REGISTER, { name: 'World Food Programme', acronym: 'WFP', kind: 'UN_AGENCY' }, admin);
      const afg = await ok(REGISTER, { name: 'Association des femmes de Gao', acronym: 'AFG', kind: 'COMMUNITY' }, admin);
      // The registrations are the read-model service's; the delivery is the aid-delivery service's.
      const organizations = await platform.graphql<{ organizations: { id: string; acronym: string }[] }>(ORGANIZATIONS, {}, {
        token: admin,
        headers: { 'x-min-position': afg.position },
      });
      expect(organizations.data?.organizations.map((organization) => organization.acronym).sort()).toEqual(['AFG', 'WFP']);

      const officer = await platform.token(wfp.id, ['AGENCY_OFFICER'], 'wfp-logistician');
      const focalPoint = await platform.token(afg.id, ['COMMUNITY_FOCAL_POINT'], 'afg-focal');

      // The subscription goes through the gateway's /graphql socket to the read-model service.
      const seen: { id: string; status: string; version: number }[] = [];
      const client: Client = createClient({
        url: `${platform.url.replace(/^http/, 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${officer}` },
        retryAttempts: 0,
      });
      let subscribed!: () => void;
      const acknowledged = new Promise<void>((resolve) => (subscribed = resolve));
      client.on('connected', () => subscribed());
      const unsubscribe = client.subscribe<{ deliveryChanged: { id: string; status: string; version: number } }>(
        { query: CHANGED, variables: { adminCode: 'ML07' } },
        { next: ({ data }) => data && seen.push(data.deliveryChanged), error: (error) => seen.push({ id: 'error', status: JSON.stringify(error), version: -1 }), complete: () => undefined },
      );
      try {
        await acknowledged;
        const planned = await ok(
          PLAN,
          { sector: 'FOOD_SECURITY', items: [{ commodity: 'Sorghum', quantity: 12.5, unit: 't' }], adminCode: 'ML0701', plannedDate: '2026-12-01', targetedBeneficiaries: 1500 },
          officer,
        );
        await ok(DISPATCH, { deliveryId: planned.id, expectedVersion: 1 }, officer);
        await ok(RECORD, { deliveryId: planned.id, deliveredItems: [{ commodity: 'Sorghum', quantity: 12, unit: 't' }], reached: { women: 520, men: 410, girls: 300, boys: 270 } }, officer);
        const confirmed = await ok(CONFIRM, { deliveryId: planned.id, expectedVersion: 3 }, focalPoint);
        expect(confirmed.version).toBe(4);

        const read = await platform.graphql(DELIVERY, { id: planned.id }, { token: officer, headers: { 'x-min-position': confirmed.position } });
        expect(read.errors).toBeUndefined();
        expect(read.data.aidDelivery).toEqual({
          id: planned.id,
          status: 'CONFIRMED',
          version: 4,
          agency: { acronym: 'WFP' },
          confirmedBy: { acronym: 'AFG' },
          reached: { total: 1500 },
        });
        await eventually(async () => expect(seen.map((change) => change.status)).toContain('CONFIRMED'), 15_000);
        // The gateway's /metrics shows the platform's counters, though the aid-delivery service counted them.
        const metrics = await (await fetch(`${platform.url}/metrics`)).text();
        expect(metrics).toMatch(/coordination_commands_total\{type="ConfirmDelivery",outcome="accepted"\} 1\n/);
        expect(metrics).toMatch(/coordination_projection_lag_events \d+/);
        expect(seen.every((change) => change.id === planned.id)).toBe(true);
      } finally {
        unsubscribe();
        await client.dispose();
      }
    }, 60_000);

    it('answers a bad input with BAD_USER_INPUT through the gateway and appends nothing', async () => {
      const wfp = await ok(REGISTER, { name: 'Programme Alimentaire Mondial', acronym: 'PAM', kind: 'UN_AGENCY' }, admin);
      const officer = await platform.token(wfp.id, ['AGENCY_OFFICER']);
      const head = await store.headPosition();
      const response = await platform.graphql(
        PLAN,
        { input: { sector: 'FOOD_SECURITY', items: [{ commodity: 'Sorghum', quantity: -3, unit: 't' }], adminCode: 'ML0701', plannedDate: '2026-12-01', targetedBeneficiaries: 10 } },
        { token: officer },
      );
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'items[0].quantity' });
      expect(response.data?.planDelivery ?? null).toBeNull();
      // A Date the context service's scalar refuses (the gateway's accepts any): its error, unchanged.
      const impossible = await platform.graphql(
        PLAN,
        { input: { sector: 'FOOD_SECURITY', items: [{ commodity: 'Sorghum', quantity: 3, unit: 't' }], adminCode: 'ML0701', plannedDate: '2026-02-30', targetedBeneficiaries: 10 } },
        { token: officer },
      );
      expect(impossible.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'plannedDate' });
      expect(await store.headPosition()).toBe(head);
    });

    it('forwards the REST endpoints to their owners: the 3W import to the aid-delivery service, the export to the read-model service', async () => {
      // The header, the HXL row and ten rows of a real file.
      const csv = readFileSync(join(__dirname, '..', 'fixtures', '3w', 'caf-3w-operational-presence-2022q1.csv'), 'utf8').split('\n').slice(0, 12).join('\n');
      const auth = { authorization: `Bearer ${admin}` };
      const posted = await fetch(`${platform.url}/imports/3w?file=caf.csv`, { method: 'POST', headers: { ...auth, 'content-type': 'text/csv' }, body: csv });
      expect(posted.status).toBe(202);
      const { importId } = (await posted.json()) as { importId: string };
      const report = await eventually(
        async () => {
          const answer = (await (await fetch(`${platform.url}/imports/${importId}`, { headers: auth })).json()) as { status: string; imported: number };
          if (answer.status === 'RUNNING') throw new Error('still running');
          return answer;
        },
        60_000,
        100,
      );
      expect(report.status).toBe('DONE');
      expect(report.imported).toBeGreaterThan(0);

      const head = (await store.headPosition())!;
      const exported = await fetch(`${platform.url}/exports/3w.csv`, { headers: { ...auth, 'x-min-position': head } });
      expect(exported.status).toBe(200);
      expect(exported.headers.get('content-type')).toMatch(/^text\/csv/);
      expect((await exported.text()).split('\n')[1]).toMatch(/^#org/);
      // The owner's refusal passes through unchanged.
      expect((await fetch(`${platform.url}/exports/3w.csv`)).status).toBe(401);
    }, 90_000);

    it('is ready only while every subgraph is', async () => {
      const ready = await fetch(`${platform.url}/health/ready`);
      expect(ready.status).toBe(200);
      await platform.services['liaison-service'].kill('SIGKILL');
      const degraded = await fetch(`${platform.url}/health/ready`);
      expect(degraded.status).toBe(503);
      expect(((await degraded.json()) as { checks: Record<string, { status: string }> }).checks.liaison.status).toBe('down');
      await platform.services['liaison-service'].restart();
      expect((await fetch(`${platform.url}/health/ready`)).status).toBe(200);
    }, 120_000);
  });
});
