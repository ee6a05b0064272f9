import type { DataSource } from 'typeorm';
import { ProjectionRunner } from '../projection/projection-runner';
import { allProjections } from '../projections/all-projections';
import {
  concernRaised,
  followUpAssigned,
  followUpCompleted,
  meetingCancelled,
  meetingHeld,
  meetingScheduled,
} from '../testing/liaison-meeting-events';
import {
  describeWithPostgres,
  emptyReadModel,
  OpenReadModel,
  POSTGRES_ENGINE,
  ReadModelEngine,
  registerGazetteer,
  SQLITE_ENGINE,
  TestEventLog,
} from '../testing/read-model-test-kit';
import { LiaisonMeetingQueries } from './liaison-meeting.queries';

const suite = (engine: ReadModelEngine) => () => {
  let readModel: OpenReadModel;
  let dataSource: DataSource;
  let log: TestEventLog;
  let queries: LiaisonMeetingQueries;

  beforeAll(async () => {
    readModel = await engine.open();
    dataSource = readModel.dataSource;
    await emptyReadModel(dataSource);
    log = new TestEventLog();
    await registerGazetteer(log);
    // M1 in a commune of Kayes, M2 in a district of Koulikoro, M3 (cancelled) in the Kayes region itself.
    await log.append('M1', [
      meetingScheduled('M1', { location: 'ML010101', startsAt: '2026-03-02T08:00:00.000Z' }),
      meetingHeld('M1'),
      concernRaised('M1', 'c-2', { severity: 'CRITICAL', sensitive: true }),
      concernRaised('M1', 'c-1', { severity: 'LOW', location: 'ML0201' }),
      followUpAssigned('M1', 'f-2', 'c-2', 'org-gov', '2026-03-30'),
      followUpAssigned('M1', 'f-1', 'c-2', 'org-ngo', '2026-03-10'),
      followUpCompleted('M1', 'f-1', 'Water point repaired'),
    ]);
    await log.append('M2', [meetingScheduled('M2', { location: 'ML0201', startsAt: '2026-03-03T23:30:00.000Z' })]);
    await log.append('M3', [meetingScheduled('M3', { location: 'ML01', startsAt: '2026-02-27T09:00:00.000Z' }), meetingCancelled('M3')]);
    await new ProjectionRunner(dataSource, allProjections).handle(await log.all());
    queries = new LiaisonMeetingQueries(dataSource);
  });

  afterAll(async () => {
    await log.close();
    await readModel.dispose();
  });

  const ids = async (filter: Parameters<LiaisonMeetingQueries['meetings']>[0]) =>
    (await queries.meetings(filter)).map((meeting) => meeting.id);

  it('answers a meeting whole: concerns in the order raised, follow-ups in the order assigned', async () => {
    const meeting = await queries.meetingById('M1');
    expect(meeting).toMatchObject({
      id: 'M1',
      hostId: 'org-mission',
      status: 'HELD',
      startsAt: '2026-03-02T08:00:00.000Z',
      stakeholders: [{ name: 'Village chief', group: 'community leaders' }, { name: 'Women’s association', group: "women's group" }],
      attendanceWomen: 12,
      attendanceMen: 9,
      attendanceYouth: 4,
      version: 7,
    });
    expect(meeting?.concerns.map((concern) => [concern.id, concern.severity, concern.sensitive])).toEqual([
      ['c-2', 'CRITICAL', true],
      ['c-1', 'LOW', false],
    ]);
    expect(meeting?.concerns[0]).toMatchObject({ meetingId: 'M1', hostId: 'org-mission', locationPcode: 'ML010101', text: 'What was said (c-2)' });
    expect(meeting?.concerns[0].followUps).toEqual([
      { id: 'f-2', meetingId: 'M1', concernId: 'c-2', assigneeId: 'org-gov', dueDate: '2026-03-30', done: false, note: null, completedAt: null },
      { id: 'f-1', meetingId: 'M1', concernId: 'c-2', assigneeId: 'org-ngo', dueDate: '2026-03-10', done: true, note: 'Water point repaired', completedAt: '2026-03-10T09:00:00.000Z' },
    ]);
    expect(meeting?.concerns[1].followUps).toEqual([]);
    expect(await queries.meetingById('M-unknown')).toBeNull();
  });

  it('answers one concern with its follow-ups', async () => {
    expect(await queries.concern('M1', 'c-2')).toMatchObject({ id: 'c-2', severity: 'CRITICAL', followUps: [{ id: 'f-2' }, { id: 'f-1' }] });
    expect(await queries.concern('M2', 'c-2')).toBeNull();
  });

  it.each([
    ['everything', {}, ['M3', 'M1', 'M2']],
    ['a country (level 0)', { adminCode: 'ML' }, ['M3', 'M1', 'M2']],
    ['a region (level 1), itself included', { adminCode: 'ML01' }, ['M3', 'M1']],
    ['a district (level 2)', { adminCode: 'ML0101' }, ['M1']],
    ['a commune (level 3)', { adminCode: 'ML010101' }, ['M1']],
    ['another region', { adminCode: 'ML02' }, ['M2']],
    ['a code unknown to the gazetteer', { adminCode: 'ZZ99' }, []],
    ['a window of days, both ends included (UTC)', { from: '2026-03-02', to: '2026-03-03' }, ['M1', 'M2']],
    ['a single day', { from: '2026-03-03', to: '2026-03-03' }, ['M2']],
    ['from a day on', { from: '2026-03-03' }, ['M2']],
    ['up to a day', { to: '2026-02-27' }, ['M3']],
    ['an area and a window', { adminCode: 'ML01', from: '2026-02-28' }, ['M1']],
  ])('lists the meetings in %s, by start', async (_, filter, expected) => {
    expect(await ids(filter)).toEqual(expected);
  });

  it('refuses a window that ends before it starts, or a date that is not one', async () => {
    await expect(queries.meetings({ from: '2026-03-03', to: '2026-03-02' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'to' } });
    await expect(queries.meetings({ from: '3 March' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'from' } });
    await expect(queries.meetings({ to: '2026-02-30' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'to' } });
  });

  it('names every place containing a P-code, nearest first', async () => {
    expect(await queries.placesContaining('ML010101')).toEqual(['ML010101', 'ML0101', 'ML01', 'ML']);
    expect(await queries.placesContaining('ML')).toEqual(['ML']);
    expect(await queries.placesContaining('ZZ99')).toEqual([]);
  });
};

describe('liaison-meeting queries [sqlite]', suite(SQLITE_ENGINE));
describeWithPostgres('liaison-meeting queries', suite(POSTGRES_ENGINE));
