import { Client } from 'pg';
import { createTestDatabase, describeWithPostgres, TestDatabase } from '@coord/test-support';
import { graphqlCalls } from '../support/graphql-calls';
import { startTestPlatform, TestPlatform } from '../support/platform';

const REGISTER = `mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id version position } }`;
const PLAN = `mutation($input: PlanDeliveryInput!) { planDelivery(input: $input) { id version position } }`;
const FORM = `mutation($input: FormCommitteeInput!) { formCommittee(input: $input) { id version position } }`;
const SCHEDULE = `mutation($input: ScheduleLiaisonMeetingInput!) { scheduleLiaisonMeeting(input: $input) { id version position } }`;
const DELIVERY = `query($id: ID!) { aidDelivery(id: $id) { implementingPartner { id name } destination { pcode parent { pcode } } } }`;
const ORGANIZATIONS = `{ organizations { id } }`;
const COMMUNES = `{ locations(parentCode: "ML0701") { pcode } }`;
const PICTURE = `query($groupBy: [PictureDimension!]!) { whoWhatWhere(groupBy: $groupBy) { location { pcode } deliveries } }`;

/**
 * The CI failure this guards against: a command naming an organisation or a place registered a
 * moment ago was refused NOT_FOUND because the read model had not applied it yet. On PostgreSQL the
 * log reader stops below the oldest open transaction of the whole cluster, so one transaction held
 * open here keeps the read model behind for as long as the test needs, deterministically.
 */
describeWithPostgres('commands that name records the read model has not applied yet', () => {
  let database: TestDatabase;
  let platform: TestPlatform;
  let admin: string;
  let officer: string;
  let agencyId: string;
  let last = '0:0';
  const { ok, refused, read } = graphqlCalls(
    () => platform,
    (payload) => (last = payload.position),
  );
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    database = await createTestDatabase();
    platform = await startTestPlatform({ DATABASE_URL: database.url });
    admin = await platform.token('platform-admins', ['ADMIN']);
    const agency = await ok(REGISTER, { name: 'World Food Programme', acronym: 'WFP', kind: 'UN_AGENCY' }, admin);
    agencyId = agency.id;
    officer = await platform.token(agency.id, ['AGENCY_OFFICER', 'LIAISON_OFFICER'], 'wfp-officer');
  });
  afterAll(async () => {
    await platform?.close();
    await database?.drop();
  });

  it('accepts an organisation and a commune registered while the read model lags, and still refuses unknown ones', async () => {
    const holder = new Client({ connectionString: database.url });
    await holder.connect();
    let delivery: { id: string; position: string };
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT pg_current_xact_id()');

      const partner = await ok(REGISTER, { name: 'Association Malienne pour la Survie au Sahel', acronym: 'AMSS', kind: 'NGO' }, admin);
      const imported = await fetch(`${platform.url}/imports/locations`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', authorization: `Bearer ${admin}` },
        body: 'pcode,name,level,parentPcode,latitude,longitude\nML070199,Fafa,3,ML0701,,\n',
      });
      expect(await imported.json()).toEqual({ rows: 1, registered: 1, updated: 0, unchanged: 0 });
      const hostToken = await platform.token(partner.id, ['LIAISON_OFFICER'], 'amss-liaison');

      const applied = async () => ({
        organizations: (await platform.graphql(ORGANIZATIONS, {}, { token: admin })).data.organizations.map((row: { id: string }) => row.id),
        communes: (await platform.graphql(COMMUNES, {}, { token: admin })).data.locations.map((row: { pcode: string }) => row.pcode),
      });
      const lagging = () =>
        expect(applied()).resolves.toEqual({
          organizations: expect.not.arrayContaining([partner.id]),
          communes: expect.not.arrayContaining(['ML070199']),
        });
      await lagging();

      const planInput = {
        sector: 'FOOD_SECURITY',
        items: [{ commodity: 'Sorghum', quantity: 2, unit: 't' }],
        adminCode: 'ML070199',
        plannedDate: tomorrow,
        targetedBeneficiaries: 300,
        implementingPartnerId: partner.id,
      };
      delivery = await ok(PLAN, planInput, officer);
      await ok(FORM, { name: 'Comité de Fafa', chairId: partner.id, memberIds: [partner.id, agencyId], adminCode: 'ML070199' }, hostToken);
      // The host in the token is the organisation registered a moment ago.
      const stakeholders = [{ name: 'Chef de village de Fafa', group: 'community leaders' }];
      await ok(SCHEDULE, { title: 'Réunion de liaison, Fafa', adminCode: 'ML070199', startsAt: `${tomorrow}T10:00:00Z`, stakeholders }, hostToken);

      await refused(PLAN, { ...planInput, implementingPartnerId: 'Organization-unregistered' }, officer, 'NOT_FOUND', { field: 'implementingPartnerId' });
      await refused(PLAN, { ...planInput, adminCode: 'ML070198' }, officer, 'NOT_FOUND', { field: 'adminCode' });
      await refused(
        SCHEDULE,
        { title: 'x', adminCode: 'ML070199', startsAt: `${tomorrow}T10:00:00Z`, stakeholders },
        await platform.token('Organization-unregistered', ['LIAISON_OFFICER']),
        'FORBIDDEN',
      );

      // Every command above was decided while the read model still lacked both records.
      await lagging();
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }

    const planned = await read<{ implementingPartner: { name: string }; destination: { pcode: string; parent: { pcode: string } } }>(
      DELIVERY,
      { id: delivery.id },
      officer,
      delivery.position,
    );
    expect(planned).toEqual({
      implementingPartner: { id: expect.any(String), name: 'Association Malienne pour la Survie au Sahel' },
      destination: { pcode: 'ML070199', parent: { pcode: 'ML0701' } },
    });
    // The picture follows the read model on its own; waiting for it here lets the platform close idle.
    expect(await read(PICTURE, { groupBy: ['ADM1'] }, officer, last)).toEqual(expect.arrayContaining([{ location: { pcode: 'ML07' }, deliveries: 1 }]));
  });
});
