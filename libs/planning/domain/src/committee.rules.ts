import { Actor, badInput, DomainError, forbidden, hasRole, invalidTransition, notFound } from '@coord/kernel';
import type { Committee, CommitteeState, Session } from './committee.state';

/*
 * Guards shared by the decide functions. Every decide checks in the same order — existence,
 * authority, the session, lifecycle, values, then the clash rules — so an actor who may never act
 * on a committee hears FORBIDDEN whatever its sessions look like, and learns nothing about them.
 * Error fields are named as the GraphQL input names them.
 */

export const requireCommittee = (state: CommitteeState, committeeId: string): Committee => {
  if (state.status === 'None') throw notFound(`committee ${committeeId} does not exist`, 'committeeId');
  return state;
};

// DOMAIN.md: the mission liaison office schedules committees and records what they decide. The
// chair organisation runs the committee's secretariat, so its LIAISON_OFFICERs alone schedule,
// move, cancel and conclude sessions, and they alone record attendance and decisions too: a member
// writing the minutes of a meeting it sat in would blur who vouches for them.
export const requireChairLiaisonOfficer = (actor: Actor, committee: Committee, doing: string): void => {
  if (actor.organizationId !== committee.chairId || !hasRole(actor, 'LIAISON_OFFICER')) {
    throw forbidden(`only a liaison officer of the chair organisation may ${doing}`);
  }
};

export const requireSession = (committee: Committee, sessionId: string): Session => {
  const session = committee.sessions.find((candidate) => candidate.sessionId === sessionId);
  if (!session) throw notFound(`committee ${committee.committeeId} has no session ${sessionId}`, 'sessionId');
  return session;
};

// DOMAIN.md: "nothing is recorded on a cancelled session; a concluded session is closed".
export const requireOpen = (session: Session, doing: string): void => {
  if (session.status !== 'SCHEDULED') throw invalidTransition(`cannot ${doing} a ${session.status} session`);
};

export const hasStarted = (session: Session, at: Date): boolean => Date.parse(session.startsAt) <= at.getTime();

// DOMAIN.md: a committee "may reschedule or cancel a future one"; one under way or past is history.
export const requireFuture = (session: Session, at: Date, doing: string): void => {
  if (hasStarted(session, at)) throw invalidTransition(`cannot ${doing} a session that has already started`);
};

// Attendance, decisions and the conclusion are what happened in a session: not before it begins.
export const requireStarted = (session: Session, at: Date, doing: string): void => {
  if (!hasStarted(session, at)) throw invalidTransition(`cannot ${doing} a session that has not started yet`);
};

/** Strings are kept as given (the input layer trims and bounds them); only emptiness is refused. */
export const requireText = (field: string, value: string): void => {
  if (typeof value !== 'string' || value.trim().length === 0) throw badInput(field, `${field} must not be empty`);
};

const isValidDate = (value: Date): boolean => value instanceof Date && !Number.isNaN(value.getTime());

// DOMAIN.md "Joint planning" rules: end after start.
export const validateSlot = (startsAt: Date, endsAt: Date): void => {
  if (!isValidDate(startsAt)) throw badInput('startsAt', 'startsAt must be an instant');
  if (!isValidDate(endsAt)) throw badInput('endsAt', 'endsAt must be an instant');
  if (endsAt.getTime() <= startsAt.getTime()) throw badInput('endsAt', 'a session must end after it starts');
};

// DOMAIN.md "only members attend"; the same holds for whoever a decision makes responsible.
export const requireMember = (committee: Committee, field: string, organizationId: string): void => {
  if (!committee.memberIds.includes(organizationId)) {
    throw new DomainError('BAD_USER_INPUT', `${organizationId} is not a member of the committee`, { field, reason: 'NOT_A_MEMBER' });
  }
};

/** Non-empty ids, each once; the field of the first offender is `<field>[<index>]`. */
export const requireDistinctIds = (field: string, ids: readonly string[]): void => {
  ids.forEach((id, index) => {
    requireText(`${field}[${index}]`, id);
    if (ids.indexOf(id) !== index) throw badInput(`${field}[${index}]`, `${id} is listed twice`);
  });
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date that exists (`2026-02-30` does not); pure, no clock involved. */
export const isIsoDate = (value: string): boolean => {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
};
