// `npm run test:distributed`: the end-to-end suites of the earlier issues, unchanged, against the
// gateway of the distributed shape (every service a process on PostgreSQL and the Kafka mock), and
// the fault tests of that shape. startTestPlatform switches on COORD_DISTRIBUTED, set by setupFiles.
const base = require('./jest.config');

module.exports = {
  ...base,
  roots: ['<rootDir>/test'],
  // The fault tests are *.distributed-test.ts, so that `npm test` (every *.spec.ts) leaves them out.
  testMatch: ['<rootDir>/test/e2e/**/*.e2e.spec.ts', '<rootDir>/test/distributed/**/*.spec.ts', '<rootDir>/test/distributed/**/*.distributed-test.ts'],
  setupFiles: ['<rootDir>/test/distributed/support/distributed-env.js'],
  // Suites written for "embedded and PostgreSQL" run once: the distributed shape is on PostgreSQL.
  // Left out as well, being embedded-only cases whose PostgreSQL counterpart runs:
  // - "3W exchange on embedded storage: the three real files": its PostgreSQL variant runs (CAR and
  //   Haiti; the 22,805-row Mali file is imported on embedded storage only, as in `npm test`);
  // - "serves the bundled global gazetteer": the shape is on PostgreSQL, where suites load the
  //   three-country gazetteer (the global one costs a suite a minute); place imports still run.
  // - "development sign-in (embedded)": by design the development sign-in exists only on the
  //   embedded default; its "outside the embedded default" counterpart runs;
  // - "resolves the organisations and places of fifty rows in a constant number of queries": it
  //   counts the statements of the server's own DataSource with a spy, which needs the server in
  //   the test process; the rows themselves are checked by the rest of the suite.
  testNamePattern:
    '^(?!.*(\\[embedded\\]|3W exchange on embedded storage|serves the bundled global gazetteer|fifty rows in a constant number of queries|development sign-in \\(embedded\\)))',
  testPathIgnorePatterns: [
    '/node_modules/',
    // The all-in-one platform with KAFKA_BROKERS, booted within a 30 s hook: the distributed shape
    // runs on Kafka throughout, so every suite here covers what it checks.
    '/test/e2e/kafka-bus\\.e2e\\.spec\\.ts$',
  ],
  // Each suite runs six Node processes; two suites at once would put twelve on two cores.
  maxWorkers: 1,
  // Booting the shape (six processes compiling TypeScript) takes tens of seconds on two cores.
  testTimeout: 180000,
};
