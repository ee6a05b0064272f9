import * as fc from 'fast-check';
import type { DataSource } from 'typeorm';
import type { DeliveryStatus, EventEnvelope } from '@coord/contracts';
import { LocationsProjection } from '../projections/locations.projection';
import { ProjectionRunner } from '../projection/projection-runner';
import { appendHistory, generateHistory, HISTORY_ORGANIZATIONS, HISTORY_SECTORS, seededRandom, UNKNOWN_PCODE } from '../testing/picture-history';
import { expectedPicture } from '../testing/picture-oracle';
import {
  describeWithPostgres,
  emptyReadModel,
  GAZETTEER,
  OpenReadModel,
  POSTGRES_ENGINE,
  ReadModelEngine,
  SQLITE_ENGINE,
  TestEventLog,
} from '../testing/read-model-test-kit';
import { PictureProjection } from './picture.projection';
import { PictureQueries } from './picture.queries';
import { PICTURE_DIMENSIONS, PictureDimension, PictureFilter } from './picture.views';

const INSTANTS = 20;
const STEPS = 400;
const PLACES = [...GAZETTEER.map((event) => (event.data as { pcode: string }).pcode), UNKNOWN_PCODE];
const STATUSES: DeliveryStatus[] = ['PLANNED', 'DISPATCHED', 'DELIVERED', 'CONFIRMED', 'FAILED', 'CANCELLED'];

/** A random question: any subset of the dimensions, and each filter or not. */
const question = (random: () => number): { groupBy: PictureDimension[]; filter: PictureFilter } => {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const maybe = <T>(value: () => T): T | undefined => (random() < 0.3 ? value() : undefined);
  const from = maybe(() => `2026-0${1 + Math.floor(random() * 4)}-15`);
  return {
    groupBy: PICTURE_DIMENSIONS.filter(() => random() < 0.4),
    filter: {
      adminCode: maybe(() => pick(PLACES)),
      sector: maybe(() => pick(HISTORY_SECTORS)),
      organizationId: random() < 0.15 ? pick(HISTORY_ORGANIZATIONS) : undefined,
      from,
      to: maybe(() => (from ? '2026-05-31' : '2026-04-01')),
      status: maybe(() => STATUSES.filter(() => random() < 0.5)),
    },
  };
};

const suite = (engine: ReadModelEngine) => () => {
  let readModel: OpenReadModel;
  let dataSource: DataSource;
  let queries: PictureQueries;

  beforeAll(async () => {
    readModel = await engine.open();
    dataSource = readModel.dataSource;
    queries = new PictureQueries(dataSource);
  });
  afterAll(() => readModel.dispose());

  const project = async (seed: number): Promise<{ log: TestEventLog; events: EventEnvelope[] }> => {
    await emptyReadModel(dataSource);
    const log = new TestEventLog();
    await appendHistory(log, generateHistory(seed, STEPS));
    // Small batches, so that versions open in one batch and close in another.
    await new ProjectionRunner(dataSource, [new LocationsProjection(), new PictureProjection()], { catchUpBatchSize: 37 }).catchUp(log.store);
    const events = await log.all();
    // The history must reach every path it is meant to: corrections that move a delivery,
    // withdrawals, approvals and progress, presences at a P-code the gazetteer does not know.
    const types = new Set(events.map((event) => event.type));
    for (const type of ['DeliveryCancelled', 'DeliveryConfirmed', 'OperationalPresenceWithdrawn', 'ActionPlanApproved', 'ActionProgressReported']) {
      expect(types).toContain(type);
    }
    expect(events.some((event) => event.type === 'DeliveryCorrected' && (event.data as { changes: { destination?: string } }).changes.destination)).toBe(true);
    expect(events.some((event) => (event.data as { location?: string }).location === UNKNOWN_PCODE)).toBe(true);
    return { log, events };
  };

  it(`answers as of ${INSTANTS} random instants of a generated history exactly as a replay of the log cut there`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 0x7fffffff }), async (seed) => {
        const { log, events } = await project(seed);
        try {
          const random = seededRandom(seed ^ 0x5eed);
          const times = events.filter((event) => !event.streamId.startsWith('Location-')).map((event) => Date.parse(event.occurredAt));
          const [first, last] = [Math.min(...times), Math.max(...times)];
          for (let index = 0; index < INSTANTS; index += 1) {
            // Half on an event's own instant (which must count it), half anywhere around the history.
            const instant = new Date(
              random() < 0.5 ? times[Math.floor(random() * times.length)] : first - 60_000 + Math.floor(random() * (last - first + 120_000)),
            ).toISOString();
            for (let asked = 0; asked < 3; asked += 1) {
              const { groupBy, filter } = question(random);
              expect({ instant, groupBy, filter, rows: await queries.whoWhatWhere(filter, groupBy, instant) }).toEqual({
                instant,
                groupBy,
                filter,
                rows: expectedPicture(events, instant, filter, groupBy),
              });
            }
          }
        } finally {
          await log.close();
        }
      }),
      { numRuns: 3 },
    );
  }, 120_000);

  it('answers the current picture from the rollups exactly as a replay of the whole log', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 0x7fffffff }), async (seed) => {
        const { log, events } = await project(seed);
        try {
          const random = seededRandom(seed ^ 0xc0ffee);
          const sources = new Set<string>();
          for (let asked = 0; asked < 40; asked += 1) {
            const { groupBy, filter } = question(random);
            const current = { ...filter, organizationId: undefined, from: undefined, to: undefined };
            sources.add((await queries.whoWhatWhereStatement(current, groupBy)).source);
            expect({ groupBy, current, rows: await queries.whoWhatWhere(current, groupBy) }).toEqual({
              groupBy,
              current,
              rows: expectedPicture(events, null, current, groupBy),
            });
          }
          expect([...sources].filter((source) => source.startsWith('rollup:')).length).toBeGreaterThan(1);
        } finally {
          await log.close();
        }
      }),
      { numRuns: 3 },
    );
  }, 120_000);
};

describe('the picture as of any instant [sqlite]', suite(SQLITE_ENGINE));
describeWithPostgres('the picture as of any instant', suite(POSTGRES_ENGINE));
