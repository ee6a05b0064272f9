import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import type { Role } from '@coord/kernel';
import { closeBrowsers, ensureWebBuilt, expectNoSeriousAxeViolations, launchBrowser, openAs } from '../support/browser';
import { graphqlCalls } from '../support/graphql-calls';
import { startTestPlatform, TEST_SECRET, TestPlatform } from '../support/platform';

/**
 * Issue 7 "an axe-core check with 0 serious violations": every main page, by route, with the sample
 * data of `npm run seed` plus a committee session, a liaison meeting with a concern and a submitted
 * action plan, checked as the role that sees most of it. Pages still being built are checked as
 * they are, so the suite covers them the day they land.
 */
const mutation = (name: string, inputType: string) => `mutation($input: ${inputType}!) { ${name}(input: $input) { id version position } }`;
const DAY = 86_400_000;
const ROOT = join(__dirname, '..', '..');

/** Waits until the page shows its heading and has stopped loading (no "Loading…" status left, network quiet). */
const settle = async (page: Page): Promise<void> => {
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(`![...document.querySelectorAll('[role="status"]')].some((node) => /Loading|Chargement/.test(node.textContent ?? ''))`);
  await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => undefined);
};

describe('accessibility of the dashboard (axe-core: no serious or critical violation)', () => {
  let platform: TestPlatform;
  let browser: Browser;
  let last = '0:0';
  const calls = graphqlCalls(
    () => platform,
    (payload) => (last = payload.position),
  );
  const org: Record<string, string> = {};
  const ids: { dispatched?: string; delivered?: string; plan?: string } = {};

  beforeAll(async () => {
    ensureWebBuilt();
    platform = await startTestPlatform();
    // The sample data newcomers see (organisations, 36 deliveries in three countries), through the API
    // of this process's platform: asynchronously, or the platform could not answer it.
    const port = new URL(platform.url).port;
    await promisify(execFile)(process.execPath, [join(ROOT, 'tools', 'run-ts.js'), join(ROOT, 'apps', 'platform', 'src', 'cli', 'seed.ts')], {
      cwd: ROOT,
      env: { ...process.env, PORT: port, DATA_DIR: platform.dataDir, AUTH_JWT_SECRET: TEST_SECRET, LOG_LEVEL: 'warn' },
    });
    const listed = (await (await fetch(`${platform.url}/auth/dev/organizations`)).json()) as { organizations: Array<{ id: string; acronym: string }> };
    for (const organization of listed.organizations) org[organization.acronym] = organization.id;
    expect(Object.keys(org)).toEqual(expect.arrayContaining(['MINUSMA', 'WFP', 'MSAH', 'AFG']));

    const mission = await platform.token(org.MINUSMA, ['LIAISON_OFFICER'], 'a11y-liaison');
    const now = Date.now();
    const at = (days: number, hour = 9) => new Date(Math.floor((now + days * DAY) / DAY) * DAY + hour * 3_600_000).toISOString();
    const day = (days: number) => new Date(now + days * DAY).toISOString().slice(0, 10);

    const committee = await calls.ok(mutation('formCommittee', 'FormCommitteeInput'), { name: 'Comité de coordination humanitaire de Gao', chairId: org.MINUSMA, memberIds: [org.MINUSMA, org.WFP, org.MSAH], adminCode: 'ML07' }, mission);
    await calls.ok(mutation('scheduleSession', 'ScheduleSessionInput'), { committeeId: committee.id, startsAt: at(3), endsAt: at(3, 11), venue: 'Gouvernorat de Gao', agenda: ['Accès à Ansongo', 'Plan de réponse'] }, mission);
    const meeting = await calls.ok(
      mutation('scheduleLiaisonMeeting', 'ScheduleLiaisonMeetingInput'),
      { title: 'Réunion de liaison, Ansongo', adminCode: 'ML0701', startsAt: new Date(now - 3_600_000).toISOString(), stakeholders: [{ name: 'Chef de village', group: 'community leaders' }] },
      mission,
    );
    await calls.ok(mutation('recordMeetingHeld', 'RecordMeetingHeldInput'), { meetingId: meeting.id, attendanceWomen: 9, attendanceMen: 6 }, mission);
    await calls.ok(mutation('raiseConcern', 'RaiseConcernInput'), { meetingId: meeting.id, sector: 'HEALTH', severity: 'HIGH', adminCode: 'ML0701', text: 'Le centre de santé est fermé', sensitive: false }, mission);
    const plan = await calls.ok(mutation('draftActionPlan', 'DraftActionPlanInput'), { title: 'Plan de réponse Ansongo', counterpartId: org.MSAH, adminCode: 'ML07', periodStart: day(0), periodEnd: day(90) }, mission);
    ids.plan = plan.id;
    await calls.ok(
      mutation('addAction', 'AddActionInput'),
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
    await calls.ok(mutation('submitActionPlan', 'SubmitActionPlanInput'), { planId: plan.id }, mission);

    // A delivery the agency can still move along, and one another organisation can confirm.
    const deliveries = await calls.read<{ nodes: Array<{ id: string; status: string; agency: { id: string } }> }>(
      `{ aidDeliveries(first: 100) { nodes { id status agency { id } } } }`,
      {},
      mission,
      last,
    );
    ids.dispatched = deliveries.nodes.find((node) => node.agency.id === org.WFP && (node.status === 'DISPATCHED' || node.status === 'PLANNED'))?.id;
    ids.delivered = deliveries.nodes.find((node) => node.agency.id !== org.AFG && node.status === 'DELIVERED')?.id;
    expect(ids).toEqual({ plan: expect.any(String), dispatched: expect.any(String), delivered: expect.any(String) });
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await closeBrowsers(browser);
    await platform?.close();
  });

  it('the sign-in page, signed out, in English and in French', async () => {
    for (const language of ['en', 'fr']) {
      const context = await browser.newContext({ locale: language === 'fr' ? 'fr-FR' : 'en-GB' });
      const page = await context.newPage();
      await page.goto(`${platform.url}/`);
      await page.getByRole('combobox').first().waitFor();
      await settle(page);
      await expectNoSeriousAxeViolations(page, `sign-in (${language})`);
      await context.close();
    }
  });

  const pages: Array<[string, () => string, () => { org: string; roles: Role[] }]> = [
    ['the picture', () => '#/picture', () => ({ org: org.MINUSMA, roles: ['LIAISON_OFFICER'] })],
    ['the deliveries list', () => '#/deliveries', () => ({ org: org.WFP, roles: ['AGENCY_OFFICER'] })],
    ['the plan-a-delivery form', () => '#/deliveries/new', () => ({ org: org.WFP, roles: ['AGENCY_OFFICER'] })],
    ['a delivery the agency can move along', () => `#/deliveries/${ids.dispatched}`, () => ({ org: org.WFP, roles: ['AGENCY_OFFICER'] })],
    ['a delivery another organisation can confirm', () => `#/deliveries/${ids.delivered}`, () => ({ org: org.AFG, roles: ['COMMUNITY_FOCAL_POINT'] })],
    ['the action plans', () => '#/plans', () => ({ org: org.MSAH, roles: ['GOVERNMENT_COUNTERPART'] })],
    ['an action plan under review', () => `#/plans/${ids.plan}`, () => ({ org: org.MSAH, roles: ['GOVERNMENT_COUNTERPART'] })],
    ['the committees', () => '#/committees', () => ({ org: org.MINUSMA, roles: ['LIAISON_OFFICER'] })],
    ['the liaison meetings', () => '#/meetings', () => ({ org: org.MINUSMA, roles: ['LIAISON_OFFICER'] })],
    ['the imports', () => '#/imports', () => ({ org: org.MINUSMA, roles: ['LIAISON_OFFICER'] })],
  ];

  it.each(pages)('%s', async (label, route, user) => {
    const { page, context, pageErrors } = await openAs(browser, platform, { ...user(), name: 'Axe Checker' }, route());
    try {
      await settle(page);
      await expectNoSeriousAxeViolations(page, label);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
