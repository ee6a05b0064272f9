import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { signDevToken } from '@coord/auth';
import type { Role } from '@coord/kernel';
import { TEST_SECRET } from './platform';

/**
 * Headless Chromium for the dashboard's browser tests: Debian's chromium driven by playwright-core.
 * Each `launchBrowser()` is a fresh browser with its own throwaway profile (playwright's `launch`
 * makes a new user-data-dir), so two browsers are two people: no shared storage or cookies.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const ROOT = join(__dirname, '..', '..');
const TOKEN_KEY = 'coord.token';

const viteBin = () => join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');

// Jest runs with NODE_ENV=test, and a Vite build under it bundles React's development build (twice
// the size, dev-only warnings): every build from a test asks for production explicitly.
const productionEnv = () => ({ ...process.env, NODE_ENV: 'production' });

/** A production build of the dashboard into `outDir` (default apps/web/dist), whatever its state. */
export const buildWeb = (outDir?: string): void => {
  const args = [viteBin(), 'build', '--logLevel', 'warn', '-c', join(ROOT, 'apps', 'web', 'vite.config.ts')];
  if (outDir) args.push('--outDir', outDir, '--emptyOutDir');
  execFileSync(process.execPath, args, { cwd: ROOT, stdio: 'pipe', env: productionEnv() });
};

/**
 * Builds apps/web/dist when it is missing or older than its sources (tools/build-web-if-needed.js,
 * as `npm start` does). Slow the first time (~10 s of CPU), then a check of file times.
 */
export const ensureWebBuilt = (): void => {
  try {
    execFileSync(process.execPath, [join(ROOT, 'tools', 'build-web-if-needed.js')], { cwd: ROOT, stdio: 'pipe', env: productionEnv() });
  } catch {
    // The tool resolves vite's bin through a path vite's package exports may not list; the build
    // itself is the same command.
    buildWeb();
  }
  if (!existsSync(join(ROOT, 'apps', 'web', 'dist', 'index.html'))) throw new Error('apps/web/dist/index.html is missing after the build');
};

export const launchBrowser = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });

export interface WebUser {
  readonly org: string;
  readonly roles: readonly Role[];
  readonly name?: string;
  readonly sub?: string;
}

export interface SignedInPage {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Uncaught errors of the page (React crashes, failed chunk loads): a test asserts it stays empty. */
  readonly pageErrors: string[];
}

/** A token for `user`, signed with the test platform's secret (test/support/platform.ts). */
export const tokenFor = (user: WebUser, secret = TEST_SECRET): Promise<string> =>
  signDevToken(secret, { sub: user.sub ?? `${user.org}-${user.roles.join('-').toLowerCase()}`, org: user.org, roles: user.roles, ...(user.name ? { name: user.name } : {}) });

/**
 * A page signed in as `user` at `hash` (e.g. `#/deliveries`). It signs in the way a returning user
 * is signed in: the token sits in localStorage `coord.token` (where the sign-in page puts it), set
 * once before the dashboard reads it. The sign-in page's own flow is tested through its UI in
 * test/web/deliveries.web.spec.ts (`signInThroughUi`).
 */
export const openAs = async (browser: Browser, platform: { url: string }, user: WebUser, hash = '#/picture', options: { secret?: string; language?: 'en' | 'fr' } = {}): Promise<SignedInPage> => {
  const context = await browser.newContext({ locale: options.language === 'fr' ? 'fr-FR' : 'en-GB', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const token = await tokenFor(user, options.secret);
  // Any page of the origin will do to reach its localStorage; /health/live is the cheapest.
  await page.goto(`${platform.url}/health/live`);
  await page.evaluate(`localStorage.setItem(${JSON.stringify(TOKEN_KEY)}, ${JSON.stringify(token)}); localStorage.setItem('coord.language', ${JSON.stringify(options.language ?? 'en')});`);
  await page.goto(`${platform.url}/${hash}`);
  return { page, context, pageErrors };
};

/** Signs in through the sign-in page as a person would: organisation, roles, name, button. */
export const signInThroughUi = async (page: Page, user: { organizationLabel: string; roles: readonly string[]; name?: string }): Promise<void> => {
  await page.getByRole('combobox', { name: /^Organisation/ }).selectOption({ label: user.organizationLabel });
  for (const role of user.roles) await page.getByRole('checkbox', { name: role, exact: true }).check();
  if (user.name) await page.getByLabel('Your name (optional)').fill(user.name);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
};

const AXE_SOURCE = () => readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

/** axe-core's WCAG checks on the page as it is now; fails on any serious or critical violation, listing each. */
export const expectNoSeriousAxeViolations = async (page: Page, label = page.url()): Promise<void> => {
  const loaded = (await page.evaluate(`typeof window.axe !== 'undefined'`)) as boolean;
  if (!loaded) await page.addScriptTag({ content: AXE_SOURCE() });
  // axe's default rule set (WCAG 2.x A/AA and best practices, experimental rules left out). The
  // script is a string: this file is compiled without the DOM's types.
  const violations = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((results) => results.violations)`)) as unknown[];
  const serious = (violations as AxeViolation[]).filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  if (serious.length > 0) {
    const list = serious
      .map(
        (violation) =>
          `- [${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n` +
          violation.nodes
            .slice(0, 5)
            .map((node) => `    at ${JSON.stringify(node.target)}${node.failureSummary ? `: ${node.failureSummary.replace(/\s+/g, ' ')}` : ''}`)
            .join('\n'),
      )
      .join('\n');
    throw new Error(`${serious.length} serious or critical accessibility violation(s) on ${label}:\n${list}`);
  }
};

/** Closes browsers even when a test failed half-way; never throws, so afterAll's other cleanup runs. */
export const closeBrowsers = async (...browsers: Array<Browser | undefined>): Promise<void> => {
  await Promise.all(browsers.map((browser) => browser?.close().catch(() => undefined)));
};

export interface SampleData {
  /** Organisation ids by acronym (MINUSMA, WFP, UNICEF, NRC, AMSS, MSAH, AFG, CRF-CAF). */
  readonly org: Record<string, string>;
  readonly planId: string;
  readonly committeeId: string;
  readonly meetingId: string;
  /** A WFP delivery still PLANNED or DISPATCHED, and a DELIVERED one another organisation may confirm. */
  readonly movableDeliveryId: string;
  readonly deliveredDeliveryId: string;
}

const DAY_MS = 86_400_000;

/**
 * The data the dashboard's checks and screenshots look at: `npm run seed` (organisations and 36
 * deliveries in three countries) run against the platform at `url`, then through the API a committee
 * with a session, a liaison meeting held with a concern raised, and a submitted action plan.
 * Asynchronous throughout: the platform may run in this very process.
 */
export const seedSampleData = async (platform: { url: string; dataDir: string }, secret = TEST_SECRET): Promise<SampleData> => {
  await promisify(execFile)(process.execPath, [join(ROOT, 'tools', 'run-ts.js'), join(ROOT, 'apps', 'platform', 'src', 'cli', 'seed.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: new URL(platform.url).port, DATA_DIR: platform.dataDir, AUTH_JWT_SECRET: secret, LOG_LEVEL: 'warn' },
  });
  const listed = (await (await fetch(`${platform.url}/auth/dev/organizations`)).json()) as { organizations: Array<{ id: string; acronym: string }> };
  const org = Object.fromEntries(listed.organizations.map((organization) => [organization.acronym, organization.id]));
  for (const acronym of ['MINUSMA', 'WFP', 'MSAH', 'AFG']) if (!org[acronym]) throw new Error(`the seed registered no ${acronym}`);

  let position = '0:0';
  const call = async <T>(query: string, variables: Record<string, unknown>, token: string): Promise<T> => {
    const response = await fetch(`${platform.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-min-position': position },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Record<string, T>; errors?: Array<{ message: string }> };
    if (body.errors?.length) throw new Error(`${query.slice(0, 60)}…: ${body.errors[0].message}`);
    return Object.values(body.data!)[0];
  };
  const command = async (name: string, inputType: string, input: Record<string, unknown>, token: string) => {
    const payload = await call<{ id: string; position: string }>(`mutation($input: ${inputType}!) { ${name}(input: $input) { id version position } }`, { input }, token);
    position = payload.position;
    return payload;
  };
  const mission = await tokenFor({ org: org.MINUSMA, roles: ['LIAISON_OFFICER'], sub: 'sample-liaison', name: 'Moussa Diarra' }, secret);
  const now = Date.now();
  const at = (days: number, hour: number) => new Date(Math.floor((now + days * DAY_MS) / DAY_MS) * DAY_MS + hour * 3_600_000).toISOString();
  const day = (days: number) => new Date(now + days * DAY_MS).toISOString().slice(0, 10);

  const committee = await command('formCommittee', 'FormCommitteeInput', { name: 'Comité de coordination humanitaire de Gao', chairId: org.MINUSMA, memberIds: [org.MINUSMA, org.WFP, org.MSAH], adminCode: 'ML07' }, mission);
  await command('scheduleSession', 'ScheduleSessionInput', { committeeId: committee.id, startsAt: at(3, 9), endsAt: at(3, 11), venue: 'Gouvernorat de Gao', agenda: ['Accès à Ansongo', 'Plan de réponse'] }, mission);
  const meeting = await command(
    'scheduleLiaisonMeeting',
    'ScheduleLiaisonMeetingInput',
    { title: 'Réunion de liaison, Ansongo', adminCode: 'ML0701', startsAt: new Date(now - 3_600_000).toISOString(), stakeholders: [{ name: 'Chef de village', group: 'community leaders' }] },
    mission,
  );
  await command('recordMeetingHeld', 'RecordMeetingHeldInput', { meetingId: meeting.id, attendanceWomen: 9, attendanceMen: 6 }, mission);
  await command('raiseConcern', 'RaiseConcernInput', { meetingId: meeting.id, sector: 'HEALTH', severity: 'HIGH', adminCode: 'ML0701', text: 'Le centre de santé est fermé', sensitive: false }, mission);
  const plan = await command('draftActionPlan', 'DraftActionPlanInput', { title: 'Plan de réponse Ansongo', counterpartId: org.MSAH, adminCode: 'ML07', periodStart: day(0), periodEnd: day(90) }, mission);
  await command(
    'addAction',
    'AddActionInput',
    {
      planId: plan.id,
      description: 'Distribuer du sorgho à Ansongo',
      responsibleId: org.WFP,
      sector: 'FOOD_SECURITY',
      adminCode: 'ML0701',
      startDate: day(0),
      dueDate: day(30),
      indicator: { name: 'Ménages atteints', unit: 'ménages', baseline: 0, target: 1200 },
    },
    mission,
  );
  await command('submitActionPlan', 'SubmitActionPlanInput', { planId: plan.id }, mission);

  const deliveries = await call<{ nodes: Array<{ id: string; status: string; agency: { id: string } }> }>(`{ aidDeliveries(first: 100) { nodes { id status agency { id } } } }`, {}, mission);
  const movable = deliveries.nodes.find((node) => node.agency.id === org.WFP && (node.status === 'DISPATCHED' || node.status === 'PLANNED'));
  const delivered = deliveries.nodes.find((node) => node.agency.id !== org.AFG && node.status === 'DELIVERED');
  if (!movable || !delivered) throw new Error('the seed holds no movable WFP delivery or no delivered one');
  return { org, planId: plan.id, committeeId: committee.id, meetingId: meeting.id, movableDeliveryId: movable.id, deliveredDeliveryId: delivered.id };
};
