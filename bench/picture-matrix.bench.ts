import { Client, Pool } from 'pg';
import { signDevToken } from '@coord/auth';
import { createReadModelDataSource, PictureDimension, PictureFilter, PictureQueries, recomputeRollups } from '@coord/read-model';
import { TEST_SECRET } from '../test/support/platform';
import { startPlatformProcess } from '../test/support/platform-process';
import {
  BenchSection,
  CleanupStack,
  createBenchDatabase,
  GraphQLClient,
  int,
  markdownTable,
  ms,
  postgresReachable,
  runClosedLoop,
  runIfMain,
  Sample,
  summarize,
  tempDir,
  waitForQuietMachine,
} from './bench-kit';
import { expectData, REGISTER } from './bench-platform';

const DELIVERIES = Number(process.env.BENCH_PICTURE_DELIVERIES ?? 1_000_000);
const CLIENTS = 10;
const SECONDS = Number(process.env.BENCH_PICTURE_SECONDS ?? 20);
const WARM_UP_MS = 3_000;
const TARGET_P99_MS = 100;
const COUNTRIES = ['MLI', 'CAF', 'HTI'];
const SECTORS = ['FOOD_SECURITY', 'HEALTH', 'WASH', 'SHELTER', 'NUTRITION', 'EDUCATION', 'PROTECTION'];
const ORGANIZATIONS: ReadonlyArray<[name: string, acronym: string, kind: string]> = [
  ['World Food Programme', 'WFP', 'UN_AGENCY'],
  ['United Nations Children’s Fund', 'UNICEF', 'UN_AGENCY'],
  ['World Health Organization', 'WHO', 'UN_AGENCY'],
  ['Médecins Sans Frontières', 'MSF', 'NGO'],
  ['Association Malienne pour la Survie au Sahel', 'AMSS', 'NGO'],
  ['ACTED', 'ACTED', 'NGO'],
  ['International Rescue Committee', 'IRC', 'NGO'],
  ['Norwegian Refugee Council', 'NRC', 'NGO'],
];

/** A country's 3W (who × what × region), and a region's (who × what × district): what a coordination meeting opens. */
const MATRIX = (level: 'ADM1' | 'ADM2') => `query($filter: PictureFilter) { whoWhatWhere(filter: $filter, groupBy: [ORGANIZATION, SECTOR, ${level}]) {
  organization { id acronym } sector location { pcode name } deliveries targeted reached actionsInProgress presences } }`;

interface Question {
  readonly level: 'ADM1' | 'ADM2';
  readonly adminCode: string;
}

const groupBy = (question: Question): PictureDimension[] => ['ORGANIZATION', 'SECTOR', question.level];

/**
 * A million deliveries, 2.6 versions each on average (plan → dispatch → record → confirm, some
 * cancelled), written straight into `picture_facts` by one INSERT … SELECT over generate_series,
 * spread over the districts of Mali, the Central African Republic and Haiti; the rollups are then
 * summed from the current versions, as the projection keeps them.
 */
const fill = async (url: string, organizationIds: readonly string[]): Promise<{ rows: number; places: number }> => {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `CREATE TEMP TABLE bench_places AS SELECT row_number() OVER (ORDER BY l."pcode") - 1 AS n, l."pcode", r."parent_pcode" AS adm0, l."adm1_pcode" AS adm1
       FROM "locations" l JOIN "locations" r ON r."pcode" = l."adm1_pcode" WHERE l."level" = 2 AND r."parent_pcode" = ANY($1)`,
      [COUNTRIES],
    );
    const [{ places }] = (await client.query('SELECT COUNT(*)::int AS places FROM bench_places')).rows;
    if (places === 0) throw new Error('no district of the bench countries in the gazetteer');
    const instant = (offset: string) => `to_char(TIMESTAMP '2026-01-01' + make_interval(secs => ${offset}), 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
    const chunk = 100_000;
    for (let start = 1; start <= DELIVERIES; start += chunk) {
      await client.query(
        `INSERT INTO "picture_facts" ("stream_id", "record_id", "seq", "kind", "organization_id", "partner_id", "sector", "location_pcode",
           "adm0_pcode", "adm1_pcode", "adm2_pcode", "adm3_pcode", "date_start", "date_end", "month", "status", "deliveries", "presences",
           "actions", "actions_in_progress", "targeted", "reached", "valid_from", "valid_to", "opened_position", "closed_position")
         SELECT 'AidDelivery-bench-' || g, 'AidDelivery-bench-' || g, k, 'DELIVERY', ($1::text[])[1 + g % $2], NULL, ($3::text[])[1 + (g / 7) % $4],
           p."pcode", p.adm0, p.adm1, p."pcode", NULL, d.day, d.day, substr(d.day, 1, 7),
           CASE WHEN g % 10 = 9 AND k = 2 THEN 'CANCELLED' ELSE (ARRAY['PLANNED', 'DISPATCHED', 'DELIVERED', 'CONFIRMED'])[k] END,
           1, 0, 0, 0, 50 + g % 2000, CASE WHEN k >= 3 THEN g % 200 ELSE 0 END,
           ${instant('g * 2 + k * 3600')}, CASE WHEN k < f.last THEN ${instant('g * 2 + (k + 1) * 3600')} END,
           g || ':' || k, CASE WHEN k < f.last THEN g || ':' || (k + 1) END
         FROM generate_series($5::int, $6::int) AS g
         CROSS JOIN LATERAL (SELECT CASE g % 10 WHEN 0 THEN 1 WHEN 1 THEN 1 WHEN 2 THEN 2 WHEN 9 THEN 2 WHEN 7 THEN 4 WHEN 8 THEN 4 ELSE 3 END AS last) f
         CROSS JOIN LATERAL generate_series(1, f.last) AS k
         JOIN bench_places p ON p.n = (g::bigint * 7919) % $7
         CROSS JOIN LATERAL (SELECT '2026-' || lpad((1 + g % 12)::text, 2, '0') || '-' || lpad((1 + g % 28)::text, 2, '0') AS day) d`,
        [organizationIds, organizationIds.length, SECTORS, SECTORS.length, start, Math.min(DELIVERIES, start + chunk - 1), places],
      );
    }
    const [{ rows }] = (await client.query('SELECT COUNT(*)::int AS rows FROM "picture_facts"')).rows;
    return { rows, places };
  } finally {
    await client.end();
  }
};

const latencies = (samples: readonly Sample<unknown>[], after: number) =>
  summarize(samples.filter((sample) => sample.ok && sample.sentAt >= after).map((sample) => sample.finishedAt - sample.sentAt));

export async function run(): Promise<BenchSection> {
  const title = 'The 3W matrix over 1,000,000 deliveries (PostgreSQL)';
  const unreachable = await postgresReachable();
  if (unreachable) return { title, markdown: `Skipped: PostgreSQL is not reachable (${unreachable}).`, figures: {} };
  const cleanup = new CleanupStack();
  try {
    const dir = tempDir('picture');
    cleanup.add(`remove ${dir.path}`, () => dir.remove());
    const database = await createBenchDatabase();
    cleanup.add(`drop database ${database.name}`, () => database.drop());
    const url = database.url;
    const platform = await startPlatformProcess({ DATA_DIR: dir.path, DATABASE_URL: url, NX_DAEMON: 'false' });
    cleanup.add('stop the platform process', () => platform.stop());
    const client = new GraphQLClient(platform.url);
    cleanup.add('close the HTTP agent', () => client.close());
    const admin = { authorization: `Bearer ${await signDevToken(TEST_SECRET, { sub: 'bench-admin', org: 'platform-admins', roles: ['ADMIN'] })}` };
    const organizationIds: string[] = [];
    for (const [name, acronym, kind] of ORGANIZATIONS) {
      organizationIds.push(expectData(await client.request(REGISTER, { input: { name, acronym, kind } }, admin), 'registerOrganization').registerOrganization.id);
    }
    const reader = { authorization: `Bearer ${await signDevToken(TEST_SECRET, { sub: 'ocha-im', org: organizationIds[0], roles: ['OBSERVER'] })}` };

    const fillStarted = performance.now();
    const filled = await fill(url, organizationIds);
    const dataSource = await createReadModelDataSource({ kind: 'postgres', url });
    cleanup.add('close the bench data source', () => dataSource.destroy());
    await recomputeRollups(dataSource.manager);
    await dataSource.query('ANALYZE "picture_facts"');
    await dataSource.query('ANALYZE "picture_rollups"');
    const fillSeconds = (performance.now() - fillStarted) / 1000;
    const [{ current }] = await dataSource.query(`SELECT COUNT(*)::int AS current FROM "picture_facts" WHERE "valid_to" IS NULL`);
    const rollups: { grain: string; cells: number }[] = await dataSource.query(`SELECT "grain", COUNT(*)::int AS cells FROM "picture_rollups" GROUP BY "grain" ORDER BY "grain"`);

    const regions: string[] = (
      await dataSource.query(`SELECT DISTINCT "adm1_pcode" AS pcode FROM "picture_rollups" WHERE "grain" = 'matrix' ORDER BY 1`)
    ).map((row: { pcode: string }) => row.pcode);
    const questions: Question[] = [
      ...COUNTRIES.map((adminCode) => ({ level: 'ADM1' as const, adminCode })),
      ...regions.map((adminCode) => ({ level: 'ADM2' as const, adminCode })),
    ];
    // Each client alternates: a country's matrix, then a region's, round the whole list.
    const nth = (index: number): Question => (index % 2 === 0 ? questions[(index / 2) % COUNTRIES.length] : questions[COUNTRIES.length + ((index - 1) / 2) % regions.length]);

    const queries = new PictureQueries(dataSource);
    const statements = new Map<Question, { sql: string; parameters: unknown[]; source: string }>();
    for (const question of questions) {
      const statement = await queries.whoWhatWhereStatement({ adminCode: question.adminCode } satisfies PictureFilter, groupBy(question));
      statements.set(question, { sql: statement.sql, parameters: [...statement.parameters], source: statement.source });
    }
    const rowsPerAnswer = { ADM1: [] as number[], ADM2: [] as number[] };
    const load = await waitForQuietMachine();

    // Over HTTP: the whole resolver path (place look-up, rollup query, loaders for organisations and places).
    const graphqlRun = await runClosedLoop({
      concurrency: CLIENTS,
      durationMs: WARM_UP_MS + SECONDS * 1000,
      send: async (index) => {
        const question = nth(index);
        const rows = expectData(
          await client.request(MATRIX(question.level), { filter: { adminCode: question.adminCode } }, reader),
          'whoWhatWhere',
        ).whoWhatWhere as unknown[];
        if (rowsPerAnswer[question.level].length < 200) rowsPerAnswer[question.level].push(rows.length);
        return rows.length;
      },
    });
    const graphqlStart = Math.min(...graphqlRun.samples.map((sample) => sample.sentAt)) + WARM_UP_MS;

    // Raw: the same two statements the resolver sends (the area's look-up, the rollup query) on a pool of the same size.
    const pool = new Pool({ connectionString: url, max: CLIENTS });
    cleanup.add('close the raw pool', () => pool.end());
    const lookup = `SELECT l."pcode", l."level", CASE WHEN l."level" = 0 THEN l."pcode" ELSE r."parent_pcode" END AS "adm0_pcode", l."adm1_pcode", l."adm2_pcode", l."adm3_pcode" FROM "locations" l LEFT JOIN "locations" r ON r."pcode" = l."adm1_pcode" WHERE l."pcode" IN ($1)`;
    const rawRun = await runClosedLoop({
      concurrency: CLIENTS,
      durationMs: WARM_UP_MS + SECONDS * 1000,
      send: async (index) => {
        const question = nth(index);
        const statement = statements.get(question)!;
        await pool.query(lookup, [question.adminCode]);
        return (await pool.query(statement.sql, statement.parameters)).rowCount;
      },
    });
    const rawStart = Math.min(...rawRun.samples.map((sample) => sample.sentAt)) + WARM_UP_MS;

    // As of an instant: the same matrix grouped from the versioned facts, a few times, for scale.
    const asOfTimes: number[] = [];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const started = performance.now();
      await queries.whoWhatWhere({ adminCode: 'MLI' }, ['ORGANIZATION', 'SECTOR', 'ADM1'], '2026-01-10T00:00:00.000Z');
      asOfTimes.push(performance.now() - started);
    }

    const graphql = latencies(graphqlRun.samples, graphqlStart);
    const raw = latencies(rawRun.samples, rawStart);
    const failures = graphqlRun.samples.filter((sample) => !sample.ok).length + rawRun.samples.filter((sample) => !sample.ok).length;
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
    const throughput = (samples: readonly Sample<unknown>[], after: number) =>
      samples.filter((sample) => sample.ok && sample.sentAt >= after).length / SECONDS;
    const met = graphql.p99 <= TARGET_P99_MS;
    const table = markdownTable(
      ['path', 'answers/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'],
      [
        ['`whoWhatWhere` over HTTP (GraphQL, loaders, JSON)', int(throughput(graphqlRun.samples, graphqlStart)), ms(graphql.p50), ms(graphql.p95), ms(graphql.p99), ms(graphql.max)],
        ['the same SQL raw (node-postgres pool)', int(throughput(rawRun.samples, rawStart)), ms(raw.p50), ms(raw.p95), ms(raw.p99), ms(raw.max)],
      ],
    );
    const markdown = [
      `${int(DELIVERIES)} deliveries (${int(filled.rows)} fact rows, ${int(current)} current) over ${filled.places} districts of Mali, the Central African Republic and Haiti, `,
      `${organizationIds.length} organisations, ${SECTORS.length} sectors, written straight into \`picture_facts\` (INSERT … SELECT over generate_series) and summed into the rollups `,
      `(${rollups.map((row) => `${row.grain}: ${int(row.cells)} cells`).join(', ')}) in ${fillSeconds.toFixed(0)} s. `,
      `${CLIENTS} clients in a closed loop for ${SECONDS} s after ${WARM_UP_MS / 1000} s of warm-up, alternating a country's 3W matrix `,
      `(organisation × sector × region, ${Math.round(mean(rowsPerAnswer.ADM1))} rows on average) and a region's (organisation × sector × district, `,
      `${Math.round(mean(rowsPerAnswer.ADM2))} rows), with each row's organisation and place; then the same SQL on a pool of ${CLIENTS} connections. `,
      `Platform, PostgreSQL and load generator share the machine. ${failures} failed requests.`,
      `\n\n${load}`,
      `\n\n${table}`,
      `\n\nTarget: p99 ≤ ${TARGET_P99_MS} ms at ${CLIENTS} clients — **${met ? 'met' : 'missed'}** (p99 ${ms(graphql.p99)} ms).`,
      `\n\nFor scale: the same country matrix *as of an instant* is grouped from the ${int(filled.rows)} versioned facts instead of the rollups: `,
      `${asOfTimes.map((time) => ms(time)).join(', ')} ms alone.`,
    ].join('');
    return {
      title,
      markdown,
      figures: {
        deliveries: DELIVERIES,
        factRows: filled.rows,
        fillSeconds,
        graphqlP50: graphql.p50,
        graphqlP95: graphql.p95,
        graphqlP99: graphql.p99,
        graphqlPerSecond: throughput(graphqlRun.samples, graphqlStart),
        rawP50: raw.p50,
        rawP95: raw.p95,
        rawP99: raw.p99,
        rawPerSecond: throughput(rawRun.samples, rawStart),
        asOfMs: Math.min(...asOfTimes),
        failures,
      },
    };
  } finally {
    await cleanup.run();
  }
}

runIfMain(module, run);
