import { presenceStreamId, type OperationalPresenceEvent, type OperationalPresenceReported, type OrganizationEvent } from '@coord/contracts';
import type { DataSource } from 'typeorm';
import { ExchangeQueries } from '../queries/exchange.queries';
import {
  describeWithPostgres,
  emptyReadModel,
  OpenReadModel,
  POSTGRES_ENGINE,
  projectTwice,
  ReadModelEngine,
  registerGazetteer,
  SQLITE_ENGINE,
  TestEventLog,
} from '../testing/read-model-test-kit';
import { allProjections } from './all-projections';

const reported = (extra: Partial<OperationalPresenceReported['data']>): OperationalPresenceEvent => {
  const data = {
    presenceId: '',
    organizationId: 'org-educo',
    organizationLabel: 'Educo',
    sector: 'EDUCATION' as const,
    sectorLabel: 'Education',
    location: 'ML0101',
    locationLevel: 2,
    parentLocation: 'ML01',
    locationUnknown: false,
    boundaryVersion: '2020-01-01',
    role: 'IMPLEMENTING' as const,
    activity: null,
    periodStart: null,
    periodEnd: null,
    targeted: 100,
    reached: null,
    source: { kind: 'IMPORT' as const, importId: 'import-1', file: 'mli.csv', row: 3 },
    fixes: [],
    ...extra,
  };
  return { type: 'OperationalPresenceReported', data: { ...data, presenceId: presenceStreamId(data) } };
};

const suite = (engine: ReadModelEngine) => () => {
  let readModel: OpenReadModel;
  let dataSource: DataSource;
  let log: TestEventLog;

  beforeAll(async () => {
    readModel = await engine.open();
    dataSource = readModel.dataSource;
  });
  afterAll(() => readModel.dispose());
  beforeEach(async () => {
    await emptyReadModel(dataSource);
    log = new TestEventLog();
  });
  afterEach(() => log.close());

  const rows = async () =>
    (await dataSource.query(
      'SELECT id, organization_id, sector, location_pcode, location_unknown, adm1_pcode, adm2_pcode, adm3_pcode, boundary_version, targeted, reached, activity, status, source_row, version FROM operational_presences ORDER BY location_pcode',
    )) as Record<string, unknown>[];

  it('files presences under their ancestors, an unknown P-code under the parent its source gave, unchanged by a replay', async () => {
    await registerGazetteer(log);
    const inCercle = reported({});
    const inCommune = reported({ location: 'ML010101', locationLevel: 3, parentLocation: 'ML0101', sector: null, sectorLabel: null });
    const unknown = reported({ location: 'ML0199', parentLocation: 'ML01', locationUnknown: true, boundaryVersion: null, source: { kind: 'IMPORT', importId: 'import-1', file: 'mli.csv', row: 9 } });
    const orphan = reported({ location: 'XX0101', parentLocation: 'XX01', locationUnknown: true, boundaryVersion: null });
    for (const event of [inCercle, inCommune, unknown, orphan]) await log.append(event.data.presenceId, [event]);
    await log.append(inCercle.data.presenceId, [
      {
        type: 'OperationalPresenceUpdated',
        data: {
          presenceId: inCercle.data.presenceId,
          activity: 'Classes',
          targeted: 150,
          reached: 90,
          previous: { activity: null, targeted: 100, reached: null },
          source: { kind: 'IMPORT', importId: 'import-2', file: 'mli-april.csv', row: 4 },
        },
      },
    ]);
    await log.append(inCommune.data.presenceId, [{ type: 'OperationalPresenceWithdrawn', data: { presenceId: inCommune.data.presenceId, reason: 'closed' } }]);

    await projectTwice(dataSource, allProjections, await log.all());

    const presence = (id: string) => ({ id, organization_id: 'org-educo' });
    expect(await rows()).toEqual([
      { ...presence(inCercle.data.presenceId), sector: 'EDUCATION', location_pcode: 'ML0101', location_unknown: 0, adm1_pcode: 'ML01', adm2_pcode: 'ML0101', adm3_pcode: null, boundary_version: '2020-01-01', targeted: 150, reached: 90, activity: 'Classes', status: 'ACTIVE', source_row: 4, version: 2 },
      { ...presence(inCommune.data.presenceId), sector: null, location_pcode: 'ML010101', location_unknown: 0, adm1_pcode: 'ML01', adm2_pcode: 'ML0101', adm3_pcode: 'ML010101', boundary_version: '2020-01-01', targeted: 100, reached: null, activity: null, status: 'WITHDRAWN', source_row: 3, version: 2 },
      { ...presence(unknown.data.presenceId), sector: 'EDUCATION', location_pcode: 'ML0199', location_unknown: 1, adm1_pcode: 'ML01', adm2_pcode: 'ML0199', adm3_pcode: null, boundary_version: null, targeted: 100, reached: null, activity: null, status: 'ACTIVE', source_row: 9, version: 1 },
      { ...presence(orphan.data.presenceId), sector: 'EDUCATION', location_pcode: 'XX0101', location_unknown: 1, adm1_pcode: 'XX01', adm2_pcode: 'XX0101', adm3_pcode: null, boundary_version: null, targeted: 100, reached: null, activity: null, status: 'ACTIVE', source_row: 3, version: 1 },
    ]);
    const queries = new ExchangeQueries(dataSource);
    expect(await queries.presenceCounts(1)).toEqual([
      { pcode: 'ML01', presences: 2 },
      { pcode: 'XX01', presences: 1 },
    ]);
    expect(await queries.presenceCounts(2)).toEqual([
      { pcode: 'ML0101', presences: 1 },
      { pcode: 'ML0199', presences: 1 },
      { pcode: 'XX0101', presences: 1 },
    ]);
  });

  it('keeps the aliases an organisation answers to: a removed one (an undone merge) is gone, unchanged by a replay', async () => {
    const id = 'Organization-wfp';
    const alias = (type: 'OrganizationAliasAdded' | 'OrganizationAliasRemoved', spelling: string): OrganizationEvent =>
      type === 'OrganizationAliasAdded'
        ? { type, data: { organizationId: id, alias: spelling, normalized: spelling.toLowerCase(), source: 'import:1' } }
        : { type, data: { organizationId: id, alias: spelling, normalized: spelling.toLowerCase(), reason: 'not the same' } };
    await log.append(id, [
      { type: 'OrganizationRegistered', data: { organizationId: id, name: 'World Food Programme', acronym: 'WFP', kind: 'UN_AGENCY', registeredAt: '2026-01-01T00:00:00.000Z' } },
    ]);
    await log.append(id, [alias('OrganizationAliasAdded', 'PAM'), alias('OrganizationAliasAdded', 'WFP Mali')]);
    await log.append(id, [alias('OrganizationAliasRemoved', 'PAM')]);

    await projectTwice(dataSource, allProjections, await log.all());

    const queries = new ExchangeQueries(dataSource);
    expect(await queries.aliasesOf(id)).toEqual(['WFP Mali']);
    expect(await queries.organizationDirectory()).toEqual([{ id, name: 'World Food Programme', acronym: 'WFP', kind: 'UN_AGENCY', aliases: ['WFP Mali'] }]);
  });
};

describe('operational presences and organisation aliases [sqlite]', suite(SQLITE_ENGINE));
describeWithPostgres('operational presences and organisation aliases', suite(POSTGRES_ENGINE));
