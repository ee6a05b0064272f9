import { Actor, badInput, forbidden, hasRole, invalidTransition, notFound } from '@coord/kernel';
import type { MeetingStatus } from '@coord/contracts';
import type { LiaisonMeeting, LiaisonMeetingState } from './liaison-meeting.state';

/*
 * Guards shared by the decide functions. Every decide checks in the same order — existence,
 * authority, lifecycle, values — as the aid-delivery context does, so that an actor who may never
 * act on a meeting always hears FORBIDDEN, whatever its state. Error fields are named as the
 * GraphQL input names them.
 */

export const requireMeeting = (state: LiaisonMeetingState, meetingId: string): LiaisonMeeting => {
  if (state.status === 'None') throw notFound(`liaison meeting ${meetingId} does not exist`, 'meetingId');
  return state;
};

// DOMAIN.md "Who may do what": write only for one's own organisation's records; a liaison meeting
// is the record of the liaison office that holds it, so its LIAISON_OFFICERs alone hold it, raise
// its concerns and assign its follow-ups.
export const requireHostLiaisonOfficer = (actor: Actor, meeting: LiaisonMeeting, doing: string): void => {
  if (actor.organizationId !== meeting.hostId || !hasRole(actor, 'LIAISON_OFFICER')) {
    throw forbidden(`only a liaison officer of the host organisation may ${doing}`);
  }
};

export const requireStatus = (meeting: LiaisonMeeting, allowed: readonly MeetingStatus[], doing: string): void => {
  if (!allowed.includes(meeting.status)) throw invalidTransition(`cannot ${doing} a ${meeting.status} meeting`);
};

/** Strings are kept as given (the input layer trims and bounds them); only emptiness is refused. */
export const requireText = (field: string, value: string): void => {
  if (typeof value !== 'string' || value.trim().length === 0) throw badInput(field, `${field} must not be empty`);
};

export const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date that exists (`2026-02-30` does not); pure, no clock involved. */
export const isIsoDate = (value: unknown): value is string => {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
};
