import type { Browser, Page } from 'playwright-core';
import type { Role } from '@coord/kernel';
import { closeBrowsers, ensureWebBuilt, expectNoSeriousAxeViolations, launchBrowser, openAs, SampleData, seedSampleData } from '../support/browser';
import { startTestPlatform, TestPlatform } from '../support/platform';

/**
 * Issue 7 "an axe-core check with 0 serious violations": every main page, by route, with the sample
 * data of `npm run seed` plus a committee session, a liaison meeting with a concern and a submitted
 * action plan, checked as the role that sees most of it. Pages still being built are checked as
 * they are, so the suite covers them the day they land.
 */

/** Waits until the page shows its heading and has stopped loading (no "Loading…" status left, network quiet). */
const settle = async (page: Page): Promise<void> => {
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(`![...document.querySelectorAll('[role="status"]')].some((node) => /Loading|Chargement/.test(node.textContent ?? ''))`);
  await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => undefined);
};

describe('accessibility of the dashboard (axe-core: no serious or critical violation)', () => {
  let platform: TestPlatform;
  let browser: Browser;
  let data: SampleData;

  beforeAll(async () => {
    ensureWebBuilt();
    platform = await startTestPlatform();
    data = await seedSampleData(platform);
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
    ['the picture', () => '#/picture', () => ({ org: data.org.MINUSMA, roles: ['LIAISON_OFFICER'] })],
    ['the deliveries list', () => '#/deliveries', () => ({ org: data.org.WFP, roles: ['AGENCY_OFFICER'] })],
    ['the plan-a-delivery form', () => '#/deliveries/new', () => ({ org: data.org.WFP, roles: ['AGENCY_OFFICER'] })],
    ['a delivery the agency can move along', () => `#/deliveries/${data.movableDeliveryId}`, () => ({ org: data.org.WFP, roles: ['AGENCY_OFFICER'] })],
    ['a delivery another organisation can confirm', () => `#/deliveries/${data.deliveredDeliveryId}`, () => ({ org: data.org.AFG, roles: ['COMMUNITY_FOCAL_POINT'] })],
    ['the action plans', () => '#/plans', () => ({ org: data.org.MSAH, roles: ['GOVERNMENT_COUNTERPART'] })],
    ['an action plan under review', () => `#/plans/${data.planId}`, () => ({ org: data.org.MSAH, roles: ['GOVERNMENT_COUNTERPART'] })],
    ['the committees', () => '#/committees', () => ({ org: data.org.MINUSMA, roles: ['LIAISON_OFFICER'] })],
    ['a committee', () => `#/committees/${data.committeeId}`, () => ({ org: data.org.MINUSMA, roles: ['LIAISON_OFFICER'] })],
    ['the liaison meetings', () => '#/meetings', () => ({ org: data.org.MINUSMA, roles: ['LIAISON_OFFICER'] })],
    ['a liaison meeting with a concern', () => `#/meetings/${data.meetingId}`, () => ({ org: data.org.MINUSMA, roles: ['LIAISON_OFFICER'] })],
    ['the imports', () => '#/imports', () => ({ org: data.org.MINUSMA, roles: ['LIAISON_OFFICER'] })],
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

  it('a delivery page in French: its own words, not message keys', async () => {
    const { page, context, pageErrors } = await openAs(browser, platform, { org: data.org.AFG, roles: ['COMMUNITY_FOCAL_POINT'] }, `#/deliveries/${data.deliveredDeliveryId}`, { language: 'fr' });
    try {
      await settle(page);
      await page.getByRole('button', { name: 'Confirmer la réception' }).waitFor();
      const text = (await page.locator('main').textContent()) ?? '';
      expect(text).toContain('Historique');
      expect(text).toContain('Livraison enregistrée');
      // A missing translation shows as its key (`status.DELIVERED`, `event.DeliveryRecorded`).
      expect(text).not.toMatch(/\b(status|sector|event|field|reason|action)\.[A-Za-z_]+/);
      await expectNoSeriousAxeViolations(page, 'a delivery page in French');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
