import type { DataSource } from 'typeorm';
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
import {
  concernRaised,
  followUpAssigned,
  followUpCompleted,
  meetingCancelled,
  meetingHeld,
  meetingScheduled,
} from '../testing/liaison-meeting-events';
import { allProjections } from './all-projections';
import { LiaisonMeetingsProjection } from './liaison-meetings.projection';

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

  const param = (index: number) => (engine.name === 'postgres' ? `$${index}` : '?');
  const meeting = async (id: string) =>
    (await dataSource.query(`SELECT * FROM liaison_meetings WHERE id = ${param(1)}`, [id]))[0] as Record<string, unknown>;
  const concerns = (id: string) =>
    dataSource.query(
      `SELECT id, host_id, sector, severity, location_pcode, text, sensitive, raised_at, raised_version FROM liaison_concerns WHERE meeting_id = ${param(1)} ORDER BY raised_version`,
      [id],
    );
  const followUps = (id: string) =>
    dataSource.query(
      `SELECT id, concern_id, assignee_id, due_date, done, note, completed_at, assigned_version FROM liaison_follow_ups WHERE meeting_id = ${param(1)} ORDER BY assigned_version`,
      [id],
    );

  it('follows a meeting through schedule, held, concerns, a follow-up and its completion, unchanged by a replay', async () => {
    await registerGazetteer(log);
    const id = 'LiaisonMeeting-1';
    await log.append(id, [meetingScheduled(id)], { userId: 'u-liaison', organizationId: 'org-mission' });
    await log.append(id, [meetingHeld(id)]);
    await log.append(id, [concernRaised(id, 'concern-1'), concernRaised(id, 'concern-2', { severity: 'CRITICAL', sensitive: true, location: 'ML0201' })]);
    await log.append(id, [followUpAssigned(id, 'follow-up-1', 'concern-2')]);
    const [last] = await log.append(id, [followUpCompleted(id, 'follow-up-1')]);

    await projectTwice(dataSource, allProjections, await log.all());

    expect(await meeting(id)).toEqual({
      id,
      host_id: 'org-mission',
      title: 'Liaison meeting',
      location_pcode: 'ML010101',
      starts_at: '2026-03-02T08:00:00.000Z',
      status: 'HELD',
      stakeholders: JSON.stringify([
        { name: 'Village chief', group: 'community leaders' },
        { name: 'Women’s association', group: "women's group" },
      ]),
      attendance_women: 12,
      attendance_men: 9,
      attendance_youth: 4,
      cancellation_reason: null,
      version: 6,
      position: last.position,
      updated_at: last.occurredAt,
    });
    expect(await concerns(id)).toEqual([
      {
        id: 'concern-1',
        host_id: 'org-mission',
        sector: 'PROTECTION',
        severity: 'HIGH',
        location_pcode: 'ML010101',
        text: 'What was said (concern-1)',
        sensitive: 0,
        raised_at: '2026-03-02T11:05:00.000Z',
        raised_version: 3,
      },
      expect.objectContaining({ id: 'concern-2', severity: 'CRITICAL', location_pcode: 'ML0201', sensitive: 1, raised_version: 4 }),
    ]);
    expect(await followUps(id)).toEqual([
      {
        id: 'follow-up-1',
        concern_id: 'concern-2',
        assignee_id: 'org-ngo',
        due_date: '2026-03-20',
        done: 1,
        note: 'Done',
        completed_at: '2026-03-10T09:00:00.000Z',
        assigned_version: 5,
      },
    ]);
  });

  it('completes a follow-up assigned in an earlier batch, each batch replayed twice', async () => {
    const id = 'LiaisonMeeting-1';
    await log.append(id, [meetingScheduled(id), meetingHeld(id, null), concernRaised(id, 'concern-1')]);
    await log.append(id, [followUpAssigned(id, 'follow-up-1', 'concern-1'), followUpAssigned(id, 'follow-up-2', 'concern-1', 'org-gov')]);
    const early = await log.all();
    await log.append(id, [followUpCompleted(id, 'follow-up-2', null)]);
    const projections = [new LiaisonMeetingsProjection()];

    await projectTwice(dataSource, projections, early);
    expect(await followUps(id)).toMatchObject([{ id: 'follow-up-1', done: 0 }, { id: 'follow-up-2', done: 0 }]);
    await projectTwice(dataSource, projections, await log.all());

    expect(await followUps(id)).toMatchObject([
      { id: 'follow-up-1', done: 0, note: null, completed_at: null },
      { id: 'follow-up-2', assignee_id: 'org-gov', done: 1, note: null, completed_at: '2026-03-10T09:00:00.000Z' },
    ]);
    expect(await meeting(id)).toMatchObject({ status: 'HELD', attendance_youth: null, version: 6 });
  });

  it('records a cancellation with its reason, unchanged by a replay', async () => {
    const id = 'LiaisonMeeting-2';
    await log.append(id, [meetingScheduled(id), meetingCancelled(id)]);

    await projectTwice(dataSource, [new LiaisonMeetingsProjection()], await log.all());

    expect(await meeting(id)).toMatchObject({ status: 'CANCELLED', cancellation_reason: 'Road closed', attendance_women: null, version: 2 });
    expect(await concerns(id)).toEqual([]);
  });

  it('keeps two meetings apart even when their concerns and follow-ups share ids', async () => {
    for (const id of ['LiaisonMeeting-a', 'LiaisonMeeting-b']) {
      await log.append(id, [
        meetingScheduled(id, { hostId: `host-of-${id}` }),
        meetingHeld(id),
        concernRaised(id, 'concern-1', { text: `heard at ${id}` }),
        followUpAssigned(id, 'follow-up-1', 'concern-1'),
      ]);
    }
    await log.append('LiaisonMeeting-a', [followUpCompleted('LiaisonMeeting-a', 'follow-up-1')]);

    await projectTwice(dataSource, [new LiaisonMeetingsProjection()], await log.all());

    expect(await concerns('LiaisonMeeting-b')).toMatchObject([{ host_id: 'host-of-LiaisonMeeting-b', text: 'heard at LiaisonMeeting-b' }]);
    expect(await followUps('LiaisonMeeting-a')).toMatchObject([{ done: 1 }]);
    expect(await followUps('LiaisonMeeting-b')).toMatchObject([{ done: 0 }]);
  });
};

describe('liaison-meetings projection [sqlite]', suite(SQLITE_ENGINE));
describeWithPostgres('liaison-meetings projection', suite(POSTGRES_ENGINE));
