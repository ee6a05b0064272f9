import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { Role } from '@coord/kernel';
import { closeBrowsers, ensureWebBuilt, expectNoSeriousAxeViolations, launchBrowser, openAs } from '../support/browser';
import { graphqlCalls } from '../support/graphql-calls';
import { eventually, startTestPlatform, TestPlatform } from '../support/platform';

const REGISTER = `mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id version position } }`;
const PLAN = `mutation($input: PlanDeliveryInput!) { planDelivery(input: $input) { id version position } }`;
const SCHEDULE = `mutation($input: ScheduleLiaisonMeetingInput!) { scheduleLiaisonMeeting(input: $input) { id version position } }`;
const HELD = `mutation($input: RecordMeetingHeldInput!) { recordMeetingHeld(input: $input) { id version position } }`;
const RAISE = `mutation($input: RaiseConcernInput!) { raiseConcern(input: $input) { id version position } }`;
const PICTURE = `query { whoWhatWhere(filter: { adminCode: "CAF" }, groupBy: [ORGANIZATION]) { deliveries } }`;

const cells = async (row: Locator): Promise<string[]> => (await row.locator('th, td').allTextContents()).map((text) => text.trim());
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** What a `datetime-local` input holds for an instant: local wall time, to the second. */
const localSecond = (at: Date) => new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 19);

describe('web: the shared picture', () => {
  let platform: TestPlatform;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let admin: string;
  let wfp: string;
  let unicef: string;
  let mission: string;
  let last = '0:0';
  let beforeSecond = '';
  const month = new Date().toISOString().slice(0, 7);
  const calls = graphqlCalls(
    () => platform,
    (payload) => (last = payload.position),
  );

  const register = async (name: string, acronym: string, kind: string) => (await calls.ok(REGISTER, { name, acronym, kind }, admin)).id;
  const plan = (token: string, sector: string, adminCode: string, targetedBeneficiaries: number) =>
    calls.ok(PLAN, { sector, items: [{ commodity: 'Kit', quantity: 1, unit: 'kit' }], adminCode, plannedDate: `${month}-15`, targetedBeneficiaries }, token);

  /** A browser tab signed in as a user of `org` with `roles` (the token the development sign-in would keep). */
  const open = async (org: string, roles: Role[], hash = '#/picture?country=CAF'): Promise<Page> => {
    const { page, context } = await openAs(browser, platform, { org, roles }, hash);
    contexts.push(context);
    return page;
  };
  const matrix = (page: Page) => page.getByRole('table', { name: /^Who does what where: \d+ rows?$/ });
  const bodyRows = async (page: Page) => {
    const rows = matrix(page).locator('tbody tr');
    return Promise.all((await rows.all()).map(cells));
  };
  const footer = async (page: Page) => cells(matrix(page).locator('tfoot tr'));
  const rowsCaption = (page: Page, count: number) => page.getByRole('table', { name: `Who does what where: ${count} row${count === 1 ? '' : 's'}` }).waitFor();

  beforeAll(async () => {
    ensureWebBuilt();
    platform = await startTestPlatform();
    browser = await launchBrowser();
    admin = await platform.token('admins', ['ADMIN']);
    const wfpId = await register('World Food Programme', 'WFP', 'UN_AGENCY');
    const unicefId = await register("United Nations Children's Fund", 'UNICEF', 'UN_AGENCY');
    const missionId = await register('MINUSCA', 'MINUSCA', 'PEACEKEEPING_MISSION');
    wfp = await platform.token(wfpId, ['AGENCY_OFFICER']);
    unicef = await platform.token(unicefId, ['AGENCY_OFFICER']);
    mission = await platform.token(missionId, ['LIAISON_OFFICER']);

    // WFP's delivery, then (a whole second later, as the as-of control counts in seconds) UNICEF's in
    // the same district, sector and month: an overlap that did not exist at `beforeSecond`.
    await plan(wfp, 'FOOD_SECURITY', 'CF111', 120);
    await sleep(1_100);
    beforeSecond = localSecond(new Date());
    await sleep(1_100);
    await plan(unicef, 'FOOD_SECURITY', 'CF111', 80);

    // A health concern in Mbaiki (Lobaye) that nothing answers: a gap.
    const meeting = await calls.ok(SCHEDULE, { title: 'Réunion de liaison, Mbaïki', adminCode: 'CF121', startsAt: new Date(Date.now() - 3_600_000).toISOString(), stakeholders: [{ name: 'Chef de quartier', group: 'community leaders' }] }, mission);
    await calls.ok(HELD, { meetingId: meeting.id, attendanceWomen: 9, attendanceMen: 6 }, mission);
    await calls.ok(RAISE, { meetingId: meeting.id, sector: 'HEALTH', severity: 'HIGH', adminCode: 'CF121', text: 'Le centre de santé est fermé', sensitive: false }, mission);
    // The picture follows the log on its own runner: the page opens on a picture that has all of it.
    await calls.read(PICTURE, {}, admin, last);
  }, 180_000);
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await closeBrowsers(browser);
    await platform?.close();
  });

  it('shows the matrix with its totals, the overlap and the gap in text, and the map of CAR coloured where deliveries are', async () => {
    const page = await open('observers', ['OBSERVER']);
    await page.getByRole('heading', { level: 1, name: 'Who does what where' }).waitFor();
    await rowsCaption(page, 2);

    // Grouped by organisation, sector and region (the default).
    const rows = await bodyRows(page);
    // The note names the overlapping organisations; their order is not part of what it says.
    const overlapNote = 'Overlap: UNICEF, WFP';
    const note = (row: string[]) => row[row.length - 1].replace(/^Overlap: (.*)$/, (_all, names: string) => `Overlap: ${names.split(', ').sort().join(', ')}`);
    expect(rows.map((row) => [...row.slice(0, -1), note(row)])).toEqual(
      expect.arrayContaining([
        ['WFP', 'Food security', "Ombella M'Poko", '1', '120', '0', '0', '0', '0', overlapNote],
        ['UNICEF', 'Food security', "Ombella M'Poko", '1', '80', '0', '0', '0', '0', overlapNote],
      ]),
    );
    expect(await footer(page)).toEqual(['Total', '2', '200', '0', '0', '0', '0', '']);

    // Gaps and overlaps in words, not only colour.
    await page.getByText(/^Overlap in Food security at Bimbo in \d{4}-\d{2}: (WFP, UNICEF|UNICEF, WFP) \(2 deliveries\)$/).waitFor();
    await page.getByText(/^Gap in Health at Mbaiki: 1 concern, highest severity high, since /).waitFor();

    // The map: every préfecture drawn from the bundled boundaries; the one with deliveries filled
    // differently from an empty one, its value in its accessible name.
    const map = page.getByRole('group', { name: 'Map of Central African Republic, Regions (admin 1), coloured by Deliveries' });
    await map.waitFor();
    expect(await map.getByRole('button').count()).toBe(17);
    const ombella = map.getByRole('button', { name: "Ombella M'Poko: Deliveries 2" });
    const lobaye = map.getByRole('button', { name: 'Lobaye: Deliveries 0 (gap)' });
    const kemo = map.getByRole('button', { name: 'Kemo: Deliveries 0' });
    expect(await ombella.getAttribute('fill')).not.toBe(await kemo.getAttribute('fill'));
    expect(await lobaye.getAttribute('fill')).toBe(await kemo.getAttribute('fill'));
    expect(await ombella.locator('title').textContent()).toBe("Ombella M'Poko: Deliveries 2");
    await ombella.hover();
    await page.locator('.map-readout', { hasText: "Ombella M'Poko: Deliveries 2" }).waitFor();

    // Districts, and another measure.
    await page.getByLabel('Areas', { exact: true }).selectOption('2');
    await page.getByLabel('Colour the map by').selectOption('reached');
    const districts = page.getByRole('group', { name: 'Map of Central African Republic, Districts (admin 2), coloured by People reached' });
    await districts.getByRole('button', { name: 'Bimbo: People reached 0' }).waitFor();
    expect(await districts.getByRole('button').count()).toBe(72);
    await page.getByLabel('Colour the map by').selectOption('organizations');
    await page.getByRole('button', { name: 'Bimbo: Organisations present 2' }).waitFor();
    await page.getByLabel('Colour the map by').selectOption('gaps');
    await page.getByRole('button', { name: 'Mbaiki: Gaps 1 (gap)' }).waitFor();

    await expectNoSeriousAxeViolations(page, 'the picture of CAR, districts coloured by gaps');

    // Clicking an area filters by it; the keyboard does the same.
    await page.getByLabel('Areas', { exact: true }).selectOption('1');
    await page.getByLabel('Colour the map by').selectOption('deliveries');
    await page.getByRole('button', { name: 'Lobaye: Deliveries 0 (gap)' }).click();
    await page.getByText('Nothing recorded for these filters.').waitFor();
    expect(await page.getByLabel('Area', { exact: true }).inputValue()).toBe('CF12');
    const ombellaAgain = page.getByRole('button', { name: "Ombella M'Poko: Deliveries 2" });
    await ombellaAgain.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: "Ombella M'Poko: Deliveries 2 (selected)" }).waitFor();
    await rowsCaption(page, 2);
    expect(await page.getByLabel('Area', { exact: true }).inputValue()).toBe('CF11');

    // Filters apply to the gaps and overlaps too: in Health, the gap stays and the food overlap goes.
    await page.getByLabel('Area', { exact: true }).selectOption('');
    await page.getByRole('combobox', { name: 'Sector', exact: true }).selectOption('HEALTH');
    await page.getByText('Nothing recorded for these filters.').waitFor();
    await page.getByText('No overlaps for these filters.').waitFor();
    await page.getByText(/^Gap in Health at Mbaiki: 1 concern/).waitFor();
  });

  it('as of an instant before the second delivery, the matrix shows the picture of then: one delivery, no overlap', async () => {
    const page = await open('observers', ['OBSERVER']);
    await rowsCaption(page, 2);
    await page.getByLabel('As of (date and time)').fill(beforeSecond);
    await rowsCaption(page, 1);
    const [row] = await bodyRows(page);
    expect(row).toEqual(['WFP', 'Food security', "Ombella M'Poko", '1', '120', '0', '0', '0', '0', '']);
    expect(await footer(page)).toEqual(['Total', '1', '120', '0', '0', '0', '0', '']);
    await page.getByText(/^Showing the picture as it stood on /).waitFor();
    await page.getByRole('button', { name: "Ombella M'Poko: Deliveries 1" }).waitFor();

    await page.getByRole('button', { name: 'Now' }).click();
    await rowsCaption(page, 2);
    expect((await footer(page))[1]).toBe('2');
  });

  it('a delivery planned by another client appears live, without a reload, with an "updated" hint', async () => {
    const page = await open('observers', ['OBSERVER']);
    const subscribed = new Promise<void>((resolve) => {
      page.on('websocket', (socket) =>
        socket.on('framesent', (frame) => {
          if (typeof frame.payload === 'string' && frame.payload.includes('"subscribe"') && frame.payload.includes('pictureChanged')) resolve();
        }),
      );
    });
    // Opened (signed in) before the listener was there: load it again to watch its socket from the start.
    await page.reload();
    await rowsCaption(page, 2);
    await subscribed;
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => navigations.push(frame.url()));

    await plan(wfp, 'HEALTH', 'CF411', 60);
    await rowsCaption(page, 3);
    expect(await bodyRows(page)).toEqual(expect.arrayContaining([['WFP', 'Health', 'Kemo', '1', '60', '0', '0', '0', '0', '']]));
    expect(await footer(page)).toEqual(['Total', '3', '260', '0', '0', '0', '0', '']);
    await page.getByText(/^Updated live at .+ \(\d+ changes?\)\.$/).waitFor();
    await page.getByRole('button', { name: 'Kemo: Deliveries 1' }).waitFor();
    expect(navigations).toEqual([]);
  });

  it('Mali has no boundary file: the page says so and shows the matrix alone', async () => {
    const page = await open('observers', ['OBSERVER']);
    await rowsCaption(page, 3);
    await page.getByLabel('Country', { exact: true }).selectOption('MLI');
    await page.getByText('There is no boundary file for Mali in this platform, so no map is drawn: the matrix below shows the same picture.').waitFor();
    await page.getByText('Nothing recorded for these filters.').waitFor();
    expect(await page.locator('svg path[role="button"]').count()).toBe(0);
    // In French, the same page and the same explanation.
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('heading', { level: 1, name: 'Qui fait quoi où' }).waitFor();
    await page.getByText('Cette plateforme n’a pas de fichier de limites pour Mali : pas de carte, la matrice ci-dessous montre la même situation.').waitFor();
    await page.getByLabel('Pays', { exact: true }).selectOption('CAF');
    await page.getByRole('table', { name: 'Qui fait quoi où : 3 lignes' }).waitFor();
    await page.getByRole('button', { name: "Ombella M'Poko : Livraisons 2" }).waitFor();
    // Nothing outside the platform was asked for.
    await eventually(async () => expect(await page.evaluate(`performance.getEntriesByType('resource').every((entry) => entry.name.startsWith(location.origin))`)).toBe(true));
  });
});
