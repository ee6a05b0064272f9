import type { Browser, Page } from 'playwright-core';
import { closeBrowsers, ensureWebBuilt, expectNoSeriousAxeViolations, launchBrowser, openAs } from '../support/browser';
import { graphqlCalls } from '../support/graphql-calls';
import { startTestPlatform, TestPlatform } from '../support/platform';

/**
 * Issue 7: "a CRITICAL concern raised by one browser shows the banner in another within 2 seconds".
 * Browser A is the host's liaison officer on a held meeting's page; browser B an agency officer of
 * another organisation, reading French, somewhere else in the dashboard. A raises a HIGH concern,
 * then a CRITICAL one through the form; B's banner appears for the critical one only, in French,
 * leads to the meeting (where the sensitive text is withheld from B) and can be dismissed.
 */
const mutation = (name: string, inputType: string) => `mutation($input: ${inputType}!) { ${name}(input: $input) { id version position } }`;
const REGISTER = mutation('registerOrganization', 'RegisterOrganizationInput');
const SCHEDULE = mutation('scheduleLiaisonMeeting', 'ScheduleLiaisonMeetingInput');
const HELD = mutation('recordMeetingHeld', 'RecordMeetingHeldInput');

const MEETING_TITLE = 'Réunion de liaison mensuelle, Ansongo';

describe('early-warning banner across browsers', () => {
  let platform: TestPlatform;
  const browsers: Browser[] = [];
  const pageErrors: string[][] = [];
  let last = '0:0';
  const calls = graphqlCalls(
    () => platform,
    (payload) => (last = payload.position),
  );
  const org = {} as Record<'mission' | 'wfp', string>;
  let meetingId: string;

  /** A page of a browser of its own (two people, two profiles), signed in and reading `language`. */
  const signedInPage = async (org: string, roles: Array<'LIAISON_OFFICER' | 'AGENCY_OFFICER'>, sub: string, hash: string, language: 'en' | 'fr') => {
    const browser = await launchBrowser();
    browsers.push(browser);
    const opened = await openAs(browser, platform, { org, roles, sub }, hash, { language });
    pageErrors.push(opened.pageErrors);
    return opened.page;
  };

  /** Resolves once the page has asked the server over its socket for early warnings. */
  const subscribedToEarlyWarnings = (page: Page) =>
    new Promise<void>((resolve) => {
      page.on('websocket', (socket) =>
        socket.on('framesent', ({ payload }) => {
          if (typeof payload === 'string' && payload.includes('"subscribe"') && payload.includes('EarlyWarning')) resolve();
        }),
      );
    });

  beforeAll(async () => {
    ensureWebBuilt();
    platform = await startTestPlatform();
    const admin = await platform.token('platform-admins', ['ADMIN']);
    const register = async (name: string, acronym: string, kind: string) => (await calls.ok(REGISTER, { name, acronym, kind }, admin)).id;
    org.mission = await register('Mission multidimensionnelle intégrée des Nations Unies au Mali (bureau de Gao)', 'MINUSMA', 'PEACEKEEPING_MISSION');
    org.wfp = await register('World Food Programme', 'WFP', 'UN_AGENCY');
    const host = await platform.token(org.mission, ['LIAISON_OFFICER'], 'minusma-liaison');
    await calls.read('{ organizations { id } }', {}, host, last);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    meetingId = (
      await calls.ok(
        SCHEDULE,
        { title: MEETING_TITLE, adminCode: 'ML0701', startsAt: `${yesterday}T10:00:00Z`, stakeholders: [{ name: 'Chef de village de Tin-Hama', group: 'community leaders' }] },
        host,
      )
    ).id;
    await calls.ok(HELD, { meetingId, attendanceWomen: 14, attendanceMen: 9 }, host);
    await calls.read(`query($id: ID!) { liaisonMeeting(id: $id) { status } }`, { id: meetingId }, host, last);
  });

  afterAll(async () => {
    await closeBrowsers(...browsers);
    await platform?.close();
  });

  it('shows the banner in another organisation’s browser within 2 seconds of a CRITICAL concern, not for a HIGH one', async () => {
    const reader = await signedInPage(org.wfp, ['AGENCY_OFFICER'], 'wfp-gao', '#/plans', 'fr');
    // Loaded once more with an ear on its socket: the banner listens from the first screen.
    const readerListening = subscribedToEarlyWarnings(reader);
    await reader.reload();
    await reader.getByRole('heading', { level: 1, name: 'Plans d’action' }).waitFor();
    await readerListening;

    const host = await signedInPage(org.mission, ['LIAISON_OFFICER'], 'minusma-liaison', `#/meetings/${meetingId}`, 'en');
    await host.getByRole('heading', { level: 1, name: MEETING_TITLE }).waitFor();
    const raise = async (sector: string, severity: string, text: string, sensitive: boolean) => {
      await host.getByLabel('Sector').selectOption(sector);
      await host.getByLabel('Severity').selectOption(severity);
      await host.getByRole('textbox', { name: 'Concern', exact: true }).fill(text);
      if (sensitive) await host.getByRole('checkbox', { name: /^Sensitive/ }).check();
      await host.getByRole('button', { name: 'Raise concern' }).click();
    };

    await raise('WASH', 'HIGH', 'The Tin-Hama borehole has been dry for two weeks', false);
    await host.getByRole('listitem').filter({ hasText: 'The Tin-Hama borehole has been dry for two weeks' }).waitFor();

    await raise('SECURITY', 'CRITICAL', 'Armed men seen near the well at night; women no longer go for water', true);
    const banner = reader.getByRole('alert').filter({ hasText: 'Alerte précoce' });
    // The requirement itself: the banner is there within 2 s of the click that raised the concern.
    await banner.waitFor({ timeout: 2000 });
    await expect(banner.textContent()).resolves.toContain('Sécurité à Ansongo (ML0701)');
    // The HIGH concern, raised and recorded first, brought no banner: the only one is the critical one.
    expect(await reader.locator('.early-warning').count()).toBe(1);
    expect(await banner.textContent()).not.toContain('Eau');
    await host.getByRole('alert').filter({ hasText: 'Early warning' }).waitFor();
    expect(await host.locator('.early-warning').count()).toBe(1);

    // The banner leads to the meeting, where the sensitive text is withheld from an outsider.
    await banner.getByRole('link', { name: 'Ouvrir la réunion' }).click();
    await reader.getByRole('heading', { level: 1, name: MEETING_TITLE }).waitFor();
    await reader.getByText('Sensible : le texte n’est montré qu’à l’organisateur').waitFor();
    expect(await reader.getByText('Armed men seen near the well').count()).toBe(0);
    await reader.getByText('The Tin-Hama borehole has been dry for two weeks').waitFor();
    // The reader may not act on another organisation's meeting: no forms for it.
    expect(await reader.getByRole('button', { name: 'Enregistrer la préoccupation' }).count()).toBe(0);

    await banner.getByRole('button', { name: 'Fermer l’alerte précoce sur Sécurité à Ansongo (ML0701)' }).click();
    await banner.waitFor({ state: 'detached' });
    await expectNoSeriousAxeViolations(reader);
    expect(pageErrors.flat()).toEqual([]);
  });
});
