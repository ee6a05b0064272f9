import { loadOrCreateDevSecret, signDevToken } from '@coord/auth';
import type { Role } from '@coord/kernel';
import { loadPlatformConfig } from '@coord/runtime';
import { startPlatform } from '../bootstrap';

/**
 * `npm run seed`: demo organisations and deliveries in three countries, through the public API, so
 * a newcomer sees a living picture. Uses the running platform when one answers on PORT, otherwise
 * starts one on the same data directory for the duration. Every command carries a fixed commandId,
 * so seeding twice records nothing new.
 */
const ORGANIZATIONS = [
  { acronym: 'MINUSMA', name: 'Mission multidimensionnelle intégrée des Nations Unies pour la stabilisation au Mali', kind: 'PEACEKEEPING_MISSION' },
  { acronym: 'WFP', name: 'World Food Programme', kind: 'UN_AGENCY' },
  { acronym: 'UNICEF', name: "United Nations Children's Fund", kind: 'UN_AGENCY' },
  { acronym: 'NRC', name: 'Norwegian Refugee Council', kind: 'NGO' },
  { acronym: 'AMSS', name: 'Association Malienne pour la Survie au Sahel', kind: 'NGO' },
  { acronym: 'MSAH', name: "Ministère de la Solidarité et de l'Action Humanitaire (Mali)", kind: 'HOST_GOVERNMENT' },
  { acronym: 'AFG', name: 'Association des femmes de Gao', kind: 'COMMUNITY' },
  { acronym: 'CRF-CAF', name: 'Comité de relèvement de Bimbo', kind: 'CIVIL_SOCIETY' },
] as const;

const PLACES = ['ML0701', 'ML0702', 'ML0703', 'ML0601', 'ML0501', 'ML0901', 'CF111', 'CF112', 'CF411', 'HT0111', 'HT0112', 'HT0211'];
const BASKETS: Record<string, Array<{ commodity: string; quantity: number; unit: string }>> = {
  FOOD_SECURITY: [{ commodity: 'Sorghum', quantity: 20, unit: 't' }, { commodity: 'Vegetable oil', quantity: 1.5, unit: 't' }],
  NUTRITION: [{ commodity: 'RUTF', quantity: 300, unit: 'carton' }],
  WASH: [{ commodity: 'Hygiene kit', quantity: 800, unit: 'kit' }, { commodity: 'Aquatabs', quantity: 50000, unit: 'tablet' }],
  HEALTH: [{ commodity: 'IEHK basic unit', quantity: 4, unit: 'kit' }],
  SHELTER: [{ commodity: 'Tarpaulin', quantity: 1200, unit: 'piece' }],
};

const main = async () => {
  const config = loadPlatformConfig();
  const secret = config.auth.kind === 'hs256' ? (config.auth.secret ?? loadOrCreateDevSecret(config.dataDir)) : null;
  if (!secret) throw new Error('seeding needs the embedded HS256 secret (AUTH_JWKS_URL is set)');
  let url = `http://127.0.0.1:${config.port}`;
  let stop: (() => Promise<void>) | null = null;
  const running = await fetch(`${url}/health/live`).then((response) => response.ok).catch(() => false);
  if (!running) {
    const started = await startPlatform({ ...config, port: 0, logLevel: 'warn' });
    url = `http://127.0.0.1:${started.port}`;
    stop = () => started.app.close();
  }
  const token = (org: string, roles: Role[], sub: string) => signDevToken(secret, { sub, org, roles });
  const graphql = async (query: string, variables: Record<string, unknown>, bearer: string) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  };
  const command = async (mutation: string, inputType: string, input: Record<string, unknown>, bearer: string) => {
    const result = await graphql(`mutation($input: ${inputType}!) { ${mutation}(input: $input) { id version position } }`, { input }, bearer);
    if (result.errors) throw new Error(`${mutation}: ${result.errors[0].message}`);
    return result.data[mutation] as { id: string };
  };

  try {
    const admin = await token('platform-admins', ['ADMIN'], 'seed-admin');
    const existing = (await graphql('{ organizations { id acronym } }', {}, admin)).data.organizations as Array<{ id: string; acronym: string }>;
    const ids: Record<string, string> = {};
    for (const organization of ORGANIZATIONS) {
      const known = existing.find((candidate) => candidate.acronym === organization.acronym);
      ids[organization.acronym] = known
        ? known.id
        : (await command('registerOrganization', 'RegisterOrganizationInput', { ...organization, commandId: `seed-org-${organization.acronym}` }, admin)).id;
    }
    const agencies = ['WFP', 'UNICEF', 'NRC'];
    const confirmers = [await token(ids.AFG, ['COMMUNITY_FOCAL_POINT'], 'seed-afg'), await token(ids.MSAH, ['GOVERNMENT_COUNTERPART'], 'seed-msah')];
    const sectors = Object.keys(BASKETS);
    let created = 0;
    for (let n = 0; n < 36; n += 1) {
      const acronym = agencies[n % agencies.length];
      const officer = await token(ids[acronym], ['AGENCY_OFFICER'], `seed-${acronym.toLowerCase()}`);
      const sector = sectors[n % sectors.length];
      const day = String(1 + (n % 28)).padStart(2, '0');
      const month = String(9 + (n % 4)).padStart(2, '0');
      const { id } = await command(
        'planDelivery',
        'PlanDeliveryInput',
        {
          commandId: `seed-delivery-${n}`,
          sector,
          items: BASKETS[sector],
          adminCode: PLACES[n % PLACES.length],
          plannedDate: `2026-${month}-${day}`,
          targetedBeneficiaries: 400 + 37 * n,
          implementingPartnerId: acronym === 'WFP' ? ids.AMSS : null,
        },
        officer,
      );
      created += 1;
      const stage = n % 6; // 0 planned, 1 dispatched, 2 delivered, 3 confirmed, 4 failed, 5 cancelled
      const step = (name: string, type: string, extra: Record<string, unknown> = {}, bearer = officer) =>
        command(name, type, { deliveryId: id, commandId: `seed-delivery-${n}-${name}`, ...extra }, bearer);
      if (stage === 5) await step('cancelDelivery', 'CancelDeliveryInput', { reason: 'Merged with another distribution' });
      if (stage >= 1 && stage <= 4) await step('dispatchDelivery', 'DispatchDeliveryInput');
      if (stage === 4) await step('reportDeliveryFailed', 'ReportDeliveryFailedInput', { reason: n % 2 ? 'INSECURITY' : 'ACCESS_DENIED', note: 'Road closed' });
      if (stage === 2 || stage === 3) {
        const targeted = 400 + 37 * n;
        await step('recordDelivery', 'RecordDeliveryInput', {
          deliveredItems: BASKETS[sector],
          reached: { women: Math.round(targeted * 0.3), men: Math.round(targeted * 0.2), girls: Math.round(targeted * 0.26), boys: Math.round(targeted * 0.24) },
        });
      }
      if (stage === 3) await step('confirmDelivery', 'ConfirmDeliveryInput', {}, confirmers[n % 2]);
    }
    console.log(`seeded ${ORGANIZATIONS.length} organisations and ${created} deliveries through ${url}/graphql`);
  } finally {
    await stop?.();
  }
};

main().catch((error) => {
  console.error(`seed: ${error.message}`);
  process.exit(1);
});
