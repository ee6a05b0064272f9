import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signDevToken } from '@coord/auth';
import { comparePositions, parsePosition } from '@coord/kernel';
import { FAULT_KILL_BEFORE_PUBLISH, FAULT_ONCE_FILE } from '@coord/messaging';
import { TEST_SECRET } from '../support/platform';
import { FaultShape, freshRebuild, hasApplied, pollUntil, processAlive, projectedTables, startFaultShape } from './support/fault-shape';

/**
 * Fault tests of the distributed shape (issue 6): every service a process on PostgreSQL and the
 * Kafka mock. Run by `npm run test:distributed` (jest.distributed.config.js), not by `npm test`.
 */

const COMMANDS = Number(process.env.FAULT_COMMANDS ?? 20_000);
const KILLS = Number(process.env.FAULT_KILLS ?? 10);
const CONCURRENCY = 8;
const SEED = Number(process.env.FAULT_SEED ?? Date.now() % 1_000_000);

const REGISTER = `mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id position } }`;
const PLAN = `mutation($input: PlanDeliveryInput!) { planDelivery(input: $input) { id position } }`;
const CANCEL = `mutation($input: CancelDeliveryInput!) { cancelDelivery(input: $input) { id position } }`;
const DELIVERY = `query($id: ID!) { aidDelivery(id: $id) { id status } }`;

interface Reply<T> {
  readonly data?: T;
  readonly errors?: unknown[];
}

const post = async <T>(url: string, query: string, variables: Record<string, unknown>, token: string, headers: Record<string, string> = {}): Promise<Reply<T>> => {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Reply<T>;
};

const mustSucceed = <T>(reply: Reply<T>, what: string): T => {
  if (!reply.data || reply.errors) throw new Error(`${what} failed: ${JSON.stringify(reply.errors)}`);
  return reply.data;
};

/** Deterministic per seed, so that a failing run can be replayed with FAULT_SEED. */
const randomPoints = (count: number, from: number, to: number, seed: number): number[] => {
  let state = seed || 1;
  const points = new Set<number>();
  while (points.size < count) {
    state = (state * 48_271) % 2_147_483_647;
    points.add(from + (state % (to - from)));
  }
  return [...points].sort((a, b) => a - b);
};

describe('the distributed shape under faults', () => {
  let shape: FaultShape;
  let onceDir: string;
  let admin: string;
  let officer: string;
  let planInput: Record<string, unknown>;

  beforeAll(async () => {
    onceDir = mkdtempSync(join(tmpdir(), 'coord-fault-'));
    // Only the aid-delivery service publishes DeliveryCancelled, so only it can fire; once.
    shape = await startFaultShape({ [FAULT_KILL_BEFORE_PUBLISH]: 'DeliveryCancelled', [FAULT_ONCE_FILE]: join(onceDir, 'fired') });
    const gateway = shape.platform.url;
    admin = await signDevToken(TEST_SECRET, { sub: 'admin', org: 'platform-admins', roles: ['ADMIN'] });
    const register = async (name: string, acronym: string, kind: string) =>
      mustSucceed(await post<{ registerOrganization: { id: string } }>(gateway, REGISTER, { input: { name, acronym, kind } }, admin), `register ${acronym}`)
        .registerOrganization.id;
    const agency = await register('World Food Programme', 'WFP', 'UN_AGENCY');
    const partner = await register('Association Malienne pour la Survie au Sahel', 'AMSS', 'NGO');
    officer = await signDevToken(TEST_SECRET, { sub: 'wfp-logistician', org: agency, roles: ['AGENCY_OFFICER'] });
    planInput = {
      sector: 'FOOD_SECURITY',
      items: [{ commodity: 'Sorghum', quantity: 12.5, unit: 't' }],
      adminCode: 'ML0701',
      plannedDate: '2026-12-01',
      targetedBeneficiaries: 1500,
      implementingPartnerId: partner,
    };
    // Planning checks the organisations in the read model: wait until it has them.
    const head = (await shape.store.headPosition())!;
    await pollUntil(() => hasApplied(shape.readModel, head), 'the organisations in the read model', 120_000);
  });

  afterAll(async () => {
    await shape?.stop();
    if (onceDir) rmSync(onceDir, { recursive: true, force: true });
  });

  it('delivers an event whose context service was killed between append and publish, once it restarts', async () => {
    const gateway = shape.platform.url;
    const service = shape.platform.services['aid-delivery-service'];
    const planned = mustSucceed(await post<{ planDelivery: { id: string; position: string } }>(gateway, PLAN, { input: planInput }, officer), 'plan')
      .planDelivery;
    await pollUntil(() => hasApplied(shape.readModel, planned.position), 'the planned delivery in the read model', 60_000);
    const pid = service.pid;

    // The append commits; the relay then dies before handing DeliveryCancelled to Kafka. Whether the
    // reply still makes it out is a race, and either way the event is in the log.
    await post(gateway, CANCEL, { input: { deliveryId: planned.id, reason: 'Road closed' } }, officer).catch(() => undefined);
    await pollUntil(async () => !processAlive(pid), 'the aid-delivery service to kill itself', 60_000);

    const cancelled = (await shape.store.readStream(planned.id)).find((event) => event.type === 'DeliveryCancelled');
    expect(cancelled).toBeDefined();
    const relayCheckpoint = await shape.store.loadCheckpoint('relay:aid-delivery-service');
    // The relay's checkpoint stayed before the event: it was never handed to Kafka.
    expect(relayCheckpoint === null || comparePositions(parsePosition(relayCheckpoint), parsePosition(cancelled!.position)) < 0).toBe(true);
    // Nothing else is appended meanwhile, so no other service's notice can carry the read model past it.
    expect(await hasApplied(shape.readModel, cancelled!.position)).toBe(false);

    await service.restart();

    const seen = mustSucceed(
      await post<{ aidDelivery: { id: string; status: string } }>(gateway, DELIVERY, { id: planned.id }, officer, { 'x-min-position': cancelled!.position }),
      'read after restart',
    );
    expect(seen.aidDelivery).toEqual({ id: planned.id, status: 'CANCELLED' });
  }, 300_000);

  it(`keeps the read model exact while the read-model service is killed ${KILLS} times during ${COMMANDS} commands`, async () => {
    // Every attempt to write a history row, committed or not counted: a BEFORE trigger fires for
    // each proposed row even when ON CONFLICT DO NOTHING then skips it, so an event applied twice
    // leaves two audit rows although history keeps one. A batch killed mid-transaction leaves none.
    await shape.readModel.query(`CREATE TABLE fault_audit (stream_id TEXT NOT NULL, version INTEGER NOT NULL)`);
    await shape.readModel.query(`CREATE FUNCTION fault_audit_history() RETURNS trigger AS $$
      BEGIN INSERT INTO fault_audit (stream_id, version) VALUES (NEW.stream_id, NEW.version); RETURN NEW; END $$ LANGUAGE plpgsql`);
    await shape.readModel.query(`CREATE TRIGGER fault_audit BEFORE INSERT ON history FOR EACH ROW EXECUTE FUNCTION fault_audit_history()`);
    const before = Number((await shape.readModel.query(`SELECT COUNT(*) AS n FROM history`))[0].n);

    const readModelService = shape.platform.services['read-model-service'];
    // Straight to the aid-delivery service: through the gateway each command would also wait on
    // the gateway's process, on the same two cores, for nothing the fault is about.
    const target = shape.platform.services['aid-delivery-service'].url;
    const killAt = randomPoints(KILLS, Math.floor(COMMANDS * 0.02), Math.floor(COMMANDS * 0.95), SEED);
    const pids: (number | undefined)[] = [readModelService.pid];
    let restarts: Promise<void> = Promise.resolve();
    let sent = 0;
    let failures = 0;
    const ids: string[] = [];

    const worker = async () => {
      while (sent < COMMANDS) {
        sent += 1;
        if (killAt.includes(sent)) {
          // A kill -9 at this point of the flow, and a restart, one after the other.
          restarts = restarts.then(async () => {
            await readModelService.restart();
            pids.push(readModelService.pid);
          });
        }
        const reply = await post<{ planDelivery: { id: string } }>(target, PLAN, { input: planInput }, officer).catch(
          (error: unknown): Reply<{ planDelivery: { id: string } }> => ({ errors: [String(error)] }),
        );
        if (reply.data?.planDelivery) ids.push(reply.data.planDelivery.id);
        else failures += 1;
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    await restarts;

    expect({ seed: SEED, failures }).toEqual({ seed: SEED, failures: 0 });
    expect(new Set(pids).size).toBe(KILLS + 1);

    const head = (await shape.store.headPosition())!;
    await pollUntil(() => hasApplied(shape.readModel, head), `the read model at the head ${head}`, 600_000);

    const appliedTwice = await shape.readModel.query(
      `SELECT stream_id, version, COUNT(*) AS n FROM fault_audit GROUP BY stream_id, version HAVING COUNT(*) > 1 LIMIT 10`,
    );
    expect(appliedTwice).toEqual([]);
    const planned = await shape.readModel.query(
      `SELECT COUNT(*) AS n FROM fault_audit WHERE stream_id = ANY($1)`,
      [ids],
    );
    expect(Number(planned[0].n)).toBe(COMMANDS);
    expect(Number((await shape.readModel.query(`SELECT COUNT(*) AS n FROM history`))[0].n)).toBe(before + COMMANDS);

    const rebuilt = await freshRebuild(shape.store);
    try {
      const live = await projectedTables(shape.readModel);
      expect(rebuilt.events).toBe(Number((await shape.readModel.query(`SELECT COUNT(*) AS n FROM history`))[0].n));
      for (const table of Object.keys(rebuilt.tables)) {
        // Row counts first: a difference of 20,000 rows is easier to read than the rows.
        expect({ table, rows: live[table].length }).toEqual({ table, rows: rebuilt.tables[table].length });
        expect({ table, equal: live[table].every((row, index) => row === rebuilt.tables[table][index]) }).toEqual({ table, equal: true });
      }
    } finally {
      await rebuilt.drop();
    }
  }, 1_800_000);
});
