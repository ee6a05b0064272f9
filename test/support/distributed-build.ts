import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { transformFileSync } from '@swc/core';

const ROOT = join(__dirname, '..', '..');
const SOURCE_DIRS = ['apps', 'libs', join('test', 'support')];
/** The browser dashboard is built by Vite, not run by Node. */
const SKIPPED = [join('apps', 'web')];

/** What tools/run-ts.js's SWC does on load (decorator metadata for Nest's injection), done ahead. */
const SWC_OPTIONS = {
  jsc: {
    parser: { syntax: 'typescript' as const, decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022' as const,
    keepClassNames: true,
  },
  module: { type: 'commonjs' as const },
  sourceMaps: 'inline' as const,
};

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'dist' || SKIPPED.includes(relative(ROOT, path)) ? [] : walk(path);
    return [path];
  });

/** Resolves the @coord/* aliases of tsconfig.base.json to the transpiled files, as run-ts's tsconfig paths do. */
const registerSource = (out: string) => `
const Module = require('node:module');
const path = require('node:path');
const { compilerOptions } = require(${JSON.stringify(join(ROOT, 'tsconfig.base.json'))});
const aliases = {};
for (const [alias, [target]] of Object.entries(compilerOptions.paths)) aliases[alias] = path.join(${JSON.stringify(out)}, target.replace(/\\.ts$/, '.js'));
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolve.call(this, aliases[request] ?? request, ...rest);
};
`;

export interface PrebuiltServices {
  /** `node -r <register> <entry>`: what to spawn for a source file such as `apps/gateway/src/main.ts`. */
  command(entry: string): string[];
  remove(): void;
}

/**
 * Transpiles the apps, libs and test support once (SWC, about 0.3 s for every file) into a
 * directory under dist/, so that the six processes of the distributed shape do not each compile
 * the same modules on load: that halves their CPU at boot on a 2-core machine. Files that are not
 * TypeScript (assets such as the gazetteer) are linked, so paths relative to __dirname still hold.
 */
export const prebuildServices = (): PrebuiltServices => {
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  const out = mkdtempSync(join(ROOT, 'dist', 'distributed-'));
  for (const file of SOURCE_DIRS.flatMap((dir) => walk(join(ROOT, dir)))) {
    const target = join(out, relative(ROOT, file));
    mkdirSync(dirname(target), { recursive: true });
    if (file.endsWith('.spec.ts')) continue;
    if (file.endsWith('.ts')) writeFileSync(target.replace(/\.ts$/, '.js'), transformFileSync(file, { ...SWC_OPTIONS, filename: file }).code);
    else symlinkSync(file, target);
  }
  const register = join(out, 'register-aliases.js');
  writeFileSync(register, registerSource(out));
  return {
    command: (entry) => ['-r', register, join(out, entry.replace(/\.ts$/, '.js'))],
    remove: () => rmSync(out, { recursive: true, force: true }),
  };
};
