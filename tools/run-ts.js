#!/usr/bin/env node
// Runs a TypeScript entry point without a build step: SWC transpiles on load (with decorator
// metadata, which NestJS dependency injection needs) and tsconfig paths resolve the @coord/* libraries.
const path = require('node:path');
process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || path.join(__dirname, '..', 'tsconfig.json');
require('@swc-node/register');
const entry = process.argv[2];
if (!entry) {
  console.error('usage: node tools/run-ts.js <entry.ts> [args...]');
  process.exit(2);
}
process.argv.splice(1, 2, path.resolve(entry));
require(path.resolve(entry));
