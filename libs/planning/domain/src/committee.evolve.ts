import type { CommitteeEvent } from '@coord/contracts';
import type { Committee, CommitteeState, Session } from './committee.state';

/**
 * Events are facts, so evolve applies them without judging them again. A stream whose session
 * events come before its `CommitteeFormed`, or name a session it never scheduled, is not a
 * committee: answering INTERNAL beats deciding on a made-up state.
 */
const existing = (state: CommitteeState, event: CommitteeEvent): Committee => {
  if (state.status === 'None') {
    throw new Error(`${event.type} for committee ${event.data.committeeId} before it was formed`);
  }
  return state;
};

const withSession = (
  state: CommitteeState,
  event: Exclude<CommitteeEvent, { type: 'CommitteeFormed' | 'SessionScheduled' }>,
  change: (session: Session) => Session,
): Committee => {
  const committee = existing(state, event);
  const { sessionId } = event.data;
  if (!committee.sessions.some((session) => session.sessionId === sessionId)) {
    throw new Error(`${event.type} for session ${sessionId} that committee ${committee.committeeId} never scheduled`);
  }
  return {
    ...committee,
    sessions: committee.sessions.map((session) => (session.sessionId === sessionId ? change(session) : session)),
  };
};

export const evolve = (state: CommitteeState, event: CommitteeEvent): CommitteeState => {
  switch (event.type) {
    case 'CommitteeFormed': {
      const { data } = event;
      return {
        status: 'FORMED',
        committeeId: data.committeeId,
        name: data.name,
        chairId: data.chairId,
        memberIds: data.memberIds,
        adminCode: data.adminCode,
        sessions: [],
      };
    }
    case 'SessionScheduled': {
      const committee = existing(state, event);
      const { data } = event;
      const session: Session = {
        sessionId: data.sessionId,
        status: 'SCHEDULED',
        startsAt: data.startsAt,
        endsAt: data.endsAt,
        attendeeIds: [],
        decisionIds: [],
      };
      return { ...committee, sessions: [...committee.sessions, session] };
    }
    case 'SessionRescheduled':
      return withSession(state, event, (session) => ({ ...session, startsAt: event.data.startsAt, endsAt: event.data.endsAt }));
    case 'SessionCancelled':
      return withSession(state, event, (session) => ({ ...session, status: 'CANCELLED' }));
    case 'AttendanceRecorded':
      return withSession(state, event, (session) => ({ ...session, attendeeIds: event.data.organizationIds }));
    case 'DecisionRecorded':
      return withSession(state, event, (session) => ({ ...session, decisionIds: [...session.decisionIds, event.data.decisionId] }));
    case 'SessionConcluded':
      return withSession(state, event, (session) => ({ ...session, status: 'CONCLUDED' }));
    default: {
      const unknown: never = event;
      throw new Error(`unknown committee event ${(unknown as { type: string }).type}`);
    }
  }
};
