import type { EventEmitter } from 'node:events';
import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { DataSource } from 'typeorm';
import { DELIVERY_CHANGED_TRIGGER, PICTURE_CHANGED_TRIGGER } from '@coord/picture-feature';
import { PUB_SUB, READ_MODEL_DATA_SOURCE } from '@coord/runtime';
import { graphqlCalls } from '../support/graphql-calls';
import { eventually, startTestPlatform, TestPlatform } from '../support/platform';
import { describeOnEachStorage, Storage } from '../support/storage';

const REGISTER = `mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id version position } }`;
const PLAN = `mutation($input: PlanDeliveryInput!) { planDelivery(input: $input) { id version position } }`;
const DISPATCH = `mutation($input: DispatchDeliveryInput!) { dispatchDelivery(input: $input) { id version position } }`;
const RECORD = `mutation($input: RecordDeliveryInput!) { recordDelivery(input: $input) { id version position } }`;
const CORRECT = `mutation($input: CorrectDeliveryInput!) { correctDelivery(input: $input) { id version position } }`;
const SCHEDULE = `mutation($input: ScheduleLiaisonMeetingInput!) { scheduleLiaisonMeeting(input: $input) { id version position } }`;
const HELD = `mutation($input: RecordMeetingHeldInput!) { recordMeetingHeld(input: $input) { id version position } }`;
const RAISE = `mutation($input: RaiseConcernInput!) { raiseConcern(input: $input) { id version position } }`;
const PICTURE = `query($filter: PictureFilter, $groupBy: [PictureDimension!]!, $asOf: DateTime) {
  whoWhatWhere(filter: $filter, groupBy: $groupBy, asOf: $asOf) {
    organization { id } sector location { pcode } month status deliveries targeted reached actionsInProgress presences actions } }`;
const GAPS = `query($adminCode: ID, $from: Date, $to: Date) { gaps(adminCode: $adminCode, from: $from, to: $to) {
  location { pcode name } sector concerns highestSeverity since } }`;
const OVERLAPS = `query($adminCode: ID, $from: Date, $to: Date) { overlaps(adminCode: $adminCode, from: $from, to: $to) {
  location { pcode } sector month organizations { id acronym } deliveries from to } }`;
const PICTURE_CHANGED = `subscription($adminCode: ID) { pictureChanged(adminCode: $adminCode) {
  organization { id } sector location { pcode } month status deliveries targeted reached } }`;
const DELIVERY_CHANGED = `subscription($adminCode: ID) { deliveryChanged(adminCode: $adminCode) {
  id status targetedBeneficiaries destination { pcode } reached { women men girls boys total breakdownRedacted } } }`;
const FIELDS = `query($name: String!) { __type(name: $name) { fields { name } } }`;

interface Watcher<T> {
  readonly received: T[];
  readonly errors: unknown[];
}

/** The same journey on embedded storage and with DATABASE_URL on PostgreSQL (log and read model). */
const journey = (storage: Storage) => () => {
  let platform: TestPlatform;
  let cleanup: () => Promise<void> = async () => undefined;
  const clients: Client[] = [];
  let admin: string;
  let wfp: { id: string; officer: string };
  let unicef: { id: string; officer: string };
  let amss: { id: string; officer: string };
  let mission: { id: string; liaison: string };
  let observer: string;
  let last = '0:0';

  const calls = graphqlCalls(
    () => platform,
    (payload) => (last = payload.position),
  );
  const { ok } = calls;
  /** A query answered once the picture has everything written so far (X-Min-Position). */
  const read = <T = any>(query: string, variables: Record<string, unknown>, token = observer) => calls.read<T>(query, variables, token, last);
  const register = async (name: string, acronym: string, kind: string) => (await ok(REGISTER, { name, acronym, kind }, admin)).id;
  const organization = async (name: string, acronym: string, kind: string) => {
    const id = await register(name, acronym, kind);
    return { id, officer: await platform.token(id, ['AGENCY_OFFICER'], `${acronym.toLowerCase()}-officer`) };
  };
  const watch = <T>(token: string, query: string, variables: Record<string, unknown>): Watcher<T> => {
    const client = createClient({
      url: `${platform.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
    });
    clients.push(client);
    const watcher: Watcher<T> = { received: [], errors: [] };
    client.subscribe<Record<string, T>>(
      { query, variables },
      {
        next: (result) => {
          if (result.errors) watcher.errors.push(result.errors);
          if (result.data) watcher.received.push(Object.values(result.data)[0]);
        },
        error: (error) => watcher.errors.push(error),
        complete: () => undefined,
      },
    );
    return watcher;
  };
  // graphql-transport-ws does not acknowledge a subscribe: the PubSub's listeners are the sign.
  const listeners = (trigger: string) => (platform.app.get(PUB_SUB) as unknown as { ee: EventEmitter }).ee.listenerCount(trigger);

  beforeAll(async () => {
    const prepared = await storage();
    cleanup = prepared.cleanup;
    platform = await startTestPlatform(prepared.env);
    admin = await platform.token('platform-admins', ['ADMIN']);
    wfp = await organization('World Food Programme', 'WFP', 'UN_AGENCY');
    unicef = await organization('United Nations Children’s Fund', 'UNICEF', 'UN_AGENCY');
    amss = await organization('Association Malienne pour la Survie au Sahel', 'AMSS', 'NGO');
    const missionId = await register('Mission multidimensionnelle intégrée au Mali', 'MINUSMA', 'PEACEKEEPING_MISSION');
    mission = { id: missionId, liaison: await platform.token(missionId, ['LIAISON_OFFICER'], 'minusma-liaison') };
    const observerOrg = await register('Office for the Coordination of Humanitarian Affairs', 'OCHA', 'UN_AGENCY');
    observer = await platform.token(observerOrg, ['OBSERVER'], 'ocha-im');
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await platform?.close();
    await cleanup();
  });

  it('shows who does what where, its gaps and overlaps, as of before a correction, and pushes every change live', async () => {
    const month = new Date().toISOString().slice(0, 7);
    const next = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) + 1, 0)).toISOString().slice(0, 10);
    const before = new Date().toISOString();

    // Live: an observer watches the Gao region's picture and Ansongo's deliveries; WFP watches Ansongo too.
    const gaoPicture = watch<any>(observer, PICTURE_CHANGED, { adminCode: 'ML07' });
    const ansongoForObserver = watch<any>(observer, DELIVERY_CHANGED, { adminCode: 'ML0701' });
    const ansongoForWfp = watch<any>(wfp.officer, DELIVERY_CHANGED, { adminCode: 'ML0701' });
    await eventually(async () => {
      expect(listeners(PICTURE_CHANGED_TRIGGER)).toBe(1);
      expect(listeners(DELIVERY_CHANGED_TRIGGER)).toBe(2);
    });

    const plan = (officer: string, sector: string, adminCode: string, day: string, targetedBeneficiaries: number) =>
      ok(PLAN, { sector, items: [{ commodity: 'Sorghum', quantity: 2, unit: 't' }], adminCode, plannedDate: `${month}-${day}`, targetedBeneficiaries }, officer);
    const sorghum = await plan(wfp.officer, 'FOOD_SECURITY', 'ML0701', '05', 1200);
    await ok(DISPATCH, { deliveryId: sorghum.id }, wfp.officer);
    await ok(RECORD, { deliveryId: sorghum.id, deliveredItems: [{ commodity: 'Sorghum', quantity: 2, unit: 't' }], reached: { women: 2, men: 1, girls: 1, boys: 1 } }, wfp.officer);
    await plan(unicef.officer, 'FOOD_SECURITY', 'ML0701', '07', 800);
    await plan(wfp.officer, 'HEALTH', 'ML0702', '12', 300);
    await plan(unicef.officer, 'SHELTER', 'ML0101', '15', 90);

    // pictureChanged: each cell as it stands, only inside the area watched.
    await eventually(async () =>
      expect(gaoPicture.received).toContainEqual({
        organization: { id: wfp.id }, sector: 'FOOD_SECURITY', location: { pcode: 'ML0701' }, month, status: 'DELIVERED', deliveries: 1, targeted: 1200, reached: 5,
      }),
    );
    expect(gaoPicture.received).toContainEqual(expect.objectContaining({ organization: { id: wfp.id }, status: 'PLANNED', deliveries: 0, targeted: 0 }));
    await eventually(async () => expect(gaoPicture.received).toContainEqual(expect.objectContaining({ sector: 'HEALTH', location: { pcode: 'ML0702' }, deliveries: 1 })));
    expect(gaoPicture.received.filter((row) => row.location.pcode === 'ML0101')).toEqual([]);
    // deliveryChanged: as aidDelivery would answer each reader, five people reached not broken down for outsiders.
    const latest = (watcher: Watcher<any>, id: string) => watcher.received.filter((delivery) => delivery.id === id).at(-1);
    await eventually(async () => {
      expect(latest(ansongoForObserver, sorghum.id)).toMatchObject({ status: 'DELIVERED', reached: { women: 0, total: 5, breakdownRedacted: true } });
      expect(latest(ansongoForWfp, sorghum.id)).toMatchObject({ status: 'DELIVERED', reached: { women: 2, total: 5, breakdownRedacted: false } });
    });
    expect(ansongoForObserver.received.every((delivery) => delivery.destination.pcode === 'ML0701')).toBe(true);
    expect([gaoPicture, ansongoForObserver, ansongoForWfp].flatMap((watcher) => watcher.errors)).toEqual([]);

    // Overlap: WFP and UNICEF both bring food to Ansongo this month.
    expect(await read(OVERLAPS, { adminCode: 'ML07' })).toEqual([
      {
        location: { pcode: 'ML0701' },
        sector: 'FOOD_SECURITY',
        month,
        organizations: [wfp.id, unicef.id].sort().map((id) => ({ id, acronym: id === wfp.id ? 'WFP' : 'UNICEF' })),
        deliveries: 2,
        from: `${month}-05`,
        to: `${month}-07`,
      },
    ]);

    // Gap: a sensitive WASH concern in Bourem with nobody on WASH there; closed once AMSS plans water.
    const meeting = await ok(SCHEDULE, { title: 'Réunion de liaison, Bourem', adminCode: 'ML0702', startsAt: new Date(Date.now() - 3_600_000).toISOString(), stakeholders: [{ name: 'Chef de village', group: 'community leaders' }] }, mission.liaison);
    await ok(HELD, { meetingId: meeting.id, attendanceWomen: 11, attendanceMen: 7 }, mission.liaison);
    const secret = 'The only borehole is controlled by an armed group that takes a share of the water';
    await ok(RAISE, { meetingId: meeting.id, sector: 'WASH', severity: 'HIGH', adminCode: 'ML0702', text: secret, sensitive: true }, mission.liaison);
    const window = { adminCode: 'ML07', from: `${month}-01`, to: next };
    const gaps = await read(GAPS, window);
    expect(gaps).toEqual([{ location: { pcode: 'ML0702', name: 'Bourem' }, sector: 'WASH', concerns: 1, highestSeverity: 'HIGH', since: expect.any(String) }]);
    // Whoever asks, a gap names no concern's words: the type has no field that could carry them.
    expect(JSON.stringify(await read(GAPS, window, mission.liaison))).not.toContain('borehole');
    expect((await read(FIELDS, { name: 'Gap' })).fields.map((field: { name: string }) => field.name).sort()).toEqual(['concerns', 'highestSeverity', 'location', 'sector', 'since']);
    await plan(amss.officer, 'WASH', 'ML0702', '20', 150);
    expect(await read(GAPS, window)).toEqual([]);

    // Who does what where at adm1 and adm2, as counted by hand; totals only, never a breakdown.
    const totals = { organization: null, sector: null, month: null, status: null, actionsInProgress: 0, presences: 0, actions: 0 };
    expect(await read(PICTURE, { groupBy: ['ADM1'] })).toEqual([
      { ...totals, location: { pcode: 'ML01' }, deliveries: 1, targeted: 90, reached: 0 },
      { ...totals, location: { pcode: 'ML07' }, deliveries: 4, targeted: 2450, reached: 5 },
    ]);
    const gaoBefore = [
      { ...totals, location: { pcode: 'ML0701' }, deliveries: 2, targeted: 2000, reached: 5 },
      { ...totals, location: { pcode: 'ML0702' }, deliveries: 2, targeted: 450, reached: 0 },
    ];
    expect(await read(PICTURE, { groupBy: ['ADM2'], filter: { adminCode: 'ML07' } })).toEqual(gaoBefore);
    expect((await read(FIELDS, { name: 'PictureRow' })).fields.map((field: { name: string }) => field.name)).not.toEqual(expect.arrayContaining(['women']));

    // A correction moves WFP's sorghum to Gao cercle and raises its target; as of before, the old figures.
    const beforeCorrection = new Date().toISOString();
    await eventually(async () => expect(new Date().toISOString() > beforeCorrection).toBe(true));
    await ok(CORRECT, { deliveryId: sorghum.id, reason: 'Trucks rerouted to Gao', targetedBeneficiaries: 1500, adminCode: 'ML0703' }, wfp.officer);
    expect(await read(PICTURE, { groupBy: ['ADM2'], filter: { adminCode: 'ML07' } })).toEqual([
      { ...totals, location: { pcode: 'ML0701' }, deliveries: 1, targeted: 800, reached: 0 },
      { ...totals, location: { pcode: 'ML0702' }, deliveries: 2, targeted: 450, reached: 0 },
      { ...totals, location: { pcode: 'ML0703' }, deliveries: 1, targeted: 1500, reached: 5 },
    ]);
    expect(await read(PICTURE, { groupBy: ['ADM2'], filter: { adminCode: 'ML07' }, asOf: beforeCorrection })).toEqual(gaoBefore);
    expect(await read(PICTURE, { groupBy: ['ADM2'], asOf: before })).toEqual([]);
    // WFP left Ansongo: no overlap any more.
    expect(await read(OVERLAPS, { adminCode: 'ML07' })).toEqual([]);
    await eventually(async () =>
      expect(gaoPicture.received).toContainEqual(expect.objectContaining({ organization: { id: wfp.id }, location: { pcode: 'ML0703' }, deliveries: 1, targeted: 1500 })),
    );

    // A mistyped area is refused at once rather than waited on forever.
    const lost = watch<any>(observer, PICTURE_CHANGED, { adminCode: 'ML9999' });
    await eventually(async () => expect(lost.errors).toEqual([[expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND', field: 'adminCode' }) })]]));
  });

  it('resolves the organisations and places of fifty rows in a constant number of queries', async () => {
    const districts = (await read<{ pcode: string }[]>(`query { locations(level: 2) { pcode } }`, {}))
      .map((location) => location.pcode)
      .filter((pcode) => pcode.startsWith('ML'))
      .slice(0, 25);
    expect(districts).toHaveLength(25);
    for (const adminCode of districts) {
      for (const agency of [wfp, unicef]) {
        await ok(PLAN, { sector: 'NUTRITION', items: [{ commodity: 'RUTF', quantity: 10, unit: 'carton' }], adminCode, plannedDate: '2026-05-01', targetedBeneficiaries: 40 }, agency.officer);
      }
    }
    const query = `query($filter: PictureFilter) { whoWhatWhere(filter: $filter, groupBy: [ORGANIZATION, ADM2]) {
      organization { id name acronym kind } location { pcode name parent { pcode name } } adm1 { name } country { pcode } deliveries } }`;
    const dataSource = platform.app.get<DataSource>(READ_MODEL_DATA_SOURCE);
    const queriesFor = async (filter: Record<string, unknown>) => {
      await read(query, { filter });
      const spy = jest.spyOn(dataSource.logger, 'logQuery');
      try {
        const rows = await read<any[]>(query, { filter });
        return { rows, queries: spy.mock.calls.length };
      } finally {
        spy.mockRestore();
      }
    };
    const fifty = await queriesFor({ sector: 'NUTRITION', adminCode: 'MLI' });
    expect(fifty.rows).toHaveLength(50);
    expect(fifty.rows.every((row) => row.organization.acronym && row.location.parent.pcode === row.location.pcode.slice(0, 4) && row.country.pcode === 'MLI')).toBe(true);
    const two = await queriesFor({ sector: 'NUTRITION', adminCode: districts[0] });
    expect(two.rows).toHaveLength(2);
    // The area's look-up, the grouped rows, the organisations, the places, their parents.
    expect(fifty.queries).toBeGreaterThanOrEqual(3);
    expect(fifty.queries).toBeLessThanOrEqual(5);
    expect(fifty.queries).toBe(two.queries);
  });
};

describeOnEachStorage('the shared picture over HTTP and WebSocket', journey);
