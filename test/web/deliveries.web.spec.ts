import type { Browser, Page } from 'playwright-core';
import { closeBrowsers, ensureWebBuilt, expectNoSeriousAxeViolations, launchBrowser, openAs, SignedInPage, signInThroughUi, tokenFor } from '../support/browser';
import { eventually, startTestPlatform, TestPlatform } from '../support/platform';

const REGISTER = `mutation ($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id position } }`;

/** The text of the delivery page's "Details" list entry `term` (its <dd>). */
const fact = (page: Page, term: string) => page.locator('.delivery-facts dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');

describe('deliveries in the dashboard: an agency records a delivery, another organisation confirms it', () => {
  let platform: TestPlatform;
  let agencyBrowser: Browser;
  let communityBrowser: Browser;
  let community: { id: string };
  let agencyId: string;

  beforeAll(async () => {
    ensureWebBuilt();
    platform = await startTestPlatform();
    const admin = await platform.token('mission', ['ADMIN']);
    const register = async (input: Record<string, unknown>) => {
      const result = await platform.graphql(REGISTER, { input }, { token: admin });
      expect(result.errors).toBeUndefined();
      return result.data.registerOrganization as { id: string; position: string };
    };
    agencyId = (await register({ name: 'World Food Programme', acronym: 'WFP', kind: 'UN_AGENCY' })).id;
    community = await register({ name: 'Association des femmes de Gao', acronym: 'AFG', kind: 'COMMUNITY' });
    // The sign-in page's picker reads the read model.
    await eventually(async () => {
      const listed = (await (await fetch(`${platform.url}/auth/dev/organizations`)).json()) as { organizations: unknown[] };
      expect(listed.organizations).toHaveLength(2);
    });
    [agencyBrowser, communityBrowser] = await Promise.all([launchBrowser(), launchBrowser()]);
  });

  afterAll(async () => {
    await closeBrowsers(agencyBrowser, communityBrowser);
    await platform?.close();
  });

  it('plans, dispatches and records in one browser; confirms in another; both see the whole timeline', async () => {
    // The agency officer signs in through the sign-in page.
    const agencyContext = await agencyBrowser.newContext({ locale: 'en-GB' });
    const officer = await agencyContext.newPage();
    const officerErrors: string[] = [];
    officer.on('pageerror', (error) => officerErrors.push(error.message));
    await officer.goto(`${platform.url}/`);
    await officer.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await signInThroughUi(officer, { organizationLabel: 'WFP — World Food Programme', roles: ['Agency officer'], name: 'Awa Maïga' });

    await officer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Deliveries' }).click();
    await officer.getByRole('heading', { name: 'Aid deliveries', level: 1 }).waitFor();
    await officer.getByRole('link', { name: 'Plan a delivery' }).click();
    await officer.getByLabel('Sector').selectOption('FOOD_SECURITY');
    await officer.getByLabel('Destination (P-code)').fill('ML0701');
    await officer.getByLabel('Planned date').fill('2026-03-14');
    await officer.getByLabel('Targeted beneficiaries').fill('600');
    await officer.getByLabel('Commodity').fill('Sorghum');
    await officer.getByLabel('Quantity').fill('20');
    await officer.getByLabel('Unit').fill('t');
    await officer.getByRole('button', { name: 'Plan the delivery' }).click();

    await officer.getByRole('heading', { name: /Food security — .+, 14 Mar 2026/, level: 1 }).waitFor();
    const deliveryUrl = officer.url();
    expect(deliveryUrl).toMatch(/#\/deliveries\/[^/]+$/);
    await fact(officer, 'Status').filter({ hasText: 'Planned' }).waitFor();
    // Only the delivering agency's steps from PLANNED: nobody of the agency may confirm its own work.
    expect(await officer.getByRole('button', { name: 'Confirm receipt' }).count()).toBe(0);
    expect(await officer.getByRole('button', { name: 'Record delivery' }).count()).toBe(0);

    await officer.getByRole('button', { name: 'Dispatch' }).click();
    await fact(officer, 'Status').filter({ hasText: 'Dispatched' }).waitFor();

    await officer.getByRole('button', { name: 'Record delivery' }).click();
    // Delivered items start as the planned ones; the officer states who was reached.
    expect(await officer.getByLabel('Commodity').inputValue()).toBe('Sorghum');
    await officer.getByLabel('Quantity').fill('18.5');
    await officer.getByLabel('Women', { exact: true }).fill('180');
    await officer.getByLabel('Men', { exact: true }).fill('120');
    await officer.getByLabel('Girls', { exact: true }).fill('160');
    await officer.getByLabel('Boys', { exact: true }).fill('140');
    await officer.getByRole('button', { name: 'Record the delivery' }).click();
    await fact(officer, 'Status').filter({ hasText: 'Delivered' }).waitFor();
    expect(await fact(officer, 'People reached').textContent()).toBe('600: Women 180, Men 120, Girls 160, Boys 140');
    expect(await officer.getByRole('button', { name: 'Confirm receipt' }).count()).toBe(0);

    // A step the server refuses shows the server's reason: a correction that changes nothing.
    await officer.getByRole('button', { name: 'Correct' }).click();
    await officer.getByLabel('Reason').fill('Checked the waybill');
    await officer.getByRole('button', { name: 'Save the correction' }).click();
    const refusal = officer.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('a correction must change at least one fact');
    await fact(officer, 'Status').filter({ hasText: 'Delivered' }).waitFor();
    await expectNoSeriousAxeViolations(officer, 'a delivery page with the correction form open');
    // The same form with a fact changed is a correction: recorded, with its reason, in the history.
    await officer.getByLabel('Boys', { exact: true }).fill('145');
    await officer.getByRole('button', { name: 'Save the correction' }).click();
    await officer.getByRole('status').filter({ hasText: 'Done: Correct.' }).waitFor();
    await fact(officer, 'People reached').filter({ hasText: '605: Women 180, Men 120, Girls 160, Boys 145' }).waitFor();

    // A community focal point of another organisation opens the same delivery in a second browser.
    const focalPoint: SignedInPage = await openAs(
      communityBrowser,
      platform,
      { org: community.id, roles: ['COMMUNITY_FOCAL_POINT'], name: 'Fatoumata Touré' },
      `#/${deliveryUrl.split('#/')[1]}`,
    );
    await fact(focalPoint.page, 'Status').filter({ hasText: 'Delivered' }).waitFor();
    expect(await focalPoint.page.getByRole('button', { name: 'Dispatch' }).count()).toBe(0);
    expect(await focalPoint.page.getByRole('button', { name: 'Correct' }).count()).toBe(0);
    await focalPoint.page.getByRole('button', { name: 'Confirm receipt' }).click();
    await fact(focalPoint.page, 'Status').filter({ hasText: 'Confirmed' }).waitFor();
    expect(await fact(focalPoint.page, 'Confirmed by').textContent()).toBe('AFG — Association des femmes de Gao');

    // The officer's page, left open, follows live (deliveryChanged) without a reload.
    await fact(officer, 'Status').filter({ hasText: 'Confirmed' }).waitFor();

    for (const page of [officer, focalPoint.page]) {
      const timeline = page.locator('ol.timeline > li');
      await timeline.filter({ hasText: 'Receipt confirmed' }).waitFor();
      const entries = await timeline.allTextContents();
      expect(entries).toHaveLength(5);
      expect(entries[0]).toMatch(/^Planned.*WFP — World Food Programme/);
      expect(entries[1]).toMatch(/^Dispatched.*WFP — World Food Programme/);
      expect(entries[2]).toMatch(/^Delivery recorded.*Awa Maïga|^Delivery recorded.*WFP — World Food Programme/);
      expect(entries[2]).toContain('Women 180, Men 120, Girls 160, Boys 140');
      expect(entries[2]).toContain('Sorghum 18.5 t');
      expect(entries[3]).toMatch(/^Corrected.*WFP — World Food Programme/);
      expect(entries[3]).toContain('Checked the waybill');
      expect(entries[3]).toContain('Women 180, Men 120, Girls 160, Boys 140 → Women 180, Men 120, Girls 160, Boys 145');
      expect(entries[4]).toMatch(/^Receipt confirmed.*AFG — Association des femmes de Gao/);
    }

    // The list shows it among the confirmed ones.
    await officer.getByRole('link', { name: 'All deliveries' }).click();
    await officer.getByLabel('Status').selectOption('CONFIRMED');
    await officer.getByRole('button', { name: 'Apply filters' }).click();
    await officer.getByRole('status').filter({ hasText: '1 delivery' }).waitFor();
    const rows = officer.locator('tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Confirmed');
    // The filter is in the address: a reload (or a shared link) shows the same list.
    expect(officer.url()).toContain('#/deliveries?status=CONFIRMED');
    await officer.reload();
    await officer.getByRole('status').filter({ hasText: '1 delivery' }).waitFor();
    expect(await officer.getByLabel('Status').inputValue()).toBe('CONFIRMED');

    expect(officerErrors).toEqual([]);
    expect(focalPoint.pageErrors).toEqual([]);
  });

  it('signs in with a pasted bearer token (as with OpenID Connect), refuses an unreadable one, and offers planning only to agency officers', async () => {
    const context = await communityBrowser.newContext({ locale: 'en-GB' });
    try {
      const page = await context.newPage();
      await page.goto(`${platform.url}/#/deliveries`);
      await page.getByLabel('Bearer token', { exact: true }).fill('not-a-token');
      await page.getByRole('button', { name: 'Use this token' }).click();
      const refusal = page.getByRole('alert');
      await refusal.waitFor();
      expect(await refusal.textContent()).toBe('This token cannot be read, names no organisation or roles, or has expired.');

      await page.getByLabel('Bearer token', { exact: true }).fill(await tokenFor({ org: community.id, roles: ['COMMUNITY_FOCAL_POINT'], name: 'Mariam' }));
      await page.getByRole('button', { name: 'Use this token' }).click();
      await page.getByRole('heading', { name: 'Aid deliveries', level: 1 }).waitFor();
      await page.getByRole('status').filter({ hasText: /deliver(y|ies)/ }).waitFor();
      // A community focal point logs no deliveries: no way in to the planning form.
      expect(await page.getByRole('link', { name: 'Plan a delivery' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('keeps an open list live: a delivery planned elsewhere appears without a reload', async () => {
    const { page, context, pageErrors } = await openAs(communityBrowser, platform, { org: community.id, roles: ['COMMUNITY_FOCAL_POINT'] }, '#/deliveries');
    try {
      const count = page.getByRole('status').filter({ hasText: /deliver(y|ies)/ });
      await count.waitFor();
      const before = Number(/(\d+) deliver/.exec((await count.textContent()) ?? '')?.[1]);
      const officer = await platform.token(agencyId, ['AGENCY_OFFICER']);
      const planned = await platform.graphql(
        `mutation ($input: PlanDeliveryInput!) { planDelivery(input: $input) { id } }`,
        { input: { sector: 'WASH', items: [{ commodity: 'Hygiene kit', quantity: 300, unit: 'kit' }], adminCode: 'ML0702', plannedDate: '2026-04-02', targetedBeneficiaries: 900 } },
        { token: officer },
      );
      expect(planned.errors).toBeUndefined();
      await page.getByRole('status').filter({ hasText: `${before + 1} deliveries` }).waitFor();
      expect(await page.locator('tbody tr', { hasText: 'Water, sanitation and hygiene' }).count()).toBe(1);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
