import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildWeb } from '../support/browser';

/** Issue 7: the first load's JavaScript, gzipped. A size, not a time, so it belongs in a test. */
const BUDGET_BYTES = 300 * 1024;

/** The scripts index.html makes the browser fetch before the first page renders: the entry and its modulepreloads. */
const initialScripts = (html: string): string[] => {
  const sources = new Set<string>();
  for (const match of html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)) sources.add(match[1]);
  for (const match of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)) sources.add(match[1]);
  return [...sources];
};

describe('the dashboard bundle', () => {
  // A production build of its own: apps/web/dist may be stale or built by another suite meanwhile.
  let DIST: string;
  beforeAll(() => {
    DIST = mkdtempSync(join(tmpdir(), 'coord-web-budget-'));
    buildWeb(DIST);
  });
  afterAll(() => rmSync(DIST, { recursive: true, force: true }));

  it('loads at most 300 KB of gzipped JavaScript before the first page', () => {
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    const scripts = initialScripts(html);
    expect(scripts.length).toBeGreaterThan(0);
    const sizes = scripts.map((src) => {
      const body = readFileSync(join(DIST, src.replace(/^\//, '')));
      return { src, raw: body.length, gzipped: gzipSync(body, { level: 9 }).length };
    });
    const total = sizes.reduce((sum, size) => sum + size.gzipped, 0);
    // Printed so a failing budget says which chunk grew.
    // Also a guard against a development build of React slipping in (it alone is ~180 KB gzipped).
    if (total > BUDGET_BYTES) console.error(sizes);
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('reads the entry and modulepreloads the way Vite writes them', () => {
    expect(
      initialScripts('<script type="module" crossorigin src="/assets/index-a1.js"></script><link rel="modulepreload" crossorigin href="/assets/vendor-b2.js"><link rel="stylesheet" href="/assets/x.css">'),
    ).toEqual(['/assets/index-a1.js', '/assets/vendor-b2.js']);
  });
});
