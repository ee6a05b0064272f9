import type { DataSource } from 'typeorm';
import {
  describeWithPostgres,
  emptyReadModel,
  OpenReadModel,
  POSTGRES_ENGINE,
  projectTwice,
  ReadModelEngine,
  snapshotReadModel,
  SQLITE_ENGINE,
  TestEventLog,
} from '../testing/read-model-test-kit';
import {
  attendanceRecorded,
  committeeFormed,
  decisionRecorded,
  sessionCancelled,
  sessionConcluded,
  sessionRescheduled,
  sessionScheduled,
} from '../testing/planning-events';
import { allProjections } from './all-projections';
import { CommitteesProjection } from './committees.projection';
import { SessionCalendarProjection } from './session-calendar.projection';

const GAO = 'Committee-gao';
const MOPTI = 'Committee-mopti';
const [MISSION, OCHA, WFP, GOV] = ['org-mission', 'org-ocha', 'org-wfp', 'org-gov'];
const SLOT_1 = { startsAt: '2026-03-10T09:00:00.000Z', endsAt: '2026-03-10T12:00:00.000Z' };
const SLOT_2 = { startsAt: '2026-03-17T09:00:00.000Z', endsAt: '2026-03-17T11:00:00.000Z' };
const SLOT_2_MOVED = { startsAt: '2026-03-18T13:00:00.000Z', endsAt: '2026-03-18T15:00:00.000Z' };
const SLOT_3 = { startsAt: '2026-03-24T09:00:00.000Z', endsAt: '2026-03-24T10:00:00.000Z' };
const ACTION = { description: 'Pre-position stocks', responsibleId: WFP, dueDate: '2026-04-15', sector: 'FOOD_SECURITY' as const, adminCode: 'ML0702' };

const planningSuite = (engine: ReadModelEngine) => () => {
  let readModel: OpenReadModel;
  let dataSource: DataSource;
  let log: TestEventLog;
  const planning = () => [new CommitteesProjection(), new SessionCalendarProjection()];

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

  const rows = (sql: string) => dataSource.query(sql);

  /** A committee of four with three sessions: one held and concluded, one moved, one cancelled. */
  const gaoCommittee = async () => {
    await log.append(GAO, [committeeFormed(GAO, MISSION, [MISSION, OCHA, WFP, GOV])]);
    await log.append(GAO, [sessionScheduled(GAO, 's1', SLOT_1.startsAt, SLOT_1.endsAt)]);
    await log.append(GAO, [sessionScheduled(GAO, 's2', SLOT_2.startsAt, SLOT_2.endsAt)]);
    await log.append(GAO, [sessionScheduled(GAO, 's3', SLOT_3.startsAt, SLOT_3.endsAt)]);
    await log.append(GAO, [sessionRescheduled(GAO, 's2', SLOT_2_MOVED, SLOT_2)]);
    await log.append(GAO, [sessionCancelled(GAO, 's3', 'Merged with s2')]);
    await log.append(GAO, [attendanceRecorded(GAO, 's1', [MISSION, WFP])]);
    await log.append(GAO, [attendanceRecorded(GAO, 's1', [MISSION, WFP, GOV])]);
    await log.append(GAO, [decisionRecorded(GAO, 's1', 'd1', 'Open a second site', ACTION)]);
    await log.append(GAO, [decisionRecorded(GAO, 's1', 'd2', 'Meet monthly')]);
    return log.append(GAO, [sessionConcluded(GAO, 's1')]);
  };

  it('keeps committees, sessions, attendance and decisions, unchanged by a replay', async () => {
    const [last] = await gaoCommittee();

    await projectTwice(dataSource, planning(), await log.all());

    expect(await rows('SELECT * FROM committees')).toEqual([
      {
        id: GAO,
        name: 'Comité de Gao',
        chair_id: MISSION,
        member_ids: JSON.stringify([MISSION, OCHA, WFP, GOV]),
        admin_code: 'ML07',
        formed_at: '2026-03-01T08:00:00.000Z',
        version: 11,
        position: last.position,
        updated_at: last.occurredAt,
      },
    ]);
    expect(await rows('SELECT id, committee_id, starts_at, ends_at, status, attendee_ids, cancellation_reason, agenda FROM committee_sessions ORDER BY id')).toEqual([
      { id: 's1', committee_id: GAO, starts_at: SLOT_1.startsAt, ends_at: SLOT_1.endsAt, status: 'CONCLUDED', attendee_ids: JSON.stringify([MISSION, WFP, GOV]), cancellation_reason: null, agenda: JSON.stringify(['Plan de réponse', 'Accès']) },
      { id: 's2', committee_id: GAO, starts_at: SLOT_2_MOVED.startsAt, ends_at: SLOT_2_MOVED.endsAt, status: 'SCHEDULED', attendee_ids: '[]', cancellation_reason: null, agenda: JSON.stringify(['Plan de réponse', 'Accès']) },
      { id: 's3', committee_id: GAO, starts_at: SLOT_3.startsAt, ends_at: SLOT_3.endsAt, status: 'CANCELLED', attendee_ids: '[]', cancellation_reason: 'Merged with s2', agenda: JSON.stringify(['Plan de réponse', 'Accès']) },
    ]);
    expect(await rows('SELECT * FROM session_decisions ORDER BY version')).toEqual([
      {
        id: 'd1', committee_id: GAO, session_id: 's1', text: 'Open a second site',
        action_description: 'Pre-position stocks', action_responsible_id: WFP, action_due_date: '2026-04-15', action_sector: 'FOOD_SECURITY', action_admin_code: 'ML0702',
        recorded_at: '2026-03-10T11:00:00.000Z', version: 9,
      },
      {
        id: 'd2', committee_id: GAO, session_id: 's1', text: 'Meet monthly',
        action_description: null, action_responsible_id: null, action_due_date: null, action_sector: null, action_admin_code: null,
        recorded_at: '2026-03-10T11:00:00.000Z', version: 10,
      },
    ]);
  });

  it('books every member of a session’s committee in the calendar, follows moves, marks cancellations, unchanged by a replay', async () => {
    await gaoCommittee();
    await log.append(MOPTI, [committeeFormed(MOPTI, OCHA, [OCHA, WFP], 'Comité de Mopti'), sessionScheduled(MOPTI, 'm1', SLOT_1.startsAt, SLOT_1.endsAt)]);

    await projectTwice(dataSource, planning(), await log.all());

    const calendar = await rows('SELECT session_id, organization_id, committee_id, starts_at, ends_at, status, version FROM session_calendar');
    const byKey = (row: { session_id: string; organization_id: string }) => `${row.session_id}|${row.organization_id}`;
    expect(calendar.map(byKey).sort()).toEqual(
      ['m1|org-ocha', 'm1|org-wfp', ...['s1', 's2', 's3'].flatMap((session) => [MISSION, OCHA, WFP, GOV].map((org) => `${session}|${org}`))].sort(),
    );
    const one = (session: string, org: string) => calendar.find((row: { session_id: string; organization_id: string }) => byKey(row) === `${session}|${org}`);
    expect(one('s1', GOV)).toEqual({ session_id: 's1', organization_id: GOV, committee_id: GAO, starts_at: SLOT_1.startsAt, ends_at: SLOT_1.endsAt, status: 'CONCLUDED', version: 11 });
    expect(one('s2', WFP)).toMatchObject({ starts_at: SLOT_2_MOVED.startsAt, ends_at: SLOT_2_MOVED.endsAt, status: 'SCHEDULED', version: 5 });
    expect(one('s3', MISSION)).toMatchObject({ status: 'CANCELLED', version: 6 });
    expect(one('m1', WFP)).toMatchObject({ committee_id: MOPTI, status: 'SCHEDULED', version: 2 });
  });

  it('never lets a redelivered older event take a row back', async () => {
    await gaoCommittee();
    const events = await log.all();
    await projectTwice(dataSource, allProjections, events);
    const settled = await snapshotReadModel(dataSource);

    const older = events.filter((event) => ['SessionScheduled', 'SessionRescheduled', 'AttendanceRecorded', 'DecisionRecorded'].includes(event.type));
    await dataSource.transaction(async (manager) => {
      for (const projection of planning()) {
        for (const event of older.filter((candidate) => (projection.handles as readonly string[]).includes(candidate.type))) {
          await projection.apply(event, manager);
        }
      }
    });

    expect(await snapshotReadModel(dataSource)).toEqual(settled);
  });
};

describe('joint-planning projections [sqlite]', planningSuite(SQLITE_ENGINE));
describeWithPostgres('joint-planning projections', planningSuite(POSTGRES_ENGINE));
