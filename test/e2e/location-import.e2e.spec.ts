import { EVENT_STORE, EventStore } from '@coord/event-store';
import { startTestPlatform, TestPlatform } from '../support/platform';

const LOCATIONS = `{ locations(parentCode: "ML0701") { pcode name level latitude longitude parent { pcode } } }`;

describe('POST /imports/locations', () => {
  let platform: TestPlatform;
  let store: EventStore;
  let admin: string;

  const post = (csv: string, token: string | null = admin, contentType = 'text/csv') =>
    fetch(`${platform.url}/imports/locations`, {
      method: 'POST',
      headers: { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: csv,
    });
  const communes = async () => {
    const head = (await store.headPosition())!;
    const response = await platform.graphql(LOCATIONS, {}, { token: admin, headers: { 'x-min-position': head } });
    return (response.data.locations as Array<{ pcode: string; level: number; name: string; latitude: number | null }>).filter(
      (location) => location.pcode.startsWith('ML0701'),
    );
  };

  beforeAll(async () => {
    platform = await startTestPlatform();
    store = platform.app.get(EVENT_STORE);
    admin = await platform.token('admins', ['ADMIN']);
  });
  afterAll(() => platform?.close());

  it('serves the bundled global gazetteer (156 countries) from the first start', async () => {
    const response = await platform.graphql('{ locations(level: 0) { pcode name } }', {}, { token: admin });
    expect(response.data.locations).toHaveLength(156);
    expect(response.data.locations).toEqual(
      expect.arrayContaining([
        { pcode: 'CAF', name: 'Central African Republic' },
        { pcode: 'HTI', name: 'Haiti' },
        { pcode: 'MLI', name: 'Mali' },
        { pcode: 'AFG', name: 'AFG' },
      ]),
    );
    const afghanistan = await platform.graphql('{ locations(level: 1, parentCode: "AFG") { pcode } }', {}, { token: admin });
    expect(afghanistan.data.locations).toHaveLength(34);
    const regions = await platform.graphql('{ locations(level: 1, parentCode: "MLI") { pcode } }', {}, { token: admin });
    expect(regions.data.locations).toHaveLength(10);
    const cercles = await platform.graphql('{ locations(level: 2, parentCode: "ML07") { pcode name parent { name parent { pcode } } } }', {}, { token: admin });
    expect(cercles.data.locations).toEqual(
      expect.arrayContaining([{ pcode: 'ML0701', name: 'Ansongo', parent: { name: 'Gao', parent: { pcode: 'MLI' } } }]),
    );
  });

  it('imports communes under known districts, updates names on re-import and is otherwise idempotent', async () => {
    const csv = 'pcode,name,level,parentPcode,latitude,longitude\nML070101,Ansongo,3,ML0701,15.66,0.50\nML070102,Bara,3,ML0701,,\n';
    const first = await post(csv);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ rows: 2, registered: 2, updated: 0, unchanged: 0 });
    expect(await communes()).toEqual([
      { pcode: 'ML070101', name: 'Ansongo', level: 3, latitude: 15.66, longitude: 0.5, parent: { pcode: 'ML0701' } },
      { pcode: 'ML070102', name: 'Bara', level: 3, latitude: null, longitude: null, parent: { pcode: 'ML0701' } },
    ]);

    const head = await store.headPosition();
    const again = await post(csv);
    expect(await again.json()).toEqual({ rows: 2, registered: 0, updated: 0, unchanged: 2 });
    expect(await store.headPosition()).toBe(head);

    const renamed = await post('pcode,name,level,parentPcode,latitude,longitude\nML070102,Bara (Ansongo),3,ML0701,,\n');
    expect(await renamed.json()).toEqual({ rows: 1, registered: 0, updated: 1, unchanged: 0 });
    expect((await communes()).find((location) => location.pcode === 'ML070102')?.name).toBe('Bara (Ansongo)');
  });

  it('rejects a file with any bad row as a whole, naming each row, and records nothing', async () => {
    const head = await store.headPosition();
    const response = await post(
      [
        'pcode,name,level,parentPcode,latitude,longitude',
        'ML070103,Ouattagouna,3,ML0701,15.2,0.7',
        'ML070104,,3,ML0701,,',
        'ML070105,Tin Hama,3,ML9999,,',
        'ML070106,Tessit,3,ML0701,95,0',
        'ML070107,Talataye,9,ML0701,,',
        'ml070108,lower,3,ML0701,,',
      ].join('\n'),
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; rejections: Array<{ row: number; reason: string }> } };
    expect(body.error.code).toBe('BAD_USER_INPUT');
    expect(body.error.rejections.map((rejection) => rejection.row)).toEqual([3, 4, 5, 6, 7]);
    expect(body.error.rejections[1].reason).toMatch(/ML9999/);
    expect(await store.headPosition()).toBe(head);
  });

  it('refuses a missing header, a non-CSV body, anonymous callers and non-admins', async () => {
    expect((await post('code,label\nX,Y')).status).toBe(400);
    expect((await post('', admin)).status).toBe(400);
    expect((await post('pcode,name,level,parentPcode,latitude,longitude\n', null)).status).toBe(401);
    const officer = await platform.token('some-agency', ['AGENCY_OFFICER']);
    const forbidden = await post('pcode,name,level,parentPcode,latitude,longitude\nML070109,X,3,ML0701,,\n', officer);
    expect(forbidden.status).toBe(403);
    expect(((await forbidden.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
  });
});
