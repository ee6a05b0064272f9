import { graphqlCalls, Payload } from '../support/graphql-calls';
import { startTestPlatform, TestPlatform } from '../support/platform';
import { describeOnEachStorage, Storage } from '../support/storage';

const REGISTER = `mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id version position } }`;
const FORM = `mutation($input: FormCommitteeInput!) { formCommittee(input: $input) { id version position } }`;
const SCHEDULE = `mutation($input: ScheduleSessionInput!) { scheduleSession(input: $input) { id version position } }`;
const RESCHEDULE = `mutation($input: RescheduleSessionInput!) { rescheduleSession(input: $input) { id version position } }`;
const CANCEL = `mutation($input: CancelSessionInput!) { cancelSession(input: $input) { id version position } }`;
const ATTEND = `mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id version position } }`;
const DECIDE = `mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { id version position } }`;
const CONCLUDE = `mutation($input: ConcludeSessionInput!) { concludeSession(input: $input) { id version position } }`;
const COMMITTEE = `query($id: ID!) { committee(id: $id) {
  id name version position formedAt chair { id acronym } members { id acronym } location { pcode name }
  sessions { id committeeId startsAt endsAt venue agenda status cancellationReason attendees { id acronym }
    decisions { id text recordedAt actionItem { description dueDate sector responsible { id acronym } location { pcode name } } } } } }`;
const COMMITTEES = `{ committees { id name members { id } sessions { id status } } }`;
const HISTORY = `query($id: ID!) { history(id: $id) { version type actor organization { id } data } }`;

const DAY_MS = 86_400_000;
// Sessions are placed around the real clock, which judges "future"; read once, so that a run across
// midnight cannot move a day between two cases.
const NOW = Date.now();
/** The calendar day `days` from now, UTC. */
const day = (days: number) => new Date(NOW + days * DAY_MS).toISOString().slice(0, 10);
const utc = (instant: string) => new Date(instant).toISOString();

/** One committee's life on embedded storage, and with DATABASE_URL on PostgreSQL (log and read model). */
const jointPlanning = (storage: Storage) => () => {
  let platform: TestPlatform;
  let cleanup: () => Promise<void> = async () => undefined;
  const org = {} as Record<'mission' | 'ocha' | 'wfp' | 'gov' | 'nrc' | 'unicef', string>;
  const token = {} as Record<'missionLiaison' | 'missionObserver' | 'missionAdmin' | 'wfpLiaison' | 'ochaLiaison' | 'nrcLiaison', string>;

  const { ok, refused } = graphqlCalls(() => platform);
  const read = async (query: string, variables: Record<string, unknown>, position: string) => {
    const response = await platform.graphql(query, variables, { token: token.missionObserver, headers: { 'x-min-position': position } });
    expect(response.errors).toBeUndefined();
    return response.data;
  };

  beforeAll(async () => {
    const prepared = await storage();
    cleanup = prepared.cleanup;
    platform = await startTestPlatform(prepared.env);
    const admin = await platform.token('platform-admins', ['ADMIN']);
    const register = async (name: string, acronym: string, kind: string) => (await ok(REGISTER, { name, acronym, kind }, admin)).id;
    org.mission = await register('Mission multidimensionnelle intégrée des Nations Unies pour la stabilisation au Mali', 'MINUSMA', 'PEACEKEEPING_MISSION');
    org.ocha = await register('Office for the Coordination of Humanitarian Affairs', 'OCHA', 'UN_AGENCY');
    org.wfp = await register('World Food Programme', 'WFP', 'UN_AGENCY');
    org.gov = await register('Gouvernorat de la région de Gao', 'GOUV-GAO', 'HOST_GOVERNMENT');
    org.nrc = await register('Norwegian Refugee Council', 'NRC', 'NGO');
    org.unicef = await register("United Nations Children's Fund", 'UNICEF', 'UN_AGENCY');
    token.missionLiaison = await platform.token(org.mission, ['LIAISON_OFFICER'], 'minusma-liaison');
    token.missionObserver = await platform.token(org.mission, ['OBSERVER'], 'minusma-observer');
    token.missionAdmin = await platform.token(org.mission, ['ADMIN'], 'minusma-admin');
    token.wfpLiaison = await platform.token(org.wfp, ['LIAISON_OFFICER'], 'wfp-liaison');
    token.ochaLiaison = await platform.token(org.ocha, ['LIAISON_OFFICER'], 'ocha-liaison');
    token.nrcLiaison = await platform.token(org.nrc, ['LIAISON_OFFICER'], 'nrc-liaison');
  });

  afterAll(async () => {
    await platform?.close();
    await cleanup();
  });

  // The Gao committee and its sessions, shared by the cases below (they run in order).
  let gao: Payload;
  const session = {} as Record<'held' | 'moved' | 'dropped', string>;
  const movedTo = { startsAt: `${day(11)}T10:00:00Z`, endsAt: `${day(11)}T12:00:00Z` };
  let last: Payload;

  it('forms a committee of four, only with a liaison officer or admin of the chair', async () => {
    const form = { name: 'Comité régional de planification conjointe de Gao', chairId: org.mission, memberIds: [org.mission, org.ocha, org.wfp, org.gov], adminCode: 'ML07' };
    await refused(FORM, form, token.wfpLiaison, 'FORBIDDEN');
    await refused(FORM, form, token.missionObserver, 'FORBIDDEN');
    await refused(FORM, { ...form, memberIds: [org.mission, 'Organization-unknown'] }, token.missionLiaison, 'NOT_FOUND', { field: 'memberIds' });
    await refused(FORM, { ...form, memberIds: [org.ocha, org.wfp] }, token.missionLiaison, 'BAD_USER_INPUT', { field: 'memberIds', reason: 'CHAIR_NOT_MEMBER' });
    await refused(FORM, { ...form, adminCode: 'ML9999' }, token.missionLiaison, 'NOT_FOUND', { field: 'adminCode' });

    gao = await ok(FORM, form, token.missionLiaison);
    expect(gao).toMatchObject({ version: 1, id: expect.stringMatching(/^Committee-[0-9a-f-]{36}$/) });
    // An admin of the chair may form one as well.
    await ok(FORM, { ...form, name: 'Cellule de crise de Gao', memberIds: [org.mission, org.gov] }, token.missionAdmin);
  });

  it('schedules three sessions with times given in any offset, and refuses an overlap and outsiders', async () => {
    const held = await ok(
      SCHEDULE,
      { committeeId: gao.id, startsAt: `${day(-2)}T09:00:00+01:00`, endsAt: `${day(-2)}T12:00:00+01:00`, venue: 'Gouvernorat de Gao', agenda: ['Plan de réponse', 'Accès humanitaire'] },
      token.missionLiaison,
    );
    expect(held.version).toBe(2);
    expect(held.id).toMatch(/^[0-9a-f-]{36}$/);
    session.held = held.id;
    const moving = { committeeId: gao.id, startsAt: `${day(10)}T09:00:00+02:00`, endsAt: `${day(10)}T11:00:00+02:00`, venue: 'Base MINUSMA', agenda: ['Sécurité des convois'] };
    session.moved = (await ok(SCHEDULE, moving, token.missionLiaison)).id;
    session.dropped = (await ok(SCHEDULE, { ...moving, startsAt: `${day(12)}T14:00:00Z`, endsAt: `${day(12)}T16:00:00Z`, agenda: [] }, token.missionLiaison)).id;

    // 08:30–10:00 UTC overlaps 07:00–09:00 UTC (09:00–11:00 at +02:00).
    await refused(SCHEDULE, { ...moving, startsAt: `${day(10)}T08:30:00Z`, endsAt: `${day(10)}T10:00:00Z` }, token.missionLiaison, 'CONFLICT', { reason: 'SESSION_OVERLAP' });
    await refused(SCHEDULE, { ...moving, startsAt: `${day(20)}T10:00:00Z`, endsAt: `${day(20)}T09:00:00Z` }, token.missionLiaison, 'BAD_USER_INPUT', { field: 'endsAt' });
    await refused(SCHEDULE, { ...moving, startsAt: `${day(20)}T10:00:00` }, token.missionLiaison, 'BAD_USER_INPUT', { field: 'startsAt' });
    await refused(SCHEDULE, { ...moving, startsAt: `${day(20)}T09:00:00Z`, endsAt: `${day(20)}T10:00:00Z` }, token.wfpLiaison, 'FORBIDDEN');
    await refused(SCHEDULE, { ...moving, startsAt: `${day(20)}T09:00:00Z`, endsAt: `${day(20)}T10:00:00Z` }, token.missionObserver, 'FORBIDDEN');
    await refused(SCHEDULE, { ...moving, committeeId: 'Committee-00000000-0000-4000-8000-000000000000' }, token.missionLiaison, 'NOT_FOUND', { field: 'committeeId' });
  });

  it('moves a session to come and cancels another, refusing every forbidden move', async () => {
    // A stale expectedVersion is a conflict and changes nothing; the payload answers the session.
    await refused(RESCHEDULE, { committeeId: gao.id, sessionId: session.moved, ...movedTo, expectedVersion: 2 }, token.missionLiaison, 'CONFLICT', { reason: 'WRONG_EXPECTED_VERSION' });
    await refused(RESCHEDULE, { committeeId: gao.id, sessionId: session.moved, ...movedTo }, token.wfpLiaison, 'FORBIDDEN');
    const moved = await ok(RESCHEDULE, { committeeId: gao.id, sessionId: session.moved, ...movedTo, expectedVersion: 4 }, token.missionLiaison);
    expect(moved).toMatchObject({ id: session.moved, version: 5 });

    await refused(CANCEL, { committeeId: gao.id, sessionId: session.dropped, reason: 'Merged' }, token.ochaLiaison, 'FORBIDDEN');
    await refused(CANCEL, { committeeId: gao.id, sessionId: session.dropped, reason: '  ' }, token.missionLiaison, 'BAD_USER_INPUT', { field: 'reason' });
    expect(await ok(CANCEL, { committeeId: gao.id, sessionId: session.dropped, reason: 'Merged with the session of the 11th' }, token.missionLiaison)).toMatchObject({ id: session.dropped, version: 6 });
    await refused(CANCEL, { committeeId: gao.id, sessionId: session.dropped, reason: 'again' }, token.missionLiaison, 'INVALID_TRANSITION');
    await refused(RESCHEDULE, { committeeId: gao.id, sessionId: session.dropped, startsAt: `${day(30)}T09:00:00Z`, endsAt: `${day(30)}T10:00:00Z` }, token.missionLiaison, 'INVALID_TRANSITION');

    // A session that already sat is history: it is neither moved nor cancelled.
    await refused(RESCHEDULE, { committeeId: gao.id, sessionId: session.held, startsAt: `${day(30)}T09:00:00Z`, endsAt: `${day(30)}T10:00:00Z` }, token.missionLiaison, 'INVALID_TRANSITION');
    await refused(CANCEL, { committeeId: gao.id, sessionId: session.held, reason: 'too late' }, token.missionLiaison, 'INVALID_TRANSITION');
    await refused(RESCHEDULE, { committeeId: gao.id, sessionId: session.moved, startsAt: `${day(-1)}T09:00:00Z`, endsAt: `${day(-1)}T10:00:00Z` }, token.missionLiaison, 'BAD_USER_INPUT', { field: 'startsAt' });
    await refused(RESCHEDULE, { committeeId: gao.id, sessionId: 'no-such-session', ...movedTo }, token.missionLiaison, 'NOT_FOUND', { field: 'sessionId' });
  });

  it('records attendance and decisions with an action item on the session that sat, then concludes it', async () => {
    await refused(ATTEND, { committeeId: gao.id, sessionId: session.held, organizationIds: [org.mission, org.ocha, org.nrc] }, token.missionLiaison, 'BAD_USER_INPUT', {
      field: 'organizationIds[2]',
      reason: 'NOT_A_MEMBER',
    });
    await refused(ATTEND, { committeeId: gao.id, sessionId: session.held, organizationIds: [org.wfp] }, token.wfpLiaison, 'FORBIDDEN');
    await refused(ATTEND, { committeeId: gao.id, sessionId: session.moved, organizationIds: [org.mission] }, token.missionLiaison, 'INVALID_TRANSITION');
    await refused(ATTEND, { committeeId: gao.id, sessionId: session.dropped, organizationIds: [org.mission] }, token.missionLiaison, 'INVALID_TRANSITION');
    await ok(ATTEND, { committeeId: gao.id, sessionId: session.held, organizationIds: [org.mission, org.ocha] }, token.missionLiaison);
    // The whole list again, corrected: it replaces the first.
    await ok(ATTEND, { committeeId: gao.id, sessionId: session.held, organizationIds: [org.mission, org.ocha, org.gov] }, token.missionLiaison);

    const actionItem = { description: 'Pre-position 40 t of sorghum in Ansongo', responsibleId: org.wfp, dueDate: day(30), sector: 'FOOD_SECURITY', adminCode: 'ML0701' };
    await refused(DECIDE, { committeeId: gao.id, sessionId: session.held, text: 'x', actionItem: { ...actionItem, responsibleId: org.nrc } }, token.missionLiaison, 'BAD_USER_INPUT', {
      field: 'actionItem.responsibleId',
      reason: 'NOT_A_MEMBER',
    });
    await refused(DECIDE, { committeeId: gao.id, sessionId: session.held, text: 'x', actionItem: { ...actionItem, adminCode: 'ML9999' } }, token.missionLiaison, 'NOT_FOUND', { field: 'actionItem.adminCode' });
    await refused(DECIDE, { committeeId: gao.id, sessionId: session.moved, text: 'x' }, token.missionLiaison, 'INVALID_TRANSITION');
    const decision = await ok(DECIDE, { committeeId: gao.id, sessionId: session.held, text: 'Open a second distribution site in Ansongo', actionItem }, token.missionLiaison);
    expect(decision.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(decision.id).not.toBe(session.held);
    await ok(DECIDE, { committeeId: gao.id, sessionId: session.held, text: 'Meet again once the road reopens' }, token.missionLiaison);

    await refused(CONCLUDE, { committeeId: gao.id, sessionId: session.held }, token.ochaLiaison, 'FORBIDDEN');
    await refused(CONCLUDE, { committeeId: gao.id, sessionId: session.moved }, token.missionLiaison, 'INVALID_TRANSITION');
    last = await ok(CONCLUDE, { committeeId: gao.id, sessionId: session.held, commandId: 'conclude-held' }, token.missionLiaison);
    expect(last).toMatchObject({ id: session.held, version: 11 });
    // The same commandId answers the first result and records nothing.
    expect(await ok(CONCLUDE, { committeeId: gao.id, sessionId: session.held, commandId: 'conclude-held' }, token.missionLiaison)).toEqual(last);
    // A concluded session is closed.
    await refused(DECIDE, { committeeId: gao.id, sessionId: session.held, text: 'One more thing' }, token.missionLiaison, 'INVALID_TRANSITION');
    await refused(ATTEND, { committeeId: gao.id, sessionId: session.held, organizationIds: [org.mission] }, token.missionLiaison, 'INVALID_TRANSITION');

    const { committee } = await read(COMMITTEE, { id: gao.id }, last.position);
    expect(committee).toMatchObject({
      id: gao.id,
      name: 'Comité régional de planification conjointe de Gao',
      version: 11,
      position: last.position,
      chair: { id: org.mission, acronym: 'MINUSMA' },
      members: [{ acronym: 'MINUSMA' }, { acronym: 'OCHA' }, { acronym: 'WFP' }, { acronym: 'GOUV-GAO' }],
      location: { pcode: 'ML07', name: 'Gao' },
    });
    expect(committee.sessions).toEqual([
      expect.objectContaining({
        id: session.held,
        committeeId: gao.id,
        status: 'CONCLUDED',
        startsAt: utc(`${day(-2)}T09:00:00+01:00`),
        endsAt: `${day(-2)}T11:00:00.000Z`,
        agenda: ['Plan de réponse', 'Accès humanitaire'],
        attendees: [{ id: org.mission, acronym: 'MINUSMA' }, { id: org.ocha, acronym: 'OCHA' }, { id: org.gov, acronym: 'GOUV-GAO' }],
        decisions: [
          expect.objectContaining({
            id: decision.id,
            text: 'Open a second distribution site in Ansongo',
            actionItem: {
              description: actionItem.description,
              dueDate: actionItem.dueDate,
              sector: 'FOOD_SECURITY',
              responsible: { id: org.wfp, acronym: 'WFP' },
              location: { pcode: 'ML0701', name: 'Ansongo' },
            },
          }),
          expect.objectContaining({ text: 'Meet again once the road reopens', actionItem: null }),
        ],
      }),
      expect.objectContaining({ id: session.moved, status: 'SCHEDULED', startsAt: utc(movedTo.startsAt), endsAt: utc(movedTo.endsAt), attendees: [], decisions: [] }),
      expect.objectContaining({ id: session.dropped, status: 'CANCELLED', cancellationReason: 'Merged with the session of the 11th', agenda: [] }),
    ]);

    const { committees } = await read(COMMITTEES, {}, last.position);
    expect(committees.map((listed: { name: string }) => listed.name)).toEqual(['Cellule de crise de Gao', 'Comité régional de planification conjointe de Gao']);
  });

  it('tells the committee’s history: every event, with who, which organisation and what changed', async () => {
    const { history } = await read(HISTORY, { id: gao.id }, last.position);
    expect(history.map((entry: { type: string }) => entry.type)).toEqual([
      'CommitteeFormed',
      'SessionScheduled',
      'SessionScheduled',
      'SessionScheduled',
      'SessionRescheduled',
      'SessionCancelled',
      'AttendanceRecorded',
      'AttendanceRecorded',
      'DecisionRecorded',
      'DecisionRecorded',
      'SessionConcluded',
    ]);
    expect(history[0]).toMatchObject({ version: 1, actor: 'minusma-liaison', organization: { id: org.mission } });
    expect(JSON.parse(history[0].data)).toMatchObject({ chairId: org.mission, memberIds: [org.mission, org.ocha, org.wfp, org.gov], adminCode: 'ML07' });
    expect(JSON.parse(history[4].data)).toMatchObject({
      sessionId: session.moved,
      startsAt: utc(movedTo.startsAt),
      previousStartsAt: utc(`${day(10)}T09:00:00+02:00`),
      allowMemberClash: false,
      memberClashes: [],
    });
    expect(JSON.parse(history[8].data).actionItem).toEqual({
      description: 'Pre-position 40 t of sorghum in Ansongo',
      responsibleId: org.wfp,
      dueDate: day(30),
      sector: 'FOOD_SECURITY',
      adminCode: 'ML0701',
    });
  });

  it('keeps a committee’s sessions apart even when schedulers race', async () => {
    const cell = await ok(FORM, { name: 'Cellule de veille de Gao', chairId: org.mission, memberIds: [org.mission, org.gov] }, token.missionLiaison);
    const racing = [0, 10, 20, 30, 40].map((minute) =>
      platform.graphql(
        SCHEDULE,
        { input: { committeeId: cell.id, startsAt: `${day(40)}T09:${String(minute).padStart(2, '0')}:00Z`, endsAt: `${day(40)}T11:00:00Z`, venue: 'Gao', agenda: [] } },
        { token: token.missionLiaison },
      ),
    );
    const answers = await Promise.all(racing);
    // The stream is appended at the version decided on: a loser either saw the winner's session
    // (SESSION_OVERLAP) or lost the append (WRONG_EXPECTED_VERSION); never are two accepted.
    expect(answers.filter((answer) => !answer.errors)).toHaveLength(1);
    for (const answer of answers.filter((candidate) => candidate.errors)) {
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: expect.stringMatching(/^(SESSION_OVERLAP|WRONG_EXPECTED_VERSION)$/) });
    }
    const winner = answers.find((answer) => !answer.errors)!.data.scheduleSession as Payload;
    expect((await read(COMMITTEE, { id: cell.id }, winner.position)).committee.sessions).toHaveLength(1);
  });

  it('refuses to book a member into overlapping sessions of two committees, unless forced', async () => {
    // OCHA chairs a second committee where OCHA and WFP sit again: both are in the moved Gao session.
    const mopti = await ok(FORM, { name: 'Groupe de coordination humanitaire de Mopti', chairId: org.ocha, memberIds: [org.ocha, org.wfp, org.nrc], adminCode: 'ML05' }, token.ochaLiaison);
    const clashing = { committeeId: mopti.id, startsAt: `${day(11)}T11:00:00Z`, endsAt: `${day(11)}T13:00:00Z`, venue: 'Sévaré', agenda: ['Saison des pluies'] };
    await refused(SCHEDULE, clashing, token.ochaLiaison, 'CONFLICT', { reason: 'MEMBER_DOUBLE_BOOKED' });
    const forced = await ok(SCHEDULE, { ...clashing, allowMemberClash: true }, token.ochaLiaison);
    // Touching is not overlapping, and a cancelled Gao session books nobody.
    const after = await ok(SCHEDULE, { ...clashing, startsAt: `${day(11)}T13:00:00Z`, endsAt: `${day(11)}T14:00:00Z` }, token.ochaLiaison);
    const free = await ok(SCHEDULE, { ...clashing, startsAt: `${day(12)}T14:00:00Z`, endsAt: `${day(12)}T16:00:00Z` }, token.ochaLiaison);

    // A move into a clash is refused the same way, and forced the same way.
    const into = { committeeId: mopti.id, sessionId: free.id, startsAt: `${day(11)}T09:00:00Z`, endsAt: `${day(11)}T10:30:00Z` };
    await refused(RESCHEDULE, into, token.ochaLiaison, 'CONFLICT', { reason: 'MEMBER_DOUBLE_BOOKED' });
    const movedIn = await ok(RESCHEDULE, { ...into, allowMemberClash: true }, token.ochaLiaison);
    // Moving the Gao session onto Mopti's clashes from Gao's side too, once the calendar has Mopti's.
    await read(COMMITTEE, { id: mopti.id }, movedIn.position);
    await refused(
      RESCHEDULE,
      { committeeId: gao.id, sessionId: session.moved, startsAt: `${day(11)}T12:30:00Z`, endsAt: `${day(11)}T13:30:00Z` },
      token.missionLiaison,
      'CONFLICT',
      { reason: 'MEMBER_DOUBLE_BOOKED' },
    );
    // A committee that shares no member with Gao is free to meet while Gao does.
    const kidal = await ok(FORM, { name: 'Comité de Kidal', chairId: org.nrc, memberIds: [org.nrc, org.unicef] }, token.nrcLiaison);
    await ok(SCHEDULE, { ...clashing, committeeId: kidal.id, startsAt: `${day(11)}T10:30:00Z`, endsAt: `${day(11)}T11:00:00Z` }, token.nrcLiaison);

    const { history } = await read(HISTORY, { id: mopti.id }, movedIn.position);
    const sorted = (clash: { memberIds: string[] }) => ({ ...clash, memberIds: [...clash.memberIds].sort() });
    const gaoClash = { committeeId: gao.id, sessionId: session.moved, startsAt: utc(movedTo.startsAt), endsAt: utc(movedTo.endsAt), memberIds: [org.ocha, org.wfp].sort() };
    const scheduled = JSON.parse(history[1].data);
    expect(scheduled).toMatchObject({ sessionId: forced.id, allowMemberClash: true });
    expect(scheduled.memberClashes.map(sorted)).toEqual([gaoClash]);
    expect(JSON.parse(history[2].data)).toMatchObject({ sessionId: after.id, allowMemberClash: false, memberClashes: [] });
    const moved = JSON.parse(history[4].data);
    expect(moved).toMatchObject({ sessionId: free.id, allowMemberClash: true });
    expect(moved.memberClashes.map(sorted)).toEqual([gaoClash]);
  });
};

describeOnEachStorage('joint planning over HTTP, as the mission liaison office and its partners', jointPlanning);
