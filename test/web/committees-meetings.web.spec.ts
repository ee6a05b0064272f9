import type { Browser } from 'playwright-core';
import { closeBrowsers, ensureWebBuilt, expectNoSeriousAxeViolations, launchBrowser, openAs } from '../support/browser';
import { graphqlCalls } from '../support/graphql-calls';
import { startTestPlatform, TestPlatform } from '../support/platform';

/**
 * Committees and liaison meetings through their pages: a clash is warned of while the slot is
 * chosen, refused by the server (MEMBER_DOUBLE_BOOKED), forced, and flagged in the calendar; the
 * chair records attendance and a decision whose action item becomes an action of the committee's
 * plan; a liaison officer schedules a meeting, records it held, raises a concern and assigns a
 * follow-up, which the assignee (reading French) completes.
 */
const mutation = (name: string, inputType: string) => `mutation($input: ${inputType}!) { ${name}(input: $input) { id version position } }`;
const DAY = 86_400_000;

describe('committees and liaison meetings in the browser', () => {
  let platform: TestPlatform;
  let browser: Browser;
  let last = '0:0';
  const calls = graphqlCalls(
    () => platform,
    (payload) => (last = payload.position),
  );
  const org = {} as Record<'mission' | 'wfp' | 'gov', string>;
  const committee = {} as Record<'gao' | 'food', string>;
  const now = Date.now();
  const day = (days: number) => new Date(now + days * DAY).toISOString().slice(0, 10);
  // datetime-local takes the browser's wall clock; the browser and this process share a zone.
  const local = (iso: string) => {
    const date = new Date(iso);
    date.setMinutes(date.getMinutes() - date.getTimezoneOffset());
    return date.toISOString().slice(0, 16);
  };

  beforeAll(async () => {
    ensureWebBuilt();
    platform = await startTestPlatform();
    const admin = await platform.token('platform-admins', ['ADMIN']);
    const register = async (name: string, acronym: string, kind: string) => (await calls.ok(mutation('registerOrganization', 'RegisterOrganizationInput'), { name, acronym, kind }, admin)).id;
    org.mission = await register('MINUSMA Gao', 'MINUSMA', 'PEACEKEEPING_MISSION');
    org.wfp = await register('World Food Programme', 'WFP', 'UN_AGENCY');
    org.gov = await register('Gouvernorat de Gao', 'GOUV-GAO', 'HOST_GOVERNMENT');
    const liaison = await platform.token(org.mission, ['LIAISON_OFFICER'], 'minusma-liaison');
    await calls.read('{ organizations { id } }', {}, liaison, last);
    const form = mutation('formCommittee', 'FormCommitteeInput');
    committee.gao = (await calls.ok(form, { name: 'Comité régional de Gao', chairId: org.mission, memberIds: [org.mission, org.wfp, org.gov] }, liaison)).id;
    committee.food = (await calls.ok(form, { name: 'Comité sécurité alimentaire', chairId: org.mission, memberIds: [org.mission, org.wfp] }, liaison)).id;
    const schedule = mutation('scheduleSession', 'ScheduleSessionInput');
    await calls.ok(schedule, { committeeId: committee.gao, startsAt: `${day(2)}T09:00:00Z`, endsAt: `${day(2)}T12:00:00Z`, venue: 'Gouvernorat', agenda: ['Sécurité'] }, liaison);
    await calls.ok(schedule, { committeeId: committee.gao, startsAt: `${day(-1)}T09:00:00Z`, endsAt: `${day(-1)}T12:00:00Z`, venue: 'Gouvernorat', agenda: ['Bilan'] }, liaison);
    await calls.read('{ committees { id sessions { id } } }', {}, liaison, last);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await closeBrowsers(browser);
    await platform?.close();
  });

  it('warns of a member clash, shows the refusal, schedules when forced and flags the clash in the calendar', async () => {
    const { page, pageErrors } = await openAs(browser, platform, { org: org.mission, roles: ['LIAISON_OFFICER'], sub: 'minusma-liaison' }, '#/committees');
    await page.getByRole('heading', { level: 1, name: 'Committees' }).waitFor();
    await page.getByRole('combobox', { name: /^Committee/ }).selectOption({ label: 'Comité sécurité alimentaire' });
    await page.getByLabel('Starts at').fill(local(`${day(2)}T10:00:00Z`));
    await page.getByLabel('Ends at').fill(local(`${day(2)}T11:00:00Z`));
    await page.getByLabel('Venue').fill('Base MINUSMA');
    await page.getByLabel(/^Agenda/).fill('Stocks\nDistribution');
    await page.getByRole('status').filter({ hasText: 'This slot clashes' }).filter({ hasText: 'Comité régional de Gao' }).waitFor();
    await page.getByRole('button', { name: 'Schedule session' }).click();
    await page.getByRole('alert').filter({ hasText: 'A member organisation already sits in an overlapping session of another committee.' }).waitFor();
    await page.getByRole('checkbox', { name: /Schedule anyway/ }).check();
    await page.getByRole('button', { name: 'Schedule session' }).click();
    await page.getByRole('status').filter({ hasText: 'The session is scheduled.' }).waitFor();
    await page.getByText('2 sessions clash with another committee’s session that shares a member.').waitFor();

    // The day of the clash, reached with the keyboard from today.
    await page.locator('.month-grid button[tabindex="0"]').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const focused = await page.evaluate('document.activeElement.textContent');
    if (new Date(`${day(2)}T00:00:00`).getMonth() === new Date().getMonth()) expect(focused).toContain('2 sessions, with a clash');
    await page.getByLabel('List').check();
    await page.getByRole('row', { name: /^Comité sécurité alimentaire .*⚠ Clash/ }).waitFor();
    await page.getByRole('row', { name: /^Comité régional de Gao .*⚠ Clash/ }).waitFor();
    await expectNoSeriousAxeViolations(page);
    expect(pageErrors).toEqual([]);
  });

  it('records attendance and a decision with an action item, which becomes an action of the committee’s plan', async () => {
    const { page } = await openAs(browser, platform, { org: org.mission, roles: ['LIAISON_OFFICER'], sub: 'minusma-liaison' }, `#/committees/${committee.gao}`);
    await page.getByRole('heading', { level: 1, name: 'Comité régional de Gao' }).waitFor();
    await page.getByLabel('WFP — World Food Programme attended').check();
    await page.getByRole('button', { name: 'Save attendance' }).click();
    await page.getByLabel('Decision').fill('Open a second distribution site');
    await page.getByText('With an action item').click();
    await page.getByLabel('Action item').fill('Pre-position 40 t of sorghum');
    await page.getByLabel('Responsible member').selectOption({ label: 'WFP — World Food Programme' });
    await page.getByLabel('Due date').fill(day(2));
    await page.getByLabel('Sector (optional)').selectOption('FOOD_SECURITY');
    await page.getByLabel('Place (P-code, optional)').fill('ML0701');
    await page.getByRole('button', { name: 'Record decision' }).click();
    await page.getByText(/Action: Pre-position 40 t of sorghum/).waitFor();
    await page.getByRole('paragraph').filter({ hasText: /^WFP — World Food Programme$/ }).waitFor();
    await page.goto(`${platform.url}/#/plans`);
    await page.getByRole('link', { name: 'Action plan of Comité régional de Gao' }).click();
    await page.getByRole('cell', { name: 'Pre-position 40 t of sorghum', exact: true }).waitFor();
  });

  it('schedules a meeting, records it held, raises a concern and assigns a follow-up that the assignee completes', async () => {
    const { page } = await openAs(browser, platform, { org: org.mission, roles: ['LIAISON_OFFICER'], sub: 'minusma-liaison' }, '#/meetings/new');
    await page.getByLabel('Title').fill('Réunion Ansongo');
    await page.getByLabel('Area (P-code)').fill('ML0701');
    await page.getByLabel('Starts at').fill(local(`${day(-1)}T10:00:00Z`));
    await page.getByLabel('Name 1').fill('Chef de village');
    await page.getByLabel('Group 1').fill('community leaders');
    await page.getByRole('button', { name: 'Schedule meeting' }).click();
    await page.getByRole('heading', { level: 1, name: 'Réunion Ansongo' }).waitFor();
    await page.getByLabel('Women').fill('12');
    await page.getByLabel('Men', { exact: true }).fill('8');
    await page.getByRole('button', { name: 'Record as held' }).click();
    await page.getByLabel('Sector').selectOption('WASH');
    await page.getByLabel('Severity').selectOption('HIGH');
    await page.getByRole('textbox', { name: 'Concern', exact: true }).fill('Borehole dry');
    await page.getByRole('button', { name: 'Raise concern' }).click();
    await page.getByText('Borehole dry').waitFor();
    await page.getByLabel('Assigned to').selectOption({ label: 'WFP — World Food Programme' });
    await page.getByLabel('Due').fill(day(-1));
    await page.getByRole('button', { name: 'Assign follow-up' }).click();
    await page.getByRole('row').filter({ hasText: 'WFP — World Food Programme' }).filter({ hasText: '⚠ Overdue' }).waitFor();
    const meetingUrl = page.url();

    const assignee = await openAs(browser, platform, { org: org.wfp, roles: ['AGENCY_OFFICER'], sub: 'wfp-gao' }, meetingUrl.slice(meetingUrl.indexOf('#')), { language: 'fr' });
    await assignee.page.getByLabel('Note sur ce qui a été fait').fill('Camion-citerne envoyé');
    await assignee.page.getByRole('button', { name: /^Marquer comme fait/ }).click();
    await assignee.page.getByText('✓ Fait').waitFor();
    await assignee.page.getByText('Camion-citerne envoyé').waitFor();
    await expectNoSeriousAxeViolations(assignee.page);
  });
});
