import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { DataSource } from 'typeorm';
import { EVENT_STORE, EventStore } from '@coord/event-store';
import { ExchangeQueries, ProjectionRunner } from '@coord/read-model';
import { READ_MODEL_DATA_SOURCE } from '@coord/runtime';
import { describeWithPostgres } from '@coord/test-support';
import { eventually, startTestPlatform, TestPlatform } from '../support/platform';
import { EMBEDDED_STORAGE, POSTGRES_STORAGE, Storage } from '../support/storage';

const FIXTURES = join(__dirname, '..', 'fixtures', '3w');
const MALI = 'mli-5w-operational-presence-2022-03.csv';
const CAR = 'caf-3w-operational-presence-2022q1.csv';
const HAITI = 'hti-3w-operational-presence-2020.csv';
const fixture = (file: string): string => readFileSync(join(FIXTURES, file), 'utf8');

interface Report {
  status: 'RUNNING' | 'DONE' | 'FAILED';
  file: string;
  hashtagRow: number | null;
  totalRows: number;
  processedRows: number;
  imported: number;
  rejected: number;
  fixes: { row: number; field: string; from: string; to: string; rule: string }[];
  rejections: { row: number; reason: string }[];
  columns: { column: number; header: string; tag: string; field: string }[];
  presences: { reported: number; updated: number; unchanged: number };
  merged: { row: number; into: number }[];
  organizationsRegistered: { id: string; name: string; acronym: string | null; kind: string }[];
  aliasesAdded: { organizationId: string; alias: string }[];
  error: string | null;
}

/** The file's own rows, read by csv-parse alone: the independent count the import is checked against. */
const fileRows = (file: string): string[][] => (parse(fixture(file), { relax_column_count: true }) as string[][]).slice(2);
const organizationKey = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
const tally = (keys: Iterable<string>): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
};

const exchange = (storage: Storage, files: readonly string[]) => () => {
  let platform: TestPlatform;
  let cleanup: () => Promise<void> = async () => undefined;
  let store: EventStore;
  let readModel: DataSource;
  let admin: string;
  const reports = new Map<string, { importId: string; report: Report }>();

  const post = (body: string | FormData, token: string, query = '') =>
    fetch(`${platform.url}/imports/3w${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, ...(typeof body === 'string' ? { 'content-type': 'text/csv' } : {}) },
      body,
    });
  const reportOf = async (importId: string, token = admin): Promise<Report> =>
    eventually(
      async () => {
        const report = (await (await fetch(`${platform.url}/imports/${importId}`, { headers: { authorization: `Bearer ${token}` } })).json()) as Report;
        if (report.status === 'RUNNING') throw new Error(`import ${importId} still running`);
        return report;
      },
      60_000,
      50,
    );
  const importCsv = async (csv: string, file: string, token = admin) => {
    const response = await post(csv, token, `?file=${encodeURIComponent(file)}`);
    expect(response.status).toBe(202);
    const { importId } = (await response.json()) as { importId: string };
    return { importId, report: await reportOf(importId, token) };
  };
  const settled = async () => {
    const head = await store.headPosition();
    if (head) await platform.app.get(ProjectionRunner).waitFor(head, 30_000);
  };
  const presencesOf = async (importId: string) => {
    await settled();
    return (await readModel.query(
      `SELECT * FROM operational_presences WHERE import_id = ${readModel.options.type === 'postgres' ? '$1' : '?'}`,
      [importId],
    )) as Record<string, unknown>[];
  };

  const exported = async (query = '', token = admin): Promise<Response> => {
    const head = await store.headPosition();
    return fetch(`${platform.url}/exports/3w.csv${query}`, {
      headers: { authorization: `Bearer ${token}`, ...(head ? { 'x-min-position': head } : {}) },
    });
  };
  const exportRows = async (query = '', token = admin): Promise<Record<string, string>[]> => {
    const response = await exported(query, token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const [, tags, ...rows] = parse(await response.text()) as string[][];
    return rows.map((cells) => Object.fromEntries(tags.map((tag, index) => [tag, cells[index]])));
  };

  beforeAll(async () => {
    const storageOf = await storage();
    cleanup = storageOf.cleanup;
    platform = await startTestPlatform(storageOf.env);
    store = platform.app.get(EVENT_STORE);
    readModel = platform.app.get(READ_MODEL_DATA_SOURCE);
    admin = await platform.token('admins', ['ADMIN']);
    for (const file of files) reports.set(file, await importCsv(fixture(file), file));
  }, 180_000);
  afterAll(async () => {
    await platform?.close();
    await cleanup();
  });

  if (files.includes(MALI)) {
    it('imports the Mali 5W with every one of its 22,805 rows accounted for, fixing MLI→ML prefixes and trailing spaces', async () => {
      const { importId, report } = reports.get(MALI)!;
      const rows = fileRows(MALI);
      expect(report).toMatchObject({ status: 'DONE', totalRows: 22_805, processedRows: 22_805, imported: 22_805, rejected: 0, error: null });
      expect(report.hashtagRow).toBe(2);

      const prefixFixes = report.fixes.filter((fix) => fix.rule === 'country-prefix');
      const mliRows = rows.flatMap((cells, index) => (cells[1].startsWith('MLI') && cells[1] !== 'MLI11' ? [index + 3] : []));
      expect(prefixFixes.map((fix) => fix.row)).toEqual(mliRows);
      expect(prefixFixes[0]).toEqual({ row: 3, field: '#adm1+code', from: 'MLI05', to: 'ML05', rule: 'country-prefix' });
      const trailing = rows.flatMap((cells, index) => (cells[3] !== cells[3].trim() ? [index + 3] : []));
      expect(trailing.length).toBeGreaterThan(0);
      const adm2Trims = report.fixes.filter((fix) => fix.rule === 'trim' && fix.field === '#adm2+code');
      expect(adm2Trims.map((fix) => fix.row)).toEqual(trailing);
      expect(adm2Trims[0].to).toBe(adm2Trims[0].from.trim());
      // Bamako's district code in the region column, and MLI11 for Ménaka: the region comes from the district.
      expect(report.fixes.filter((fix) => fix.rule === 'adm1-from-adm2').map((fix) => `${fix.from}→${fix.to}`)).toEqual(
        expect.arrayContaining(['ML0901→ML09', 'MLI11→ML10']),
      );

      // Every row is in a presence: as the row it was first seen on, or merged into that row's presence.
      const presences = await presencesOf(importId);
      const sourceRows = presences.map((presence) => Number(presence.source_row));
      expect(new Set([...sourceRows, ...report.merged.map((merge) => merge.row)]).size).toBe(22_805);
      expect(presences.every((presence) => presence.boundary_version === '2021-12-20' && presence.location_unknown === 0)).toBe(true);
      expect(presences.every((presence) => presence.source_file === MALI && presence.sector === null)).toBe(true);
    });

    it('counts the Mali presences per region and per cercle in whoWhatWhere as an independent count of the file does', async () => {
      // A presence is an organisation in a place: the file's rows, deduplicated by organisation and cercle.
      const keys = new Set(fileRows(MALI).map(([organization, , , adm2]) => `${organizationKey(organization)}|${adm2.trim()}`));
      const byAdm2 = tally([...keys].map((key) => key.split('|')[1]));
      const byAdm1 = tally([...keys].map((key) => key.split('|')[1].slice(0, 4)));
      // Through the shared picture, as every reader sees it.
      const head = (await store.headPosition()) as string;
      const picture = async (groupBy: 'ADM1' | 'ADM2') => {
        const response = await platform.graphql(
          `query($groupBy: [PictureDimension!]!) { whoWhatWhere(filter: { adminCode: "MLI" }, groupBy: $groupBy) { adm1 { pcode } adm2 { pcode } presences } }`,
          { groupBy: [groupBy] },
          { token: admin, headers: { 'x-min-position': head } },
        );
        expect(response.errors).toBeUndefined();
        const rows = response.data.whoWhatWhere as { adm1: { pcode: string }; adm2: { pcode: string } | null; presences: number }[];
        return Object.fromEntries(rows.map((row) => [(groupBy === 'ADM1' ? row.adm1 : row.adm2)!.pcode, row.presences]));
      };
      expect(await picture('ADM1')).toEqual(byAdm1);
      expect(await picture('ADM2')).toEqual(byAdm2);
      // And through the read model's own count of presences.
      await settled();
      const queries = platform.app.get(ExchangeQueries);
      const counted = async (level: 1 | 2) =>
        Object.fromEntries((await queries.presenceCounts(level)).filter((row) => row.pcode.startsWith('ML')).map((row) => [row.pcode, row.presences]));
      expect(await counted(2)).toEqual(byAdm2);
      expect(await counted(1)).toEqual(byAdm1);
      expect(Object.values(byAdm1).reduce((sum, count) => sum + count, 0)).toBe(reports.get(MALI)!.report.presences.reported);
      // The export says the same, over HTTP.
      const maliRows = await exportRows('?adminCode=MLI');
      expect(tally(maliRows.map((row) => row['#adm2+code']))).toEqual(byAdm2);
    });

    it('records nothing when the same file is imported again', async () => {
      const head = await store.headPosition();
      const { report } = await importCsv(fixture(MALI), 'again.csv');
      expect(report).toMatchObject({ status: 'DONE', imported: 22_805, rejected: 0, presences: { reported: 0, updated: 0, unchanged: 1221 } });
      expect(report.organizationsRegistered).toEqual([]);
      expect(report.aliasesAdded).toEqual([]);
      expect(await store.headPosition()).toBe(head);
    });
  }

  if (files.includes(CAR)) {
    it('imports the CAR 3W: sub-prefectures of an older boundary version flagged and kept under Bangui, Coordination and a misfiled row refused', async () => {
      const { importId, report } = reports.get(CAR)!;
      expect(report).toMatchObject({ status: 'DONE', totalRows: 1809, imported: 1790, rejected: 19 });
      const coordination = fileRows(CAR).flatMap((cells, index) => (cells[4] === 'Coordination' ? [index + 3] : []));
      expect(report.rejections.filter((rejection) => /sector Coordination/.test(rejection.reason)).map((rejection) => rejection.row)).toEqual(coordination);
      expect(report.rejections).toContainEqual({
        row: 928,
        reason: "#adm2+code CF111 (Bimbo) lies in CF11 (Ombella M'Poko), not in CF71 (Bangui) as the row says",
      });
      expect(report.fixes).toContainEqual({ row: 1, field: 'TYPE_ORG', from: 'TYPE_ORG', to: '#org+type', rule: 'header-name' });
      expect(report.fixes).toContainEqual(expect.objectContaining({ field: '#sector', from: 'EHA', to: 'WASH', rule: 'sector-vocabulary' }));

      const presences = await presencesOf(importId);
      const unknown = presences.filter((presence) => presence.location_unknown === 1);
      const unknownRows = fileRows(CAR).filter((cells) => /^CF71[2-8]$/.test(cells[3]) && cells[4] !== 'Coordination').length;
      expect(unknown.length).toBeGreaterThan(0);
      expect(new Set(unknown.map((presence) => presence.location_pcode))).toEqual(new Set(['CF712', 'CF713', 'CF714', 'CF715', 'CF716', 'CF717', 'CF718']));
      expect(unknown.every((presence) => presence.adm1_pcode === 'CF71' && presence.adm2_pcode === presence.location_pcode)).toBe(true);
      expect(unknown.every((presence) => presence.boundary_version === null)).toBe(true);
      expect(unknown.length + report.merged.filter((merge) => /^CF71[2-8]$/.test(fileRows(CAR)[merge.row - 3][3])).length).toBe(unknownRows);
      const known = presences.find((presence) => presence.location_pcode === 'CF214');
      expect(known).toMatchObject({ location_unknown: 0, boundary_version: '2015-06-15', adm1_pcode: 'CF21' });
      // Exported and filtered by the code the gazetteer does not know, they are still there.
      expect((await exportRows('?adminCode=CF713')).length).toBe(unknown.filter((presence) => presence.location_pcode === 'CF713').length);
    });
  }

  if (files.includes(HAITI) && files.includes(CAR)) {
    it('maps the bilingual Haiti headers (English first) and learns the full and French names as aliases', async () => {
      const { report } = reports.get(HAITI)!;
      expect(report).toMatchObject({ status: 'DONE', totalRows: 11_376, imported: 11_376, rejected: 0 });
      const mapped = Object.fromEntries(report.columns.map((column) => [column.header, `${column.tag} ${column.field}`]));
      expect(mapped).toMatchObject({
        SECTORS_fr: '#sector+cluster+name+i_fr sector',
        SECTORS_en: '#sector+cluster+name+i_en sector',
        ORG_NAME_fr: '#org+name+i_fr orgName',
        ORG_ACRONYM_en: '#org+acronym+i_en orgAcronym',
        ORG_TYPE_en: '#org+type+i_en orgType',
        adm2code: '#adm2+code adm2Code',
      });
      expect(report.fixes.filter((fix) => fix.rule === 'sector-vocabulary').map((fix) => `${fix.from}→${fix.to}`)).toEqual(
        expect.arrayContaining(['Shelter/NFI→SHELTER', 'Cholera→HEALTH']),
      );
      // CAR registered ACF by its acronym alone; Haiti's rows name it in full, in English and French.
      const acf = reports.get(CAR)!.report.organizationsRegistered.find((organization) => organization.name === 'ACF');
      expect(acf).toMatchObject({ acronym: null, kind: 'NGO' });
      expect(report.aliasesAdded.filter((alias) => alias.organizationId === acf!.id).map((alias) => alias.alias)).toEqual([
        'ACTION AGAINST HUNGER',
        'ACTION CONTRE LA FAIM',
      ]);
      // Two Red Crosses share the English acronym SRC: never merged.
      const redCrosses = report.organizationsRegistered.filter((organization) => organization.acronym === 'SRC').map((organization) => organization.name);
      expect(redCrosses.sort()).toEqual(['SPANISH RED CROSS', 'SWISS RED CROSS']);
    });
  }

  it('exports the 3W with a header row and the HXL row, and the export re-imports without loss', async () => {
    const csv = await (await exported()).text();
    const [header, tags] = parse(csv, { to: 2 }) as string[][];
    expect(header.slice(0, 10)).toEqual(['Organisation', 'Sector', 'Admin 1 P-code', 'Admin 2 P-code', 'Activity', 'Targeted', 'Reached', 'Start date', 'End date', 'Status']);
    expect(tags.slice(0, 10)).toEqual(['#org', '#sector', '#adm1+code', '#adm2+code', '#activity', '#targeted', '#reached', '#date+start', '#date+end', '#status']);
    const presences = [...reports.values()].reduce((sum, { report }) => sum + report.presences.reported, 0);
    expect((parse(csv) as string[][]).length - 2).toBe(presences);

    const head = await store.headPosition();
    const { report } = await importCsv(csv, '3w.csv');
    expect(report).toMatchObject({ status: 'DONE', totalRows: presences, imported: presences, rejected: 0, presences: { reported: 0, updated: 0, unchanged: presences } });
    expect(report.fixes).toEqual([]);
    expect(await store.headPosition()).toBe(head);
  });

  it('filters the export by sector, organisation, admin area and status, and refuses a bad filter', async () => {
    const all = await exportRows();
    const [first] = all;
    const bySector = await exportRows(`?sector=${first['#sector'] || 'HEALTH'}`);
    expect(bySector.length).toBeGreaterThan(0);
    expect(bySector.every((row) => row['#sector'] === (first['#sector'] || 'HEALTH'))).toBe(true);
    const adm1 = first['#adm1+code'];
    expect((await exportRows(`?adminCode=${adm1}`)).every((row) => row['#adm1+code'] === adm1)).toBe(true);
    const organizationId = (await presencesOf(reports.values().next().value!.importId))[0].organization_id as string;
    const byOrganization = await exportRows(`?organizationId=${organizationId}`);
    expect(byOrganization.length).toBeGreaterThan(0);
    expect(new Set(byOrganization.map((row) => row['#org'])).size).toBe(1);
    expect(await exportRows('?status=WITHDRAWN')).toEqual([]);
    for (const bad of ['?sector=CATERING', '?from=2022-02-30', '?from=2022-03-01&to=2022-02-01', '?status=LOST']) {
      const refused = await exported(bad);
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('BAD_USER_INPUT');
    }
    expect((await fetch(`${platform.url}/exports/3w.csv`)).status).toBe(401);
  });
};

describe('3W exchange on embedded storage: the three real files', exchange(EMBEDDED_STORAGE, [MALI, CAR, HAITI]));

describeWithPostgres('3W exchange', exchange(POSTGRES_STORAGE, [CAR, HAITI]));

describe('POST /imports/3w: who may import, and files it cannot read', () => {
  let platform: TestPlatform;
  let admin: string;
  beforeAll(async () => {
    platform = await startTestPlatform();
    admin = await platform.token('admins', ['ADMIN']);
  });
  afterAll(() => platform?.close());

  const post = (body: string | FormData, token: string | null, contentType: string | null = 'text/csv') =>
    fetch(`${platform.url}/imports/3w`, {
      method: 'POST',
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(contentType ? { 'content-type': contentType } : {}) },
      body,
    });
  const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; field?: string; message: string } }).error;

  it('takes the file as the multipart field "file", maps French header names without an HXL row, and numbers rows as in the file', async () => {
    const liaison = await platform.token('mission-liaison', ['LIAISON_OFFICER']);
    const csv = [
      'Rapport 3W du cercle de Gao',
      '',
      'Organisation;Sigle;Secteur;Région;Admin1 Pcode;Admin2 Pcode;Activité;Personnes ciblées;Date de début;Date de fin',
      'Action Contre la Faim;ACF;Nutrition;Gao;ML07;ML0701;Dépistage;1 200;01/03/2022;31/03/2022',
      ';;Santé;Gao;ML07;ML0701;;;;',
      'Action contre la faim ;ACF;Nutrition;Gao;ML07;ml0701;Dépistage;300;2022-03-01;2022-03-31',
      'Médecins du Monde;MdM;Santé;Gao;ML07;ML0799;Cliniques mobiles;x;2022-03-01;2022-03-31',
    ].join('\n');
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'gao-3w.csv');
    const response = await post(form, liaison, null);
    expect(response.status).toBe(202);
    const { importId } = (await response.json()) as { importId: string };
    const report = await eventually(async () => {
      const current = (await (await fetch(`${platform.url}/imports/${importId}`, { headers: { authorization: `Bearer ${liaison}` } })).json()) as Report;
      if (current.status === 'RUNNING') throw new Error('running');
      return current;
    });
    expect(report).toMatchObject({ status: 'DONE', file: 'gao-3w.csv', hashtagRow: null, totalRows: 4, imported: 2, rejected: 2 });
    expect(report.rejections).toEqual([
      { row: 5, reason: 'no organisation: the #org cells are empty' },
      { row: 7, reason: '#targeted: x is not a whole number of people' },
    ]);
    expect(report.fixes).toEqual(
      expect.arrayContaining([
        { row: 3, field: 'Secteur', from: 'Secteur', to: '#sector', rule: 'header-name' },
        { row: 3, field: 'Personnes ciblées', from: 'Personnes ciblées', to: '#targeted', rule: 'header-name' },
        { row: 4, field: '#targeted', from: '1 200', to: '1200', rule: 'number-format' },
        { row: 4, field: '#date+start', from: '01/03/2022', to: '2022-03-01', rule: 'date-format' },
        { row: 6, field: '#org+name', from: 'Action contre la faim ', to: 'Action contre la faim', rule: 'trim' },
        { row: 6, field: '#adm2+code', from: 'ml0701', to: 'ML0701', rule: 'upper-case' },
      ]),
    );
    // Rows 4 and 6 are one presence (same organisation, sector, place and period): their targets add up.
    expect(report.presences.reported).toBe(1);
    expect(report.merged).toEqual([{ row: 6, into: 4 }]);
    expect(report.organizationsRegistered).toEqual([expect.objectContaining({ name: 'Action Contre la Faim', acronym: 'ACF' })]);
    const exported = await (await fetch(`${platform.url}/exports/3w.csv?adminCode=ML0701`, { headers: { authorization: `Bearer ${admin}` } })).text();
    expect(exported).toContain('Action Contre la Faim,NUTRITION,ML07,ML0701,Dépistage,1500,,2022-03-01,2022-03-31,ACTIVE,ACF,IMPLEMENTING');
  });

  it('lets an admin merge by alias and undo it', async () => {
    const csv = '#org+name,#adm2+code\nPAM,ML0701\n';
    const form = new FormData();
    form.append('file', new Blob([csv]), 'pam.csv');
    const organization = (
      await platform.graphql(`mutation { registerOrganization(input: { name: "World Food Programme", acronym: "WFP", kind: UN_AGENCY }) { id } }`, {}, { token: admin })
    ).data.registerOrganization.id as string;
    const alias = await platform.graphql(
      `mutation($input: AddOrganizationAliasInput!) { addOrganizationAlias(input: $input) { id version } }`,
      { input: { organizationId: organization, alias: 'PAM' } },
      { token: admin },
    );
    expect(alias.data.addOrganizationAlias).toEqual({ id: organization, version: 2 });
    await eventually(async () => {
      const aliases = await platform.graphql(`query($id: ID!) { organizationAliases(organizationId: $id) }`, { id: organization }, { token: admin });
      expect(aliases.data.organizationAliases).toEqual(['PAM']);
    });
    const { importId } = (await (await post(form, admin, null)).json()) as { importId: string };
    const report = await eventually(async () => {
      const current = (await (await fetch(`${platform.url}/imports/${importId}`, { headers: { authorization: `Bearer ${admin}` } })).json()) as Report;
      if (current.status === 'RUNNING') throw new Error('running');
      return current;
    });
    expect(report.organizationsRegistered).toEqual([]);
    const removed = await platform.graphql(
      `mutation($input: RemoveOrganizationAliasInput!) { removeOrganizationAlias(input: $input) { version } }`,
      { input: { organizationId: organization, alias: 'pam', reason: 'PAM is a local partner here' } },
      { token: admin },
    );
    expect(removed.data.removeOrganizationAlias).toEqual({ version: 3 });
    const officer = await platform.token(organization, ['AGENCY_OFFICER']);
    const forbidden = await platform.graphql(
      `mutation($input: AddOrganizationAliasInput!) { addOrganizationAlias(input: $input) { id } }`,
      { input: { organizationId: organization, alias: 'WFP Mali' } },
      { token: officer },
    );
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('exports deliveries beside presences, reached as a total only, and refuses them on re-import', async () => {
    const agency = (
      await platform.graphql(`mutation { registerOrganization(input: { name: "United Nations Children's Fund", acronym: "UNICEF", kind: UN_AGENCY }) { id } }`, {}, { token: admin })
    ).data.registerOrganization.id as string;
    const officer = await platform.token(agency, ['AGENCY_OFFICER']);
    const planned = await platform.graphql(
      `mutation($input: PlanDeliveryInput!) { planDelivery(input: $input) { id position } }`,
      { input: { sector: 'NUTRITION', items: [{ commodity: 'RUTF', quantity: 300, unit: 'carton' }], adminCode: 'ML0701', plannedDate: '2026-12-01', targetedBeneficiaries: 450 } },
      { token: officer },
    );
    const { id, position } = planned.data.planDelivery as { id: string; position: string };
    await platform.graphql(`mutation($input: DispatchDeliveryInput!) { dispatchDelivery(input: $input) { id } }`, { input: { deliveryId: id } }, { token: officer });
    await platform.graphql(
      `mutation($input: RecordDeliveryInput!) { recordDelivery(input: $input) { id } }`,
      { input: { deliveryId: id, deliveredItems: [{ commodity: 'RUTF', quantity: 300, unit: 'carton' }], reached: { women: 3, men: 2, girls: 1, boys: 1 } } },
      { token: officer },
    );
    const head = (await platform.app.get<EventStore>(EVENT_STORE).headPosition()) ?? position;
    const csv = await (
      await fetch(`${platform.url}/exports/3w.csv?organizationId=${agency}&status=DELIVERED`, { headers: { authorization: `Bearer ${officer}`, 'x-min-position': head } })
    ).text();
    const [, , delivery, ...rest] = parse(csv) as string[][];
    expect(rest).toEqual([]);
    expect(delivery).toEqual([
      "United Nations Children's Fund",
      'NUTRITION',
      'ML07',
      'ML0701',
      'RUTF 300 carton',
      '450',
      '7',
      '2026-12-01',
      '',
      'DELIVERED',
      'UNICEF',
      'IMPLEMENTING',
      '',
      id,
    ]);
    const response = await post(csv, admin);
    const { importId } = (await response.json()) as { importId: string };
    const report = await eventually(async () => {
      const current = (await (await fetch(`${platform.url}/imports/${importId}`, { headers: { authorization: `Bearer ${admin}` } })).json()) as Report;
      if (current.status === 'RUNNING') throw new Error('running');
      return current;
    });
    expect(report).toMatchObject({ totalRows: 1, imported: 0, rejected: 1 });
    expect(report.rejections[0].reason).toMatch(new RegExp(`^${id} is a delivery exported by the platform`));
  });

  it('refuses anonymous callers, readers and officers, an empty body and a file with no organisation or P-code column', async () => {
    expect((await post('#org,#adm2+code\nX,ML0701', null)).status).toBe(401);
    for (const roles of [['OBSERVER'], ['AGENCY_OFFICER']] as const) {
      const response = await post('#org,#adm2+code\nX,ML0701', await platform.token('some-agency', [...roles]));
      expect(response.status).toBe(403);
      expect((await errorOf(response)).code).toBe('FORBIDDEN');
    }
    const empty = await post('', admin);
    expect(empty.status).toBe(400);
    const noColumns = await post('Name,Place\nX,Gao\n', admin);
    expect(noColumns.status).toBe(400);
    expect(await errorOf(noColumns)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
    const unknown = await fetch(`${platform.url}/imports/00000000-0000-0000-0000-000000000000`, { headers: { authorization: `Bearer ${admin}` } });
    expect(unknown.status).toBe(404);
    const reader = await platform.token('some-agency', ['OBSERVER']);
    expect((await fetch(`${platform.url}/imports/00000000-0000-0000-0000-000000000000`, { headers: { authorization: `Bearer ${reader}` } })).status).toBe(403);
  });
});
