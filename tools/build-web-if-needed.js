#!/usr/bin/env node
// `npm start` serves the dashboard from apps/web/dist: build it when it is missing or older than its
// sources, so a fresh clone needs only `npm ci` and `npm start`.
const { existsSync, readdirSync, statSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { spawnSync } = require('node:child_process');

const webRoot = join(__dirname, '..', 'apps', 'web');
const builtPage = join(webRoot, 'dist', 'index.html');

const newestChange = (path) => {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestChange(join(path, entry))));
};

const sources = ['src', 'public', 'index.html', 'vite.config.ts'].map((entry) => join(webRoot, entry)).filter(existsSync);
const stale = !existsSync(builtPage) || Math.max(...sources.map(newestChange)) > statSync(builtPage).mtimeMs;
if (stale || process.argv.includes('--force')) {
  // vite's package exports hide bin/, so find it beside its package.json.
  const vite = join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn', '-c', join(webRoot, 'vite.config.ts')], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  process.exit(result.status ?? 1);
}
