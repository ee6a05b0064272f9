import { graphqlCalls } from '../support/graphql-calls';
import { eventually, startTestPlatform, TestPlatform } from '../support/platform';
import { describeOnEachStorage, Storage } from '../support/storage';

const PLAN = `mutation($input: PlanDeliveryInput!) { planDelivery(input: $input) { id version position } }`;
const DISPATCH = `mutation($input: DispatchDeliveryInput!) { dispatchDelivery(input: $input) { id version position } }`;
const RECORD = `mutation($input: RecordDeliveryInput!) { recordDelivery(input: $input) { id version position } }`;
const CONFIRM = `mutation($input: ConfirmDeliveryInput!) { confirmDelivery(input: $input) { id version position } }`;
const FAIL = `mutation($input: ReportDeliveryFailedInput!) { reportDeliveryFailed(input: $input) { id version position } }`;
const CANCEL = `mutation($input: CancelDeliveryInput!) { cancelDelivery(input: $input) { id version position } }`;
const CORRECT = `mutation($input: CorrectDeliveryInput!) { correctDelivery(input: $input) { id version position } }`;
const REGISTER = `mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id version position } }`;
const DELIVERY = `query($id: ID!) { aidDelivery(id: $id) {
  id status version targetedBeneficiaries failureReason
  agency { id acronym } implementingPartner { id } confirmedBy { id acronym }
  destination { pcode name level parent { pcode name } }
  items { commodity quantity unit } deliveredItems { commodity quantity unit }
  reached { women men girls boys total breakdownRedacted } } }`;
const HISTORY = `query($id: ID!) { history(id: $id) { position version type occurredAt actor organization { id acronym } data } }`;

/** The same journey on embedded storage and with DATABASE_URL on PostgreSQL (log and read model). */
const lifecycle = (storage: Storage) => () => {
  let platform: TestPlatform;
  let cleanup: () => Promise<void> = async () => undefined;
  let admin: string;
  let agency: { id: string; officer: string; observer: string };
  let community: { id: string; focalPoint: string };
  let government: { id: string; counterpart: string };
  let partnerId: string;

  const { ok, refused, read: readQuery } = graphqlCalls(() => platform);
  const read = (id: string, token: string, position?: string) => readQuery(DELIVERY, { id }, token, position);
  const register = async (name: string, acronym: string, kind: string) =>
    (await ok(REGISTER, { name, acronym, kind }, admin)).id;

  beforeAll(async () => {
    const prepared = await storage();
    cleanup = prepared.cleanup;
    platform = await startTestPlatform(prepared.env);
    admin = await platform.token('platform-admins', ['ADMIN']);
    const agencyId = await register('World Food Programme', 'WFP', 'UN_AGENCY');
    partnerId = await register('Association Malienne pour la Survie au Sahel', 'AMSS', 'NGO');
    const communityId = await register('Association des femmes de Gao', 'AFG', 'COMMUNITY');
    const governmentId = await register('Ministère de la Solidarité et de l’Action humanitaire', 'MSAH', 'HOST_GOVERNMENT');
    agency = {
      id: agencyId,
      officer: await platform.token(agencyId, ['AGENCY_OFFICER'], 'wfp-logistician'),
      observer: await platform.token(agencyId, ['OBSERVER'], 'wfp-intern'),
    };
    community = { id: communityId, focalPoint: await platform.token(communityId, ['COMMUNITY_FOCAL_POINT'], 'afg-focal') };
    government = { id: governmentId, counterpart: await platform.token(governmentId, ['GOVERNMENT_COUNTERPART'], 'msah-desk') };
  });

  afterAll(async () => {
    await platform?.close();
    await cleanup();
  });

  it('carries a delivery from plan to confirmation, refusing every forbidden move', async () => {
    const planInput = {
      sector: 'FOOD_SECURITY',
      items: [{ commodity: 'Sorghum', quantity: 12.5, unit: 't' }],
      adminCode: 'ML0701',
      plannedDate: '2026-12-01',
      targetedBeneficiaries: 1500,
      implementingPartnerId: partnerId,
    };
    // Only an agency officer plans, and only for the organisation in its token.
    await refused(PLAN, planInput, community.focalPoint, 'FORBIDDEN');
    await refused(PLAN, planInput, agency.observer, 'FORBIDDEN');
    const planned = await ok(PLAN, planInput, agency.officer);
    expect(planned.version).toBe(1);

    const afterPlan = await read(planned.id, government.counterpart, planned.position);
    expect(afterPlan).toMatchObject({
      status: 'PLANNED',
      version: 1,
      targetedBeneficiaries: 1500,
      agency: { id: agency.id, acronym: 'WFP' },
      implementingPartner: { id: partnerId },
      destination: { pcode: 'ML0701', level: 2, parent: { pcode: 'ML07', name: 'Gao' } },
      items: [{ commodity: 'Sorghum', quantity: 12.5, unit: 't' }],
      reached: null,
      confirmedBy: null,
    });

    // Nobody but the owning agency moves it; nothing is confirmed before it is delivered.
    await refused(DISPATCH, { deliveryId: planned.id }, government.counterpart, 'FORBIDDEN');
    await refused(RECORD, { deliveryId: planned.id, deliveredItems: planInput.items, reached: { women: 1, men: 1, girls: 1, boys: 1 } }, agency.officer, 'INVALID_TRANSITION');
    const dispatched = await ok(DISPATCH, { deliveryId: planned.id, expectedVersion: 1 }, agency.officer);
    expect(dispatched.version).toBe(2);
    await refused(DISPATCH, { deliveryId: planned.id }, agency.officer, 'INVALID_TRANSITION');
    await refused(CONFIRM, { deliveryId: planned.id }, community.focalPoint, 'INVALID_TRANSITION');

    const recorded = await ok(
      RECORD,
      { deliveryId: planned.id, deliveredItems: [{ commodity: 'Sorghum', quantity: 12, unit: 't' }], reached: { women: 520, men: 410, girls: 300, boys: 270 } },
      agency.officer,
    );
    // The delivering organisation and its partner never confirm their own delivery.
    await refused(CONFIRM, { deliveryId: planned.id }, agency.officer, 'FORBIDDEN');
    await refused(CONFIRM, { deliveryId: planned.id }, await platform.token(partnerId, ['AGENCY_OFFICER', 'COMMUNITY_FOCAL_POINT']), 'FORBIDDEN');
    // A stale expected version is a conflict, and changes nothing.
    const stale = await refused(CONFIRM, { deliveryId: planned.id, expectedVersion: 1 }, community.focalPoint, 'CONFLICT');
    expect(stale.extensions?.reason).toBe('WRONG_EXPECTED_VERSION');

    const confirmed = await ok(CONFIRM, { deliveryId: planned.id, expectedVersion: recorded.version, commandId: 'afg-confirm-1' }, community.focalPoint);
    // The same commandId again answers the first result and records nothing.
    const repeated = await ok(CONFIRM, { deliveryId: planned.id, commandId: 'afg-confirm-1' }, community.focalPoint);
    expect(repeated).toEqual(confirmed);

    const afterConfirm = await read(planned.id, government.counterpart, confirmed.position);
    expect(afterConfirm).toMatchObject({
      status: 'CONFIRMED',
      version: 4,
      confirmedBy: { id: community.id, acronym: 'AFG' },
      deliveredItems: [{ commodity: 'Sorghum', quantity: 12, unit: 't' }],
      reached: { women: 520, men: 410, girls: 300, boys: 270, total: 1500, breakdownRedacted: false },
    });
    await refused(CANCEL, { deliveryId: planned.id, reason: 'too late' }, agency.officer, 'INVALID_TRANSITION');

    // A correction of what was delivered withdraws the confirmation; the original stays in the history.
    const corrected = await ok(
      CORRECT,
      { deliveryId: planned.id, reason: 'Distribution list recount', reached: { women: 530, men: 400, girls: 300, boys: 270 } },
      agency.officer,
    );
    const afterCorrection = await read(planned.id, government.counterpart, corrected.position);
    expect(afterCorrection).toMatchObject({ status: 'DELIVERED', confirmedBy: null, reached: { women: 530, men: 400, total: 1500 } });
    const reconfirmed = await ok(CONFIRM, { deliveryId: planned.id }, government.counterpart);
    expect((await read(planned.id, community.focalPoint, reconfirmed.position)).confirmedBy.id).toBe(government.id);

    const history = await platform.graphql(HISTORY, { id: planned.id }, { token: community.focalPoint, headers: { 'x-min-position': reconfirmed.position } });
    expect(history.errors).toBeUndefined();
    const entries = history.data.history as Array<{ type: string; version: number; actor: string; organization: { id: string }; data: string }>;
    expect(entries.map((entry) => entry.type)).toEqual([
      'DeliveryPlanned',
      'DeliveryDispatched',
      'DeliveryRecorded',
      'DeliveryConfirmed',
      'DeliveryCorrected',
      'DeliveryConfirmed',
    ]);
    expect(entries.map((entry) => entry.version)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(entries[3]).toMatchObject({ actor: 'afg-focal', organization: { id: community.id } });
    expect(JSON.parse(entries[2].data).reached).toEqual({ women: 520, men: 410, girls: 300, boys: 270 });
    expect(JSON.parse(entries[4].data)).toMatchObject({
      reason: 'Distribution list recount',
      previous: { reached: { women: 520, men: 410, girls: 300, boys: 270 } },
      changes: { reached: { women: 530, men: 400, girls: 300, boys: 270 } },
      confirmationWithdrawn: true,
    });
  });

  it('records failures and cancellations, and lists deliveries by area and status', async () => {
    const base = { sector: 'HEALTH', items: [{ commodity: 'IEHK kit', quantity: 2, unit: 'kit' }], plannedDate: '2026-12-05', targetedBeneficiaries: 8 };
    const blocked = await ok(PLAN, { ...base, adminCode: 'ML0702' }, agency.officer);
    await ok(DISPATCH, { deliveryId: blocked.id }, agency.officer);
    await refused(FAIL, { deliveryId: blocked.id, reason: 'FLOODED_ROAD' }, agency.officer, 'BAD_USER_INPUT');
    const failed = await ok(FAIL, { deliveryId: blocked.id, reason: 'INSECURITY', note: 'Convoy turned back at the checkpoint' }, agency.officer);
    const cancelled = await ok(CANCEL, { deliveryId: (await ok(PLAN, { ...base, adminCode: 'CF111' }, agency.officer)).id, reason: 'Duplicate of UNICEF kit' }, agency.officer);

    const list = async (filter: Record<string, unknown>) => {
      const response = await platform.graphql(
        `query($filter: PictureFilter) { aidDeliveries(filter: $filter, first: 50) { totalCount nodes { id status failureReason } pageInfo { hasNextPage endCursor } } }`,
        { filter },
        { token: government.counterpart, headers: { 'x-min-position': cancelled.position } },
      );
      expect(response.errors).toBeUndefined();
      return response.data.aidDeliveries;
    };
    const inGao = await list({ adminCode: 'ML07' });
    expect(inGao.totalCount).toBe(2);
    expect(inGao.nodes.find((node: { id: string }) => node.id === failed.id)).toMatchObject({ status: 'FAILED', failureReason: 'INSECURITY' });
    expect((await list({ adminCode: 'CAF' })).nodes.map((node: { status: string }) => node.status)).toEqual(['CANCELLED']);
    expect((await list({ status: ['FAILED', 'CANCELLED'] })).totalCount).toBe(2);
    expect((await list({ sector: 'HEALTH', adminCode: 'ML0702' })).totalCount).toBe(1);

    // Eight people: outsiders see the total, not who they were; the agency sees everything.
    await ok(DISPATCH, { deliveryId: (await ok(PLAN, { ...base, adminCode: 'HT0111' }, agency.officer)).id }, agency.officer).then(async (dispatched) => {
      const recorded = await ok(RECORD, { deliveryId: dispatched.id, deliveredItems: base.items, reached: { women: 3, men: 1, girls: 2, boys: 2 } }, agency.officer);
      expect((await read(dispatched.id, government.counterpart, recorded.position)).reached).toEqual({
        women: 0, men: 0, girls: 0, boys: 0, total: 8, breakdownRedacted: true,
      });
      expect((await read(dispatched.id, agency.officer)).reached).toEqual({ women: 3, men: 1, girls: 2, boys: 2, total: 8, breakdownRedacted: false });
    });
  });

  it('answers nothing without a valid token, and unknown ids with NOT_FOUND', async () => {
    const anonymous = await platform.graphql(`{ organizations { id } }`);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const forged = await platform.graphql(`{ organizations { id } }`, {}, { token: 'eyJhbGciOiJIUzI1NiJ9.e30.forged' });
    expect(forged.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await refused(DISPATCH, { deliveryId: 'AidDelivery-00000000-0000-0000-0000-000000000000' }, agency.officer, 'NOT_FOUND');
    const missing = await platform.graphql(DELIVERY, { id: 'AidDelivery-nope' }, { token: agency.officer });
    expect(missing.data.aidDelivery).toBeNull();
    const health = await fetch(`${platform.url}/health/ready`);
    expect(health.status).toBe(200);
    await eventually(async () => {
      const metrics = await (await fetch(`${platform.url}/metrics`)).text();
      expect(metrics).toMatch(/coordination_commands_total\{type="ConfirmDelivery",outcome="FORBIDDEN"\} [1-9]/);
      expect(metrics).toMatch(/coordination_commands_total\{type="PlanDelivery",outcome="accepted"\} [1-9]/);
      expect(metrics).toMatch(/coordination_projection_lag_events 0/);
    });
  });
};

describeOnEachStorage('aid delivery lifecycle over HTTP, as an agency, a community and the host government', lifecycle);
