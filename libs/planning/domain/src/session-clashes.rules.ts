import { conflict } from '@coord/kernel';
import type { IsoDateTime, MemberClash } from '@coord/contracts';
import type { BookedSession } from './committee.commands';
import type { Committee } from './committee.state';

interface Slot {
  readonly startsAt: IsoDateTime;
  readonly endsAt: IsoDateTime;
}

/** Half-open intervals: a session that ends at 10:00 leaves the room free for one at 10:00. */
export const overlaps = (a: Slot, b: Slot): boolean =>
  Date.parse(a.startsAt) < Date.parse(b.endsAt) && Date.parse(b.startsAt) < Date.parse(a.endsAt);

// DOMAIN.md "no two sessions of one committee overlap". A cancelled session frees its slot; a
// concluded one took place and keeps it. The stream holds every session of the committee and is
// appended with optimistic concurrency, so this holds even between two concurrent schedulers.
export const requireNoSessionOverlap = (committee: Committee, slot: Slot, movingSessionId?: string): void => {
  const taken = committee.sessions.find(
    (session) => session.status !== 'CANCELLED' && session.sessionId !== movingSessionId && overlaps(session, slot),
  );
  if (taken) {
    throw conflict('SESSION_OVERLAP', `the committee already meets from ${taken.startsAt} to ${taken.endsAt} (session ${taken.sessionId})`);
  }
};

/**
 * The sessions of other committees that book some of this committee's members during `slot`,
 * with the members they share. Sessions of this committee are the overlap rule's business.
 */
export const memberClashes = (committee: Committee, slot: Slot, bookedElsewhere: readonly BookedSession[]): MemberClash[] =>
  bookedElsewhere.flatMap((booked) => {
    const shared = booked.memberIds.filter((memberId) => committee.memberIds.includes(memberId));
    if (booked.committeeId === committee.committeeId || shared.length === 0 || !overlaps(booked, slot)) return [];
    return [{ committeeId: booked.committeeId, sessionId: booked.sessionId, startsAt: booked.startsAt, endsAt: booked.endsAt, memberIds: shared }];
  });

// DOMAIN.md: "a member organisation that sits in two committees cannot be booked into two sessions
// that overlap (warn, or reject unless forced)": rejected, unless the scheduler forces it, and
// then the event keeps the clashes it accepted.
export const requireNoUnforcedClash = (clashes: readonly MemberClash[], allowMemberClash: boolean): void => {
  if (clashes.length === 0 || allowMemberClash) return;
  const first = clashes[0];
  throw conflict(
    'MEMBER_DOUBLE_BOOKED',
    `members ${first.memberIds.join(', ')} are booked into session ${first.sessionId} of committee ${first.committeeId} ` +
      `from ${first.startsAt} to ${first.endsAt}; set allowMemberClash to book them anyway`,
  );
};
