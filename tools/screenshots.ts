/**
 * `npm run screenshots`: PNGs of the dashboard's main pages with sample data, into docs/screenshots/
 * (SCREENSHOTS_DIR elsewhere), for the README. Starts its own platform (embedded, fresh data
 * directory, as `npm start` runs it), seeds it (`npm run seed` plus a committee session, a held
 * liaison meeting with a concern and a submitted action plan), builds the dashboard if needed and
 * opens each page in headless Chromium as the role it is for.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '@coord/kernel';
import { ensureWebBuilt, launchBrowser, openAs, seedSampleData, SampleData } from '../test/support/browser';
import { startPlatformProcess } from '../test/support/platform-process';

const OUT = process.env.SCREENSHOTS_DIR ?? join(__dirname, '..', 'docs', 'screenshots');

interface Shot {
  readonly file: string;
  readonly hash: string;
  readonly user: (data: SampleData) => { org: string; roles: Role[]; name: string };
  readonly language?: 'en' | 'fr';
  /** Whole page (long lists) or the first screen only. */
  readonly fullPage?: boolean;
}

const liaison = (data: SampleData) => ({ org: data.org.MINUSMA, roles: ['LIAISON_OFFICER'] as Role[], name: 'Moussa Diarra' });
const agency = (data: SampleData) => ({ org: data.org.WFP, roles: ['AGENCY_OFFICER'] as Role[], name: 'Awa Maïga' });
const counterpart = (data: SampleData) => ({ org: data.org.MSAH, roles: ['GOVERNMENT_COUNTERPART'] as Role[], name: 'Ibrahim Coulibaly' });
const community = (data: SampleData) => ({ org: data.org.AFG, roles: ['COMMUNITY_FOCAL_POINT'] as Role[], name: 'Fatoumata Touré' });

const SHOTS = (data: SampleData): Shot[] => [
  { file: 'picture.png', hash: '#/picture', user: liaison },
  { file: 'picture-fr.png', hash: '#/picture', user: liaison, language: 'fr' },
  { file: 'deliveries.png', hash: '#/deliveries', user: agency, fullPage: true },
  { file: 'delivery-agency.png', hash: `#/deliveries/${data.movableDeliveryId}`, user: agency, fullPage: true },
  { file: 'delivery-confirm.png', hash: `#/deliveries/${data.deliveredDeliveryId}`, user: community, fullPage: true },
  { file: 'plan-delivery.png', hash: '#/deliveries/new', user: agency },
  { file: 'action-plans.png', hash: '#/plans', user: counterpart },
  { file: 'action-plan-review.png', hash: `#/plans/${data.planId}`, user: counterpart, fullPage: true },
  { file: 'committees.png', hash: '#/committees', user: liaison, fullPage: true },
  { file: 'committee.png', hash: `#/committees/${data.committeeId}`, user: liaison, fullPage: true },
  { file: 'meetings.png', hash: '#/meetings', user: liaison },
  { file: 'meeting.png', hash: `#/meetings/${data.meetingId}`, user: liaison, fullPage: true },
  { file: 'imports.png', hash: '#/imports', user: liaison },
];

const main = async () => {
  ensureWebBuilt();
  mkdirSync(OUT, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'coord-screenshots-'));
  const platform = await startPlatformProcess({ DATA_DIR: dataDir });
  const browser = await launchBrowser();
  try {
    const data = await seedSampleData({ url: platform.url, dataDir });
    // Signed out: the sign-in page with its organisation picker.
    {
      const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${platform.url}/`);
      await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
      await page.screenshot({ path: join(OUT, 'sign-in.png') });
      await context.close();
    }
    const failed: string[] = [];
    for (const shot of SHOTS(data)) {
      const { page, context } = await openAs(browser, platform, shot.user(data), shot.hash, { language: shot.language });
      try {
        // Generous waits: on a loaded machine a page can take a while; one slow page must not cost the others.
        await page.locator('main h1').first().waitFor({ timeout: 60_000 });
        await page.waitForFunction(`![...document.querySelectorAll('[role="status"]')].some((node) => /Loading|Chargement/.test(node.textContent ?? ''))`, undefined, { timeout: 60_000 });
        await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => undefined);
        await page.screenshot({ path: join(OUT, shot.file), fullPage: shot.fullPage ?? false });
        console.log(`wrote ${join(OUT, shot.file)}`);
      } catch (error) {
        failed.push(shot.file);
        console.error(`${shot.file} (${shot.hash}) failed:`, error instanceof Error ? error.message.split('\n')[0] : error);
      } finally {
        await context.close();
      }
    }
    if (failed.length > 0) throw new Error(`no screenshot for ${failed.join(', ')}`);
  } finally {
    await browser.close();
    await platform.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
};

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
