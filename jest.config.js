// One jest run over every project: decide specs, adapter contract suites, projections and end-to-end.
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
  moduleNameMapper[`^${alias.replace('/', '\\/')}$`] = `<rootDir>/${target}`;
}

const swcOptions = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/libs', '<rootDir>/apps', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  // The distributed shape (six processes per suite) runs under `npm run test:distributed` only.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/distributed/'],
  transform: { '^.+\\.ts$': ['@swc/jest', swcOptions] },
  moduleNameMapper,
  // Suites boot the whole platform (on PostgreSQL: schema, gazetteer) on two shared cores.
  testTimeout: 90000,
  // Suites share PostgreSQL and ports; two workers match the two cores of the reference machine.
  // In CI one suite at a time: PostgreSQL suites share one cluster, and its oldest open transaction
  // (cluster-wide) holds back every log reader, so a neighbour's long schema transaction would
  // delay another suite's read model past its assertions.
  maxWorkers: process.env.CI === 'true' ? 1 : 2,
  globalSetup: '<rootDir>/test/support/global-setup.js',
};
