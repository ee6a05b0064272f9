import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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
