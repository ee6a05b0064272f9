// Probes the real servers once per run so that suites can decide synchronously whether to run.
// With CI=true a suite whose server is missing fails instead of skipping (see postgres.ts).
const { Client } = require('pg');

module.exports = async () => {
  const url = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  process.env.TEST_DATABASE_URL = url;
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    process.env.TEST_POSTGRES_AVAILABLE = '1';
  } catch (error) {
    process.env.TEST_POSTGRES_AVAILABLE = '0';
    process.env.TEST_POSTGRES_ERROR = String(error && error.message);
  } finally {
    await client.end().catch(() => undefined);
  }
};
