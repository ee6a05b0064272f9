import { startTestPlatform, TestPlatform } from '../support/platform';

/**
 * A week of a liaison office (issue 3, "Done means"): a joint planning committee of four
 * organisations with three sessions — one moved, one cancelled — attendance and decisions, then two
 * liaison meetings with concerns, one CRITICAL and sensitive, follow-ups assigned and completed; and
 * what each organisation sees of it.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (ms: number) => new Date(ms).toISOString();
const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('a week of a liaison office', () => {
  let platform: TestPlatform;
  let last = '0:0';
  const token: Record<string, string> = {};
  const id: Record<string, string> = {};

  const run = async (mutation: string, inputType: string, input: Record<string, unknown>, as: string) => {
    const response = await platform.graphql(`mutation($input: ${inputType}!) { ${mutation}(input: $input) { id version position } }`, { input }, { token: token[as] });
    expect(response.errors).toBeUndefined();
    const payload = response.data[mutation] as { id: string; position: string };
    last = payload.position;
    return payload.id;
  };
  const refusedCode = async (mutation: string, inputType: string, input: Record<string, unknown>, as: string) => {
    const response = await platform.graphql(`mutation($input: ${inputType}!) { ${mutation}(input: $input) { id } }`, { input }, { token: token[as] });
    return { code: response.errors?.[0]?.extensions?.code, reason: response.errors?.[0]?.extensions?.reason };
  };
  const read = async (query: string, variables: Record<string, unknown>, as: string) => {
    const response = await platform.graphql(query, variables, { token: token[as], headers: { 'x-min-position': last } });
    expect(response.errors).toBeUndefined();
    return response.data;
  };

  beforeAll(async () => {
    platform = await startTestPlatform();
    token.admin = await platform.token('admins', ['ADMIN']);
    const organizations = [
      ['mission', 'Mission intégrée des Nations Unies (bureau de Gao)', 'MIN-GAO', 'PEACEKEEPING_MISSION', 'LIAISON_OFFICER'],
      ['wfp', 'World Food Programme', 'WFP', 'UN_AGENCY', 'AGENCY_OFFICER'],
      ['ngo', 'Association Malienne pour la Survie au Sahel', 'AMSS', 'NGO', 'AGENCY_OFFICER'],
      ['government', 'Gouvernorat de Gao', 'GOUV-GAO', 'HOST_GOVERNMENT', 'GOVERNMENT_COUNTERPART'],
      ['outsider', 'An NGO from elsewhere', 'FAR', 'NGO', 'AGENCY_OFFICER'],
    ] as const;
    for (const [key, name, acronym, kind, role] of organizations) {
      id[key] = await run('registerOrganization', 'RegisterOrganizationInput', { name, acronym, kind }, 'admin');
      token[key] = await platform.token(id[key], [role], `${key}-user`);
    }
  });
  afterAll(() => platform?.close());

  it('runs the committee: three sessions, one moved, one cancelled, attendance and decisions', async () => {
    const now = Date.now();
    const committee = await run(
      'formCommittee',
      'FormCommitteeInput',
      { name: 'Comité régional de planification conjointe — Gao', chairId: id.mission, memberIds: [id.mission, id.wfp, id.ngo, id.government], adminCode: 'ML07' },
      'mission',
    );
    id.committee = committee;
    const session = (start: number, hours: number, venue: string) => ({
      committeeId: committee,
      startsAt: at(start),
      endsAt: at(start + hours * HOUR),
      venue,
      agenda: ['Access to Ansongo', 'Food distribution calendar'],
    });
    // Monday's session already took place this morning; the other two are later in the week.
    const monday = await run('scheduleSession', 'ScheduleSessionInput', session(now - 3 * HOUR, 2, 'Gouvernorat, salle A'), 'mission');
    const wednesday = await run('scheduleSession', 'ScheduleSessionInput', session(now + 2 * DAY, 2, 'Gouvernorat, salle A'), 'mission');
    const friday = await run('scheduleSession', 'ScheduleSessionInput', session(now + 4 * DAY, 2, 'Base de la mission'), 'mission');
    expect(await refusedCode('scheduleSession', 'ScheduleSessionInput', session(now + 2 * DAY + HOUR, 2, 'clash'), 'mission')).toEqual({
      code: 'CONFLICT',
      reason: 'SESSION_OVERLAP',
    });
    expect((await refusedCode('scheduleSession', 'ScheduleSessionInput', session(now + 6 * DAY, 1, 'x'), 'wfp')).code).toBe('FORBIDDEN');

    await run('rescheduleSession', 'RescheduleSessionInput', { committeeId: committee, sessionId: wednesday, startsAt: at(now + 3 * DAY), endsAt: at(now + 3 * DAY + 2 * HOUR) }, 'mission');
    await run('cancelSession', 'CancelSessionInput', { committeeId: committee, sessionId: friday, reason: 'Security incident on the road to the base' }, 'mission');
    expect((await refusedCode('recordAttendance', 'RecordAttendanceInput', { committeeId: committee, sessionId: friday, organizationIds: [id.wfp] }, 'mission')).code).toBe('INVALID_TRANSITION');

    await run('recordAttendance', 'RecordAttendanceInput', { committeeId: committee, sessionId: monday, organizationIds: [id.mission, id.wfp, id.government] }, 'mission');
    expect((await refusedCode('recordAttendance', 'RecordAttendanceInput', { committeeId: committee, sessionId: monday, organizationIds: [id.outsider] }, 'mission')).code).toBe('BAD_USER_INPUT');
    await run(
      'recordDecision',
      'RecordDecisionInput',
      {
        committeeId: committee,
        sessionId: monday,
        text: 'WFP and AMSS align the December distributions in Ansongo',
        actionItem: { description: 'Joint distribution plan for Ansongo', responsibleId: id.wfp, dueDate: date(now + 10 * DAY), sector: 'FOOD_SECURITY', adminCode: 'ML0701' },
      },
      'mission',
    );
    await run('concludeSession', 'ConcludeSessionInput', { committeeId: committee, sessionId: monday }, 'mission');
    expect((await refusedCode('recordDecision', 'RecordDecisionInput', { committeeId: committee, sessionId: monday, text: 'late' }, 'mission')).code).toBe('INVALID_TRANSITION');

    // Every member, and the outsider too, reads the same committee: the picture is shared.
    const views = await Promise.all(
      ['mission', 'wfp', 'government', 'outsider'].map((who) =>
        read(
          `query($id: ID!) { committee(id: $id) { name chair { acronym } members { acronym } sessions { id status startsAt attendees { acronym } decisions { text actionItem { description responsible { acronym } dueDate } } } } }`,
          { id: committee },
          who,
        ),
      ),
    );
    for (const view of views) expect(view).toEqual(views[0]);
    const sessions = views[0].committee.sessions as Array<{ id: string; status: string; startsAt: string; attendees: Array<{ acronym: string }>; decisions: unknown[] }>;
    const byId = Object.fromEntries(sessions.map((item) => [item.id, item]));
    expect(byId[monday]).toMatchObject({ status: 'CONCLUDED', attendees: expect.arrayContaining([{ acronym: 'WFP' }, { acronym: 'GOUV-GAO' }]) });
    expect(byId[monday].decisions).toEqual([
      { text: 'WFP and AMSS align the December distributions in Ansongo', actionItem: { description: 'Joint distribution plan for Ansongo', responsible: { acronym: 'WFP' }, dueDate: date(now + 10 * DAY) } },
    ]);
    expect(byId[wednesday]).toMatchObject({ status: 'SCHEDULED', startsAt: at(now + 3 * DAY) });
    expect(byId[friday].status).toBe('CANCELLED');
    const history = await read(`query($id: ID!) { history(id: $id) { type organization { acronym } } }`, { id: committee }, 'government');
    expect(history.history.map((entry: { type: string }) => entry.type)).toEqual([
      'CommitteeFormed', 'SessionScheduled', 'SessionScheduled', 'SessionScheduled', 'SessionRescheduled', 'SessionCancelled',
      'AttendanceRecorded', 'DecisionRecorded', 'SessionConcluded',
    ]);
  });

  it('holds two liaison meetings; the sensitive CRITICAL concern is read only by those who must act on it', async () => {
    const now = Date.now();
    const meeting = async (title: string, adminCode: string) => {
      const meetingId = await run('scheduleLiaisonMeeting', 'ScheduleLiaisonMeetingInput', {
        title,
        adminCode,
        startsAt: at(now - 2 * HOUR),
        stakeholders: [{ name: 'Chef de village', group: 'community leaders' }, { name: 'Association des femmes', group: "women's group" }],
      }, 'mission');
      await run('recordMeetingHeld', 'RecordMeetingHeldInput', { meetingId, attendanceWomen: 23, attendanceMen: 17 }, 'mission');
      return meetingId;
    };
    const ansongo = await meeting('Rencontre avec les leaders communautaires d’Ansongo', 'ML0701');
    const bourem = await meeting('Rencontre avec la société civile de Bourem', 'ML0702');
    const critical = await run('raiseConcern', 'RaiseConcernInput', {
      meetingId: ansongo, sector: 'PROTECTION', severity: 'CRITICAL', adminCode: 'ML0701', sensitive: true,
      text: 'Armed men seen near the school of Ouattagouna at night; families named in the note',
    }, 'mission');
    const water = await run('raiseConcern', 'RaiseConcernInput', {
      meetingId: bourem, sector: 'WASH', severity: 'MEDIUM', adminCode: 'ML0702', text: 'The borehole at the market has been dry for two weeks',
    }, 'mission');
    const protection = await run('assignFollowUp', 'AssignFollowUpInput', { meetingId: ansongo, concernId: critical, assigneeId: id.government, dueDate: date(now + 2 * DAY) }, 'mission');
    const borehole = await run('assignFollowUp', 'AssignFollowUpInput', { meetingId: bourem, concernId: water, assigneeId: id.ngo, dueDate: date(now + 7 * DAY) }, 'mission');
    expect((await refusedCode('completeFollowUp', 'CompleteFollowUpInput', { meetingId: bourem, followUpId: borehole, note: 'not ours' }, 'wfp')).code).toBe('FORBIDDEN');
    await run('completeFollowUp', 'CompleteFollowUpInput', { meetingId: bourem, followUpId: borehole, note: 'Pump replaced by AMSS' }, 'ngo');
    await run('completeFollowUp', 'CompleteFollowUpInput', { meetingId: ansongo, followUpId: protection, note: 'Patrols arranged with the gendarmerie' }, 'government');

    const concernsSeenBy = async (who: string) =>
      (await read(`query($id: ID!) { liaisonMeeting(id: $id) { concerns { id severity sensitive text followUps { assignee { acronym } done note } } } }`, { id: ansongo }, who))
        .liaisonMeeting.concerns[0];
    // The host and the assigned government read it; the others learn that it exists, not what it says.
    expect((await concernsSeenBy('mission')).text).toMatch(/Armed men/);
    expect((await concernsSeenBy('government')).text).toMatch(/Armed men/);
    for (const who of ['wfp', 'ngo', 'outsider']) {
      expect(await concernsSeenBy(who)).toMatchObject({ severity: 'CRITICAL', sensitive: true, text: null, followUps: [{ assignee: { acronym: 'GOUV-GAO' }, done: true }] });
    }
    const historyText = async (who: string) =>
      JSON.stringify((await read(`query($id: ID!) { history(id: $id) { type data } }`, { id: ansongo }, who)).history);
    expect(await historyText('government')).toMatch(/Armed men/);
    expect(await historyText('wfp')).not.toMatch(/Armed men|families named/);

    // The ordinary concern is everyone's to read, with its completed follow-up.
    const bouremSeenByWfp = await read(`query($id: ID!) { liaisonMeeting(id: $id) { concerns { text followUps { done note assignee { acronym } } } } }`, { id: bourem }, 'wfp');
    expect(bouremSeenByWfp.liaisonMeeting.concerns).toEqual([
      { text: 'The borehole at the market has been dry for two weeks', followUps: [{ done: true, note: 'Pump replaced by AMSS', assignee: { acronym: 'AMSS' } }] },
    ]);
    const inGao = await read(`{ liaisonMeetings(adminCode: "ML07") { id } }`, {}, 'outsider');
    expect(inGao.liaisonMeetings.map((item: { id: string }) => item.id).sort()).toEqual([ansongo, bourem].sort());
  });
});
