import type { DataSource } from 'typeorm';
import { ProjectionRunner } from '../projection/projection-runner';
import { allProjections } from '../projections/all-projections';
import {
  describeWithPostgres,
  emptyReadModel,
  OpenReadModel,
  POSTGRES_ENGINE,
  ReadModelEngine,
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
import { PlanningQueries } from './planning.queries';

const [GAO, MOPTI, KIDAL] = ['Committee-gao', 'Committee-mopti', 'Committee-kidal'];
const [MISSION, OCHA, WFP, GOV, NGO] = ['org-mission', 'org-ocha', 'org-wfp', 'org-gov', 'org-ngo'];
const at = (day: number, hour: number) => `2026-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;
const slot = (day: number, from: number, to: number) => [new Date(at(day, from)), new Date(at(day, to))] as const;

const queriesSuite = (engine: ReadModelEngine) => () => {
  let readModel: OpenReadModel;
  let dataSource: DataSource;
  let log: TestEventLog;
  let queries: PlanningQueries;

  beforeAll(async () => {
    readModel = await engine.open();
    dataSource = readModel.dataSource;
    await emptyReadModel(dataSource);
    log = new TestEventLog();
    await log.append(GAO, [
      committeeFormed(GAO, MISSION, [MISSION, OCHA, WFP, GOV], 'Comité de Gao'),
      sessionScheduled(GAO, 'g-late', at(17, 9), at(17, 11)),
      sessionScheduled(GAO, 'g-early', at(10, 9), at(10, 12)),
      sessionScheduled(GAO, 'g-off', at(12, 9), at(12, 12)),
      sessionCancelled(GAO, 'g-off'),
      attendanceRecorded(GAO, 'g-early', [MISSION, GOV]),
      decisionRecorded(GAO, 'g-early', 'd-2', 'Second', null),
      decisionRecorded(GAO, 'g-early', 'd-1', 'First', { description: 'Act', responsibleId: WFP, dueDate: '2026-04-01', sector: null, adminCode: null }),
      sessionConcluded(GAO, 'g-early'),
    ]);
    await log.append(MOPTI, [
      committeeFormed(MOPTI, OCHA, [OCHA, WFP, NGO], 'Comité de Mopti'),
      sessionScheduled(MOPTI, 'm-moved', at(10, 8), at(10, 9)),
      sessionRescheduled(MOPTI, 'm-moved', { startsAt: at(10, 10), endsAt: at(10, 13) }, { startsAt: at(10, 8), endsAt: at(10, 9) }),
      sessionScheduled(MOPTI, 'm-off', at(10, 9), at(10, 12)),
      sessionCancelled(MOPTI, 'm-off'),
    ]);
    await log.append(KIDAL, [committeeFormed(KIDAL, MISSION, [MISSION, NGO], 'Comité de Kidal'), sessionScheduled(KIDAL, 'k-1', at(10, 12), at(10, 14))]);
    await new ProjectionRunner(dataSource, allProjections).handle(await log.all());
    queries = new PlanningQueries(dataSource);
  });
  afterAll(async () => {
    await log.close();
    await readModel.dispose();
  });

  it('answers a committee, with its members in the order given, and null for an unknown id', async () => {
    expect(await queries.committee(GAO)).toMatchObject({ id: GAO, name: 'Comité de Gao', chairId: MISSION, memberIds: [MISSION, OCHA, WFP, GOV], adminCode: 'ML07', version: 9 });
    expect(await queries.committee('Committee-nope')).toBeNull();
  });

  it('lists committees by name', async () => {
    expect((await queries.committees()).map((committee) => committee.id)).toEqual([GAO, KIDAL, MOPTI]);
  });

  it('lists the sessions of committees earliest first, cancelled ones included', async () => {
    const sessions = await queries.sessionsByCommitteeIds([GAO]);
    expect(sessions.map((session) => [session.id, session.status])).toEqual([
      ['g-early', 'CONCLUDED'],
      ['g-off', 'CANCELLED'],
      ['g-late', 'SCHEDULED'],
    ]);
    expect(sessions[0]).toMatchObject({ attendeeIds: [MISSION, GOV], agenda: ['Plan de réponse', 'Accès'], startsAt: at(10, 9), endsAt: at(10, 12) });
    expect(sessions[1].cancellationReason).toBe('Road closed');
    expect(await queries.sessionsByCommitteeIds([])).toEqual([]);
  });

  it('lists decisions in the order they were taken, with their action items', async () => {
    const decisions = await queries.decisionsBySessionIds(['g-early', 'g-late']);
    expect(decisions.map((decision) => [decision.id, decision.actionItem])).toEqual([
      ['d-2', null],
      ['d-1', { description: 'Act', responsibleId: WFP, dueDate: '2026-04-01', sector: null, adminCode: null }],
    ]);
  });

  describe('sessions booked elsewhere during a slot (the double-booking check)', () => {
    const booked = async (range: readonly [Date, Date], except: string) =>
      (await queries.sessionsBookedDuring(range[0], range[1], except)).map((session) => ({ ...session, memberIds: [...session.memberIds].sort() }));

    it('finds the live sessions of other committees overlapping the slot, with every member they book', async () => {
      expect(await booked(slot(10, 11, 12), GAO)).toEqual([
        { committeeId: MOPTI, sessionId: 'm-moved', startsAt: at(10, 10), endsAt: at(10, 13), memberIds: [NGO, OCHA, WFP].sort() },
      ]);
      expect((await booked(slot(10, 11, 13), GAO)).map((session) => session.sessionId)).toEqual(['m-moved', 'k-1']);
    });

    it('leaves out the committee’s own sessions, cancelled sessions, and sessions that only touch the slot', async () => {
      expect(await booked(slot(10, 9, 10), GAO)).toEqual([]);
      expect(await booked(slot(10, 13, 15), MOPTI)).toEqual([expect.objectContaining({ sessionId: 'k-1' })]);
      expect(await booked(slot(10, 14, 15), MOPTI)).toEqual([]);
    });

    it('keeps a concluded session: it took place', async () => {
      expect(await booked(slot(10, 8, 10), KIDAL)).toEqual([expect.objectContaining({ sessionId: 'g-early', committeeId: GAO })]);
    });
  });
};

describe('joint-planning queries [sqlite]', queriesSuite(SQLITE_ENGINE));
describeWithPostgres('joint-planning queries', queriesSuite(POSTGRES_ENGINE));
