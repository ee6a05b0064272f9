import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { TEST_SECRET } from '../test/support/platform';
import { startPlatformProcess } from '../test/support/platform-process';
import { ensureWebBuilt, launchBrowser, tokenFor } from '../test/support/browser';
import { BenchSection, CleanupStack, markdownTable, ROOT, tempDir, waitForQuietMachine } from './bench-kit';

/**
 * Issue 7 "usable at 400 kbit/s with 300 ms latency": Chromium with its network throttled through
 * CDP (Network.emulateNetworkConditions; 400 kbit/s down and up, 300 ms added to every round trip,
 * browser cache disabled), on the platform as `npm start` runs it with `npm run seed`'s sample data.
 * Measured from navigation start to the first moment the page is usable:
 * - picture: the 3W matrix has rows, or the map has drawn its areas;
 * - deliveries: the list has rows.
 * Then the same page on a repeat visit with the cache on (hashed assets are immutable, so only
 * index.html and the API travel).
 */
const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 3);
const KBIT = 400;
const LATENCY_MS = 300;

interface Measurement {
  readonly ms: number;
  /** Bytes on the wire (compressed, headers included) until usable. */
  readonly bytes: number;
  readonly requests: number;
}

/** A page is usable when any of its parts has drawn (CSS selectors of elements that must exist). */
const PAGES = {
  picture: { hash: '#/picture', usable: ['table.matrix tbody tr', '.picture-map svg path'] },
  deliveries: { hash: '#/deliveries', usable: ['main table tbody tr'] },
} as const;

const throttle = async (cdp: CDPSession, cacheDisabled: boolean) => {
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: LATENCY_MS,
    downloadThroughput: (KBIT * 1000) / 8,
    uploadThroughput: (KBIT * 1000) / 8,
  });
  await cdp.send('Network.setCacheDisabled', { cacheDisabled });
};

/** Counts what crosses the (emulated) wire for this page. */
const meter = (cdp: CDPSession) => {
  let bytes = 0;
  let requests = 0;
  cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
    bytes += event.encodedDataLength;
    requests += 1;
  });
  return { read: () => ({ bytes, requests }), reset: () => ((bytes = 0), (requests = 0)) };
};

const measure = async (page: Page, url: string, selectors: readonly string[], counter: ReturnType<typeof meter>): Promise<Measurement> => {
  counter.reset();
  const started = performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  // Polled every animation frame in the page, so the moment is the frame that drew it.
  await page.waitForFunction(`${JSON.stringify(selectors)}.some((selector) => document.querySelector(selector) !== null)`, undefined, { timeout: 120_000 });
  const ms = performance.now() - started;
  return { ms, ...counter.read() };
};

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export const run = async (): Promise<BenchSection> => {
  const load = await waitForQuietMachine();
  ensureWebBuilt();
  const cleanup = new CleanupStack();
  let browser: Browser | undefined;
  try {
    const dataDir = tempDir('web');
    cleanup.add('data directory', () => dataDir.remove());
    const platform = await startPlatformProcess({ DATA_DIR: dataDir.path });
    cleanup.add('platform', () => platform.stop());
    await promisify(execFile)(process.execPath, [join(ROOT, 'tools', 'run-ts.js'), join(ROOT, 'apps', 'platform', 'src', 'cli', 'seed.ts')], {
      cwd: ROOT,
      env: { ...process.env, PORT: new URL(platform.url).port, DATA_DIR: dataDir.path, AUTH_JWT_SECRET: TEST_SECRET, LOG_LEVEL: 'warn' },
    });
    const organizations = (await (await fetch(`${platform.url}/auth/dev/organizations`)).json()) as { organizations: Array<{ id: string; acronym: string }> };
    const mission = organizations.organizations.find((organization) => organization.acronym === 'MINUSMA');
    if (!mission) throw new Error('the seed registered no MINUSMA');
    const token = await tokenFor({ org: mission.id, roles: ['LIAISON_OFFICER'], name: 'Bench' });

    browser = await launchBrowser();
    const rows: string[][] = [];
    const figures: Record<string, number> = {};
    for (const [name, { hash, usable }] of Object.entries(PAGES)) {
      const cold: Measurement[] = [];
      const warm: Measurement[] = [];
      for (let runIndex = 0; runIndex < RUNS; runIndex += 1) {
        // A new context per run: no cache, storage or service worker carried over.
        const context: BrowserContext = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
        await context.addInitScript(`localStorage.setItem('coord.token', ${JSON.stringify(token)}); localStorage.setItem('coord.language', 'en');`);
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        const counter = meter(cdp);
        await throttle(cdp, true);
        cold.push(await measure(page, `${platform.url}/${hash}`, usable, counter));
        // The repeat visit: same throttled link, cache on; navigate away first so it is a fresh load.
        await page.goto('about:blank');
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
        warm.push(await measure(page, `${platform.url}/${hash}`, usable, counter));
        await context.close();
      }
      for (const [visit, list] of [
        ['first visit, cache disabled', cold],
        ['repeat visit, cache on', warm],
      ] as const) {
        const ms = median(list.map((m) => m.ms));
        const bytes = median(list.map((m) => m.bytes));
        rows.push([
          name,
          visit,
          (ms / 1000).toFixed(2),
          list.map((m) => (m.ms / 1000).toFixed(2)).join(' / '),
          (bytes / 1024).toFixed(0),
          String(median(list.map((m) => m.requests))),
        ]);
        figures[`${name}.${visit.startsWith('first') ? 'cold' : 'warm'}.ms`] = Math.round(ms);
        figures[`${name}.${visit.startsWith('first') ? 'cold' : 'warm'}.kb`] = Math.round(bytes / 1024);
      }
    }
    const markdown = [
      `Headless Chromium (Debian \`chromium\` via playwright-core) throttled with CDP \`Network.emulateNetworkConditions\`: ${KBIT} kbit/s down and up, ${LATENCY_MS} ms latency; the platform as \`npm start\` runs it (own process, embedded storage) with \`npm run seed\`'s data, signed in as a liaison officer. Time from navigation start until the page is usable: for the picture, the 3W matrix has rows or the map has drawn its areas; for deliveries, the list has rows. Median of ${RUNS} runs (each run listed), a fresh browser context each; bytes are as transferred (compressed) until usable.`,
      '',
      load,
      '',
      markdownTable(['page', 'visit', 'usable after (s, median)', 'runs (s)', 'KB transferred', 'requests'], rows),
    ].join('\n');
    return { title: `Web dashboard load at ${KBIT} kbit/s, ${LATENCY_MS} ms latency`, markdown, figures };
  } finally {
    await browser?.close().catch(() => undefined);
    await cleanup.run();
  }
};

/**
 * Standalone (`node tools/run-ts.js bench/web-load.bench.ts`): prints the section and puts it into
 * bench/RESULTS.md in place of its previous version, as `npm run bench` would.
 */
const main = async () => {
  const section = await run();
  const started = new Date();
  process.stdout.write(`\n## ${section.title}\n\n${section.markdown}\n`);
  const path = join(__dirname, 'RESULTS.md');
  let results = readFileSync(path, 'utf8');
  const block = `## ${section.title}\n\n_bench/web-load.bench.ts, run alone ${started.toISOString()}_\n\n${section.markdown}\n\n`;
  const existing = /## Web dashboard load at[^\n]*\n[\s\S]*?(?=\n## )/.exec(results);
  if (existing) results = results.replace(existing[0], block.trimEnd() + '\n');
  else results = results.replace(/\n## Figures\n/, `\n${block}## Figures\n`);
  // The figures block keeps every section's numbers: put this section's under its file name.
  results = results.replace(/```json\n([\s\S]*?)\n```/, (whole, json: string) => {
    try {
      const parsed = JSON.parse(json) as { figures?: Record<string, unknown> };
      parsed.figures = { ...(parsed.figures ?? {}), 'web-load': section.figures };
      return '```json\n' + JSON.stringify(parsed, null, 2) + '\n```';
    } catch {
      return whole;
    }
  });
  writeFileSync(path, results);
  console.error('bench/RESULTS.md updated (web-load section)');
};

if (process.argv[1] === __filename) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
