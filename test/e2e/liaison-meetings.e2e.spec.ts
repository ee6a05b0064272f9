import type { EventEmitter } from 'node:events';
import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { EARLY_WARNING_TRIGGER } from '@coord/liaison-feature';
import { PUB_SUB } from '@coord/runtime';
import { graphqlCalls } from '../support/graphql-calls';
import { eventually, startTestPlatform, TestPlatform } from '../support/platform';
import { describeOnEachStorage, Storage } from '../support/storage';

const SCHEDULE = `mutation($input: ScheduleLiaisonMeetingInput!) { scheduleLiaisonMeeting(input: $input) { id version position } }`;
const HELD = `mutation($input: RecordMeetingHeldInput!) { recordMeetingHeld(input: $input) { id version position } }`;
const RAISE = `mutation($input: RaiseConcernInput!) { raiseConcern(input: $input) { id version position } }`;
const ASSIGN = `mutation($input: AssignFollowUpInput!) { assignFollowUp(input: $input) { id version position } }`;
const COMPLETE = `mutation($input: CompleteFollowUpInput!) { completeFollowUp(input: $input) { id version position } }`;
const CANCEL = `mutation($input: CancelLiaisonMeetingInput!) { cancelLiaisonMeeting(input: $input) { id version position } }`;
const REGISTER = `mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id version position } }`;
const CONCERN_FIELDS = `id meetingId sector severity sensitive text raisedAt location { pcode }
  followUps { id assignee { id acronym } dueDate done overdue note }`;
const MEETING = `query($id: ID!) { liaisonMeeting(id: $id) {
  id title status version startsAt attendanceWomen attendanceMen attendanceYouth cancellationReason
  host { id acronym } location { pcode name parent { pcode } } stakeholders { name group }
  concerns { ${CONCERN_FIELDS} } } }`;
const MEETINGS = `query($adminCode: ID, $from: Date, $to: Date) { liaisonMeetings(adminCode: $adminCode, from: $from, to: $to) { id } }`;
const HISTORY = `query($id: ID!) { history(id: $id) { version type actor organization { id } data } }`;
const EARLY_WARNING = `subscription($adminCode: ID) { earlyWarning(adminCode: $adminCode) { ${CONCERN_FIELDS} } }`;

const DAY = 86_400_000;
const utcDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

interface Received {
  readonly concern: { id: string; text: string | null; [field: string]: unknown };
  readonly at: number;
}

/** One graphql-ws subscriber: what it received and when, or the error that ended its subscription. */
interface Watcher {
  readonly received: Received[];
  readonly errors: unknown[];
  readonly client: Client;
}

/** The same journey on embedded storage and with DATABASE_URL on PostgreSQL (log and read model). */
const journey = (storage: Storage) => () => {
  let platform: TestPlatform;
  let cleanup: () => Promise<void> = async () => undefined;
  const clients: Client[] = [];
  let host: { id: string; liaison: string; observer: string };
  let ngo: { id: string; officer: string };
  let government: { id: string; counterpart: string };
  let outsider: { id: string; officer: string };

  const { ok, refused, read } = graphqlCalls(() => platform);
  const register = async (name: string, acronym: string, kind: string, admin: string) => (await ok(REGISTER, { name, acronym, kind }, admin)).id;

  const watch = (token: string | null, adminCode?: string): Watcher => {
    const client = createClient({
      url: `${platform.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      retryAttempts: 0,
    });
    clients.push(client);
    const watcher: Watcher = { received: [], errors: [], client };
    client.subscribe<{ earlyWarning: Received['concern'] }>(
      { query: EARLY_WARNING, variables: adminCode ? { adminCode } : {} },
      {
        next: (result) => {
          if (result.errors) watcher.errors.push(result.errors);
          if (result.data) watcher.received.push({ concern: result.data.earlyWarning, at: Date.now() });
        },
        error: (error) => watcher.errors.push(error),
        complete: () => undefined,
      },
    );
    return watcher;
  };
  // graphql-transport-ws does not acknowledge a subscribe message: the server's PubSub listeners are
  // the only sign that a subscription is in place, and a warning raised before that would be missed.
  const listeners = () => (platform.app.get(PUB_SUB) as unknown as { ee: EventEmitter }).ee.listenerCount(EARLY_WARNING_TRIGGER);

  beforeAll(async () => {
    const prepared = await storage();
    cleanup = prepared.cleanup;
    platform = await startTestPlatform(prepared.env);
    const admin = await platform.token('platform-admins', ['ADMIN']);
    const missionId = await register('Mission multidimensionnelle intégrée au Mali', 'MINUSMA', 'PEACEKEEPING_MISSION', admin);
    const ngoId = await register('Association Malienne pour la Survie au Sahel', 'AMSS', 'NGO', admin);
    const governmentId = await register('Ministère de la Réconciliation nationale', 'MRN', 'HOST_GOVERNMENT', admin);
    const outsiderId = await register('United Nations Children’s Fund', 'UNICEF', 'UN_AGENCY', admin);
    host = {
      id: missionId,
      liaison: await platform.token(missionId, ['LIAISON_OFFICER'], 'minusma-cal-gao'),
      observer: await platform.token(missionId, ['OBSERVER'], 'minusma-intern'),
    };
    ngo = { id: ngoId, officer: await platform.token(ngoId, ['AGENCY_OFFICER'], 'amss-gao') };
    government = { id: governmentId, counterpart: await platform.token(governmentId, ['GOVERNMENT_COUNTERPART'], 'mrn-desk') };
    outsider = { id: outsiderId, officer: await platform.token(outsiderId, ['AGENCY_OFFICER'], 'unicef-gao') };
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await platform?.close();
    await cleanup();
  });

  it('holds two meetings, pushes their CRITICAL concerns at once, and shows sensitive text only to those who took part', async () => {
    // Subscribers: the host watches the Gao region, the NGO the whole country, UNICEF everywhere, and
    // the government only Kayes.
    const hostWatch = watch(host.liaison, 'ML07');
    const ngoWatch = watch(ngo.officer, 'MLI');
    const outsiderWatch = watch(outsider.officer);
    const kayesWatch = watch(government.counterpart, 'ML01');
    await eventually(async () => expect(listeners()).toBe(4));
    // One reading of the clock for every date below, so that a run across midnight agrees with itself.
    const now = Date.now();

    // Meeting A, three days ago at 10:00 in Ansongo, given in UTC+1.
    const day = utcDate(now - 3 * DAY);
    const stakeholders = [
      { name: 'Chef de village de Tin-Hama', group: 'community leaders' },
      { name: 'Association des femmes d’Ansongo', group: "women's group" },
    ];
    const scheduleA = { title: 'Réunion de liaison mensuelle, Ansongo', adminCode: 'ML0701', startsAt: `${day}T10:00:00+01:00`, stakeholders };
    await refused(SCHEDULE, scheduleA, ngo.officer, 'FORBIDDEN');
    await refused(SCHEDULE, scheduleA, host.observer, 'FORBIDDEN');
    // Every reader is shown the host, so an organisation the platform does not know cannot host.
    await refused(SCHEDULE, scheduleA, await platform.token('Organization-unregistered', ['LIAISON_OFFICER']), 'FORBIDDEN');
    const a = await ok(SCHEDULE, scheduleA, host.liaison);
    expect(a.id).toMatch(/^LiaisonMeeting-[0-9a-f-]{36}$/);

    // Nothing is heard before the meeting is held; only the host's liaison officers hold it.
    const gaoAlarm = { meetingId: a.id, sector: 'PROTECTION', severity: 'CRITICAL', adminCode: 'ML0701', sensitive: true,
      text: 'Armed men have been seen near the well at night; women no longer go for water' };
    await refused(RAISE, gaoAlarm, host.liaison, 'INVALID_TRANSITION');
    await refused(HELD, { meetingId: a.id, attendanceWomen: 14, attendanceMen: 9 }, ngo.officer, 'FORBIDDEN');
    await ok(HELD, { meetingId: a.id, attendanceWomen: 14, attendanceMen: 9, attendanceYouth: 6, expectedVersion: 1 }, host.liaison);

    const dryBorehole = await ok(
      RAISE,
      { meetingId: a.id, sector: 'WASH', severity: 'HIGH', adminCode: 'ML0701', text: 'The Tin-Hama borehole has been dry for two weeks' },
      host.liaison,
    );
    await refused(RAISE, gaoAlarm, ngo.officer, 'FORBIDDEN');
    const alarm = await ok(RAISE, gaoAlarm, host.liaison);
    const answeredAt = Date.now();
    expect(alarm.id).not.toBe(a.id);

    // Early warning: within a second of the answer, to everyone watching Ansongo at any level.
    const arrival = async (watcher: Watcher, concernId: string) =>
      eventually(async () => {
        const found = watcher.received.find((entry) => entry.concern.id === concernId);
        expect(found).toBeDefined();
        return found!;
      }, 2000, 5);
    for (const watcher of [hostWatch, ngoWatch, outsiderWatch]) {
      const { at } = await arrival(watcher, alarm.id);
      expect(at - answeredAt).toBeLessThanOrEqual(1000);
    }
    // The host heard it, so reads it; the NGO has no follow-up on it yet, and UNICEF none at all.
    expect((await arrival(hostWatch, alarm.id)).concern).toMatchObject({
      meetingId: a.id, severity: 'CRITICAL', sensitive: true, text: gaoAlarm.text, location: { pcode: 'ML0701' }, followUps: [],
    });
    expect((await arrival(ngoWatch, alarm.id)).concern.text).toBeNull();
    expect((await arrival(outsiderWatch, alarm.id)).concern.text).toBeNull();

    // Follow-ups: only the host assigns them, to a registered organisation, due no earlier than the meeting.
    const ngoTask = { meetingId: a.id, concernId: alarm.id, assigneeId: ngo.id, dueDate: utcDate(now + 30 * DAY) };
    await refused(ASSIGN, ngoTask, ngo.officer, 'FORBIDDEN');
    expect((await refused(ASSIGN, { ...ngoTask, assigneeId: 'Organization-unknown' }, host.liaison, 'NOT_FOUND')).extensions?.field).toBe('assigneeId');
    expect((await refused(ASSIGN, { ...ngoTask, dueDate: utcDate(now - 4 * DAY) }, host.liaison, 'BAD_USER_INPUT')).extensions?.field).toBe('dueDate');
    const ngoFollowUp = await ok(ASSIGN, ngoTask, host.liaison);
    // Due the day after the meeting, two days ago, and never done: overdue.
    const governmentFollowUp = await ok(
      ASSIGN,
      { meetingId: a.id, concernId: dryBorehole.id, assigneeId: government.id, dueDate: utcDate(now - 2 * DAY) },
      host.liaison,
    );

    // Completed by the assignee alone, once; a repeated commandId answers the first result.
    const completion = { meetingId: a.id, followUpId: ngoFollowUp.id, note: 'Night patrols agreed with the village committee' };
    await refused(COMPLETE, completion, host.liaison, 'FORBIDDEN');
    await refused(COMPLETE, completion, outsider.officer, 'FORBIDDEN');
    await refused(COMPLETE, { ...completion, followUpId: governmentFollowUp.id }, ngo.officer, 'FORBIDDEN');
    const completed = await ok(COMPLETE, { ...completion, commandId: 'amss-complete-1' }, ngo.officer);
    expect(await ok(COMPLETE, { ...completion, commandId: 'amss-complete-1' }, ngo.officer)).toEqual(completed);
    await refused(COMPLETE, completion, ngo.officer, 'INVALID_TRANSITION');

    // Meeting B in Kayes: its CRITICAL concern reaches Kayes, the country and everywhere, not Gao.
    const b = await ok(
      SCHEDULE,
      { title: 'Rencontre avec les jeunes de Kayes', adminCode: 'ML0103', startsAt: `${day}T15:00:00Z`, stakeholders: [{ name: 'Conseil communal de la jeunesse', group: 'youth group' }] },
      host.liaison,
    );
    await ok(HELD, { meetingId: b.id, attendanceWomen: 8, attendanceMen: 21 }, host.liaison);
    const kayesAlarm = await ok(
      RAISE,
      { meetingId: b.id, sector: 'SECURITY', severity: 'CRITICAL', adminCode: 'ML0103', text: 'Clashes between herders and farmers near Kayes N’Di' },
      host.liaison,
    );
    for (const watcher of [kayesWatch, ngoWatch, outsiderWatch]) {
      expect((await arrival(watcher, kayesAlarm.id)).concern.text).toBe('Clashes between herders and farmers near Kayes N’Di');
    }

    // Meeting C is cancelled and takes nothing more.
    const c = await ok(SCHEDULE, { ...scheduleA, title: 'Réunion reportée', startsAt: `${day}T16:00:00Z` }, host.liaison);
    const cancelled = await ok(CANCEL, { meetingId: c.id, reason: 'Route Gao–Ansongo coupée' }, host.liaison);
    await refused(HELD, { meetingId: c.id, attendanceWomen: 1, attendanceMen: 1 }, host.liaison, 'INVALID_TRANSITION');
    await refused(RAISE, { ...gaoAlarm, meetingId: c.id }, host.liaison, 'INVALID_TRANSITION');
    await refused(CANCEL, { meetingId: c.id, reason: 'again' }, host.liaison, 'INVALID_TRANSITION');
    const last = cancelled.position;

    // Each subscriber got exactly the CRITICAL concerns of its area; the HIGH one went to nobody.
    const ids = (watcher: Watcher) => watcher.received.map((entry) => entry.concern.id);
    expect(ids(hostWatch)).toEqual([alarm.id]);
    expect(ids(kayesWatch)).toEqual([kayesAlarm.id]);
    expect(ids(ngoWatch)).toEqual([alarm.id, kayesAlarm.id]);
    expect(ids(outsiderWatch)).toEqual([alarm.id, kayesAlarm.id]);
    expect([hostWatch, ngoWatch, outsiderWatch, kayesWatch].flatMap((watcher) => watcher.errors)).toEqual([]);

    // Queries: the same meeting as each organisation sees it.
    const meetingAs = (token: string) => read(MEETING, { id: a.id }, token, last);
    const asHost = await meetingAs(host.liaison);
    expect(asHost).toMatchObject({
      id: a.id,
      status: 'HELD',
      version: 7,
      startsAt: `${day}T09:00:00.000Z`,
      attendanceWomen: 14,
      attendanceMen: 9,
      attendanceYouth: 6,
      cancellationReason: null,
      host: { id: host.id, acronym: 'MINUSMA' },
      location: { pcode: 'ML0701', name: 'Ansongo', parent: { pcode: 'ML07' } },
      stakeholders,
    });
    expect(asHost.concerns).toEqual([
      {
        id: dryBorehole.id, meetingId: a.id, sector: 'WASH', severity: 'HIGH', sensitive: false, text: 'The Tin-Hama borehole has been dry for two weeks',
        raisedAt: expect.stringMatching(/Z$/), location: { pcode: 'ML0701' },
        followUps: [{ id: governmentFollowUp.id, assignee: { id: government.id, acronym: 'MRN' }, dueDate: utcDate(now - 2 * DAY), done: false, overdue: true, note: null }],
      },
      {
        id: alarm.id, meetingId: a.id, sector: 'PROTECTION', severity: 'CRITICAL', sensitive: true, text: gaoAlarm.text,
        raisedAt: expect.stringMatching(/Z$/), location: { pcode: 'ML0701' },
        followUps: [{ id: ngoFollowUp.id, assignee: { id: ngo.id, acronym: 'AMSS' }, dueDate: ngoTask.dueDate, done: true, overdue: false, note: completion.note }],
      },
    ]);
    const sensitiveText = async (token: string) =>
      (await meetingAs(token)).concerns.map((concern: { text: string | null }) => concern.text);
    // The host (any of its users) and the assignee read the sensitive text; the government, assigned
    // only the other concern, and UNICEF do not.
    expect(await sensitiveText(ngo.officer)).toEqual(['The Tin-Hama borehole has been dry for two weeks', gaoAlarm.text]);
    expect(await sensitiveText(host.observer)).toEqual(['The Tin-Hama borehole has been dry for two weeks', gaoAlarm.text]);
    expect(await sensitiveText(government.counterpart)).toEqual(['The Tin-Hama borehole has been dry for two weeks', null]);
    expect(await sensitiveText(outsider.officer)).toEqual(['The Tin-Hama borehole has been dry for two weeks', null]);
    expect(await read(MEETING, { id: c.id }, outsider.officer, last)).toMatchObject({ status: 'CANCELLED', cancellationReason: 'Route Gao–Ansongo coupée', concerns: [] });

    // Lists at any admin level and in a window of UTC days.
    const listed = async (variables: Record<string, unknown>) =>
      (await read<Array<{ id: string }>>(MEETINGS, variables, outsider.officer, last)).map((meeting) => meeting.id);
    expect(await listed({ adminCode: 'ML07' })).toEqual([a.id, c.id]);
    expect(await listed({ adminCode: 'ML0701' })).toEqual([a.id, c.id]);
    expect(await listed({ adminCode: 'ML01' })).toEqual([b.id]);
    expect(await listed({ adminCode: 'MLI' })).toEqual([a.id, b.id, c.id]);
    expect(await listed({ adminCode: 'CAF' })).toEqual([]);
    expect(await listed({ from: day, to: day })).toEqual([a.id, b.id, c.id]);
    expect(await listed({ from: utcDate(now - 2 * DAY) })).toEqual([]);

    // History: every event with who and which organisation, the sensitive text redacted as in queries.
    const historyAs = (token: string) => read<Array<{ type: string; actor: string; organization: { id: string }; data: string }>>(HISTORY, { id: a.id }, token, last);
    const asHostHistory = await historyAs(host.liaison);
    expect(asHostHistory.map((entry) => entry.type)).toEqual([
      'LiaisonMeetingScheduled', 'LiaisonMeetingHeld', 'ConcernRaised', 'ConcernRaised', 'FollowUpAssigned', 'FollowUpAssigned', 'FollowUpCompleted',
    ]);
    expect(asHostHistory[6]).toMatchObject({ actor: 'amss-gao', organization: { id: ngo.id } });
    expect(JSON.parse(asHostHistory[0].data)).toMatchObject({ hostId: host.id, startsAt: `${day}T09:00:00.000Z` });
    const alarmTextIn = async (token: string) =>
      (await historyAs(token)).filter((entry) => entry.type === 'ConcernRaised').map((entry) => JSON.parse(entry.data).text);
    expect(await alarmTextIn(host.liaison)).toEqual(['The Tin-Hama borehole has been dry for two weeks', gaoAlarm.text]);
    expect(await alarmTextIn(ngo.officer)).toEqual(['The Tin-Hama borehole has been dry for two weeks', gaoAlarm.text]);
    expect(await alarmTextIn(government.counterpart)).toEqual(['The Tin-Hama borehole has been dry for two weeks', null]);
    expect(await alarmTextIn(outsider.officer)).toEqual(['The Tin-Hama borehole has been dry for two weeks', null]);
  });

  it('refuses a subscription without a token, or to an area the gazetteer does not know', async () => {
    const anonymous = watch(null);
    const lost = watch(outsider.officer, 'ML9999');
    await eventually(async () => {
      expect(anonymous.errors).toHaveLength(1);
      expect(lost.errors).toHaveLength(1);
    });
    expect((anonymous.errors[0] as { code?: number }).code).toBe(4403);
    expect(lost.errors[0]).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND', field: 'adminCode' }) })]);
  });
};

describeOnEachStorage('liaison meetings over HTTP and WebSocket, as the host, an assignee and outsiders', journey);
