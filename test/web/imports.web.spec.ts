import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Role } from '@coord/kernel';
import { closeBrowsers, ensureWebBuilt, expectNoSeriousAxeViolations, launchBrowser, openAs } from '../support/browser';
import { startTestPlatform, TestPlatform } from '../support/platform';

const ROOT = join(__dirname, '..', '..');
const MALI = 'mli-5w-operational-presence-2022-03.csv';
const MALI_PATH = join(ROOT, 'test', 'fixtures', '3w', MALI);

/** The Mali file's own rows, read by csv-parse alone: the independent count the page is checked against. */
const maliRows = (): string[][] => (parse(readFileSync(MALI_PATH, 'utf8'), { bom: true, relax_column_count: true }) as string[][]).slice(2);

/** The number a total shows, as the user reads it (en-GB grouping). */
const total = async (page: Page, label: string): Promise<number> => {
  const text = await page.locator('.import-totals > div').filter({ has: page.getByText(label, { exact: true }) }).locator('dd').textContent();
  return Number((text ?? '').replace(/[^\d]/g, ''));
};

describe('web: importing a 3W file', () => {
  let platform: TestPlatform;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ensureWebBuilt();
    platform = await startTestPlatform();
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await closeBrowsers(browser);
    await platform?.close();
  });

  const open = async (org: string, roles: Role[]) => {
    const { page, context } = await openAs(browser, platform, { org, roles }, '#/imports');
    contexts.push(context);
    return page;
  };

  it('a liaison officer imports the Mali 5W and reads its report: every row counted, the fixed rows, none rejected, and downloads the 3W it made', async () => {
    const rows = maliRows();
    const fixedRows = rows.filter((cells) => cells[1].startsWith('MLI') || cells[1] === 'ML0901' || cells.some((cell) => cell !== cell.trim())).length;
    const prefixFixes = rows.filter((cells) => cells[1].startsWith('MLI') && cells[1] !== 'MLI11').length;
    expect(rows).toHaveLength(22_805);

    const page = await open('mission', ['LIAISON_OFFICER']);
    await page.getByRole('heading', { level: 1, name: 'Import a 3W file' }).waitFor();
    await page.getByLabel('3W CSV file').setInputFiles(MALI_PATH);
    await page.getByRole('button', { name: 'Import', exact: true }).click();

    // The page moves to the import's own address and polls it until the import ends.
    await page.getByText(`Import of ${MALI}: Done`).waitFor({ timeout: 120_000 });
    const importId = decodeURIComponent(new URL(page.url()).hash.split('/')[2]);
    expect(importId).toMatch(/^[0-9a-f-]{36}$/);
    const progress = page.getByRole('progressbar', { name: 'Rows processed' });
    expect(await progress.getAttribute('value')).toBe('22805');
    expect(await progress.getAttribute('max')).toBe('22805');
    await page.getByText('22,805 of 22,805 rows processed').waitFor();

    expect(await total(page, 'Rows in the file')).toBe(22_805);
    expect(await total(page, 'Rows imported')).toBe(22_805);
    expect(await total(page, 'Rows rejected')).toBe(0);
    expect(await total(page, 'Rows fixed')).toBe(fixedRows);
    await page.getByText('No row was rejected.').waitFor();

    // What was fixed, by rule: the MLI→ML prefix on every region code but Ménaka's (fixed from its cercle).
    const rule = (name: string) => page.getByRole('table', { name: 'Fixes by rule' }).getByRole('row').filter({ hasText: name }).getByRole('cell');
    expect(Number(((await rule('country-prefix').textContent()) ?? '').replace(/[^\d]/g, ''))).toBe(prefixFixes);
    expect(await rule('adm1-from-adm2').count()).toBe(1);
    expect(await rule('trim').count()).toBe(1);
    // The first fix, as the file has it: row 3's region MLI05 recorded as ML05.
    const firstFix = page.getByRole('table', { name: /^Fixes, rows 1 to 100 of / }).getByRole('row').nth(1);
    expect((await firstFix.getByRole('cell').allTextContents()).map((text) => text.trim())).toEqual(['3', '#adm1+code', '"MLI05"', '"ML05"', 'country-prefix']);

    // The numbers shown are the server's report, not a rounding of it.
    const report = (await (await fetch(`${platform.url}/imports/${importId}`, { headers: { authorization: `Bearer ${await platform.token('mission', ['LIAISON_OFFICER'])}` } })).json()) as {
      fixes: unknown[];
      presences: { reported: number };
      merged: unknown[];
    };
    expect(await total(page, 'Fixes made')).toBe(report.fixes.length);
    expect(await total(page, 'Presences recorded')).toBe(report.presences.reported);
    expect(await total(page, 'Rows merged into an earlier row')).toBe(report.merged.length);
    expect(report.presences.reported + report.merged.length).toBe(22_805);

    // More fixes on demand, a page at a time.
    await page.getByRole('button', { name: 'Show 100 more fixes' }).click();
    await page.getByRole('table', { name: /^Fixes, rows 1 to 200 of / }).waitFor();

    await expectNoSeriousAxeViolations(page, 'the report of the Mali import');

    // The 3W download carries the bearer token: one line per presence under the header and HXL rows.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download 3W CSV' }).click()]);
    const csv = parse(readFileSync((await download.path())!, 'utf8')) as string[][];
    expect(csv[1].slice(0, 4)).toEqual(['#org', '#sector', '#adm1+code', '#adm2+code']);
    expect(csv.length - 2).toBe(report.presences.reported);

    await page.getByRole('link', { name: 'See the picture' }).click();
    await page.getByRole('heading', { level: 1, name: 'Who does what where' }).waitFor();
  }, 240_000);

  it('a user who may not import sees why, and no upload form', async () => {
    const page = await open('wfp', ['AGENCY_OFFICER']);
    await page.getByText('Only an administrator or a liaison officer imports 3W files.', { exact: false }).waitFor();
    expect(await page.getByLabel('3W CSV file').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Download 3W CSV' }).isEnabled()).toBe(true);
  });

  it('a file the server cannot read is refused with its reason and starts nothing', async () => {
    const page = await open('mission', ['LIAISON_OFFICER']);
    await page.getByLabel('3W CSV file').setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.from('   \n') });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/^The file was not accepted: BAD_USER_INPUT: /);
    expect(new URL(page.url()).hash).toBe('#/imports');
  });
});
