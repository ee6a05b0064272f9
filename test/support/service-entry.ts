import { resolve } from 'node:path';
import { letIdempotentProducersRunOnKafkaMock } from '@coord/test-support';

/**
 * Runs one service of the distributed shape for the tests: `node tools/run-ts.js
 * test/support/service-entry.ts apps/<service>/src/main.ts`. On the kcat mock cluster the
 * idempotent producer needs the test-only shim (TOOLCHAIN.md), which must never reach the apps.
 */
if (process.env.COORD_TEST_KAFKA_MOCK === '1') letIdempotentProducersRunOnKafkaMock();
const entry = process.argv[2];
if (!entry) throw new Error('usage: service-entry.ts <apps/…/main.ts>');
process.argv.splice(2, 1);
// The entry is only known at run time, so it cannot be a static import.
// eslint-disable-next-line @typescript-eslint/no-require-imports
require(resolve(entry));
