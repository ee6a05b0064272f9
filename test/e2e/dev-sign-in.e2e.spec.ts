import { request as httpRequest } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createTestDatabase, describeWithPostgres, TestDatabase } from '@coord/test-support';
import { startTestPlatform, TestPlatform } from '../support/platform';

const REGISTER = `mutation ($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id position } }`;

const json = async (response: Response): Promise<any> => response.json();

/** A request whose answer is read as raw bytes (no automatic decompression). */
const rawGet = (url: string, options: { method?: string; headers: Record<string, string>; body?: string }) =>
  new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
    const outgoing = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
    });
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });

const post = (platform: TestPlatform, path: string, body: unknown) =>
  fetch(`${platform.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('development sign-in (embedded)', () => {
  let platform: TestPlatform;
  let agencyId: string;

  beforeAll(async () => {
    platform = await startTestPlatform();
    const admin = await platform.token('mission', ['ADMIN']);
    const registered = await platform.graphql(REGISTER, { input: { name: 'World Food Programme', acronym: 'WFP', kind: 'UN_AGENCY' } }, { token: admin });
    expect(registered.errors).toBeUndefined();
    agencyId = registered.data.registerOrganization.id;
    // The picker reads the read model: wait until it has applied the registration.
    const seen = await fetch(`${platform.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}`, 'x-min-position': registered.data.registerOrganization.position },
      body: JSON.stringify({ query: '{ organizations { id } }' }),
    });
    expect(seen.status).toBe(200);
  });

  afterAll(() => platform?.close());

  it('lists the registered organisations for the picker, without a token', async () => {
    const response = await fetch(`${platform.url}/auth/dev/organizations`);
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body.organizations).toEqual([{ id: agencyId, name: 'World Food Programme', acronym: 'WFP', kind: 'UN_AGENCY' }]);
  });

  it('signs a token the API accepts, carrying the organisation, roles and name asked for', async () => {
    const response = await post(platform, '/auth/dev/token', { organizationId: agencyId, roles: ['AGENCY_OFFICER'], name: 'Awa Traoré' });
    expect(response.status).toBe(200);
    const { token } = await json(response);
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
    expect(claims).toMatchObject({ org: agencyId, roles: ['AGENCY_OFFICER'], name: 'Awa Traoré' });
    expect(claims.sub).toMatch(/^dev:/);
    // The token works: an agency officer of this organisation may plan a delivery.
    const planned = await platform.graphql(
      `mutation ($input: PlanDeliveryInput!) { planDelivery(input: $input) { id } }`,
      { input: { sector: 'FOOD_SECURITY', items: [{ commodity: 'Rice', quantity: 10, unit: 'mt' }], adminCode: 'ML0701', plannedDate: '2026-05-01', targetedBeneficiaries: 100 } },
      { token },
    );
    expect(planned.errors).toBeUndefined();
  });

  it('lets an ADMIN sign in for an organisation that is not registered', async () => {
    const response = await post(platform, '/auth/dev/token', { organizationId: 'mission-hq', roles: ['ADMIN'] });
    expect(response.status).toBe(200);
  });

  it.each([
    [{ roles: ['AGENCY_OFFICER'] }, 400, 'BAD_USER_INPUT', 'organizationId'],
    [{ organizationId: 'x', roles: [] }, 400, 'BAD_USER_INPUT', 'roles'],
    [{ organizationId: 'x', roles: ['SUPERUSER'] }, 400, 'BAD_USER_INPUT', 'roles[0]'],
    [{ organizationId: 'x', roles: ['OBSERVER'], name: 'n'.repeat(101) }, 400, 'BAD_USER_INPUT', 'name'],
    [{ organizationId: 'unknown-org', roles: ['OBSERVER'] }, 404, 'NOT_FOUND', 'organizationId'],
  ])('refuses %j with %i %s naming %s', async (body, status, code, field) => {
    const response = await post(platform, '/auth/dev/token', body);
    expect(response.status).toBe(status);
    const { error } = await json(response);
    expect(error).toMatchObject({ code, field });
  });
});

describeWithPostgres('development sign-in outside the embedded default', () => {
  let platform: TestPlatform;
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    platform = await startTestPlatform({ DATABASE_URL: database.url });
  });

  afterAll(async () => {
    await platform?.close();
    await database?.drop();
  });

  it('is not there: both endpoints answer 404 NOT_FOUND', async () => {
    const organizations = await fetch(`${platform.url}/auth/dev/organizations`);
    expect(organizations.status).toBe(404);
    expect((await json(organizations)).error.code).toBe('NOT_FOUND');
    const token = await post(platform, '/auth/dev/token', { organizationId: 'mission-hq', roles: ['ADMIN'] });
    expect(token.status).toBe(404);
    expect((await json(token)).error.code).toBe('NOT_FOUND');
  });
});

describe('development sign-in with OpenID Connect configured (embedded storage, AUTH_JWKS_URL)', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    // The JWKS is fetched only when a token is verified; none is here.
    platform = await startTestPlatform({ AUTH_JWKS_URL: 'http://127.0.0.1:9/jwks.json', AUTH_ISSUER: 'https://idp.example', AUTH_AUDIENCE: 'coordination' });
  });

  afterAll(() => platform?.close());

  it('is not there: tokens come from the identity provider, not from this server', async () => {
    expect((await fetch(`${platform.url}/auth/dev/organizations`)).status).toBe(404);
    const token = await post(platform, '/auth/dev/token', { organizationId: 'mission-hq', roles: ['ADMIN'] });
    expect(token.status).toBe(404);
    expect((await json(token)).error.code).toBe('NOT_FOUND');
  });
});

describe('the dashboard served at /', () => {
  let platform: TestPlatform;
  let distDir: string;
  const asset = '/assets/index-AbCdEf12.js';
  const script = `console.log(${JSON.stringify('dashboard '.repeat(400))});\n`;

  beforeAll(async () => {
    // A build of our own, so the test does not depend on (or wait for) `npm run build:web`.
    distDir = mkdtempSync(join(tmpdir(), 'coord-web-dist-'));
    mkdirSync(join(distDir, 'assets'));
    writeFileSync(join(distDir, 'index.html'), `<!doctype html><html><body><script type="module" src="${asset}"></script></body></html>`);
    writeFileSync(join(distDir, asset), script);
    process.env.WEB_DIST_DIR = distDir;
    try {
      platform = await startTestPlatform();
    } finally {
      delete process.env.WEB_DIST_DIR;
    }
  });

  afterAll(async () => {
    await platform?.close();
    rmSync(distDir, { recursive: true, force: true });
  });

  it('answers index.html at / to be revalidated, and hashed assets cached for a year, compressed', async () => {
    const page = await fetch(`${platform.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(await page.text()).toContain(asset);

    const etag = page.headers.get('etag')!;
    const again = await fetch(`${platform.url}/`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);

    // Node's fetch would decompress on its own: read the bytes as they travel.
    const raw = await rawGet(`${platform.url}${asset}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(raw.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(raw.headers['content-type']).toMatch(/^text\/javascript/);
    expect(raw.headers['content-encoding']).toBe('gzip');
    expect(raw.body.length).toBeLessThan(script.length / 5);
    expect(gunzipSync(raw.body).toString('utf8')).toBe(script);
  });

  it('shadows none of the API: /graphql, /health, /metrics and /auth answer as before', async () => {
    writeFileSync(join(distDir, 'graphql'), 'not the API');
    const token = await platform.token('mission', ['ADMIN']);
    const graphql = await platform.graphql('{ __typename }', {}, { token });
    expect(graphql.data).toEqual({ __typename: 'Query' });
    expect(await (await fetch(`${platform.url}/graphql`)).text()).not.toContain('not the API');
    expect((await fetch(`${platform.url}/health/live`)).status).toBe(200);
    expect(await (await fetch(`${platform.url}/metrics`)).text()).toContain('# HELP');
    expect((await fetch(`${platform.url}/auth/dev/organizations`)).headers.get('content-type')).toMatch(/json/);
  });

  it('compresses large GraphQL answers for clients that accept it', async () => {
    const token = await platform.token('mission', ['ADMIN']);
    const response = await rawGet(`${platform.url}/graphql`, {
      method: 'POST',
      headers: { 'accept-encoding': 'gzip', 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ locations(level: 1) { pcode name } }' }),
    });
    expect(response.headers['content-encoding']).toBe('gzip');
    const json = gunzipSync(response.body).toString('utf8');
    // Every gazetteer a suite loads (the global one, or three countries on PostgreSQL) has 30+ regions.
    expect(JSON.parse(json).data.locations.length).toBeGreaterThan(30);
    expect(response.body.length).toBeLessThan(json.length / 2);
  });

  it('neither falls back to index.html for unknown paths nor leaves the build directory', async () => {
    expect((await fetch(`${platform.url}/deliveries/123`)).status).toBe(404);
    expect((await fetch(`${platform.url}/assets/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
    expect((await fetch(`${platform.url}/assets/missing-AbCdEf12.js`)).status).toBe(404);
  });

  it('answers 503 with how to build it when the build is missing', async () => {
    rmSync(join(distDir, 'index.html'));
    const page = await fetch(`${platform.url}/`);
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('npm run build:web');
  });
});
