/**
 * Clashes the calendar flags: two sessions of different committees that overlap in time and share a
 * member organisation (DOMAIN.md "a member organisation that sits in two committees cannot be booked
 * into two sessions that overlap"). The server refuses new ones unless forced; forced ones, and any
 * made before a member joined, must still be visible. Cancelled sessions free their slot.
 */
export interface CalendarSession {
  readonly id: string;
  readonly committeeId: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly status: string;
}

export interface CalendarCommittee {
  readonly id: string;
  readonly members: ReadonlyArray<{ readonly id: string }>;
}

export interface Clash {
  readonly sessionId: string;
  readonly committeeId: string;
  readonly memberIds: readonly string[];
}

// Half-open, as the server's rule: a session ending at 10:00 leaves 10:00 free.
const overlaps = (a: CalendarSession, b: CalendarSession) =>
  Date.parse(a.startsAt) < Date.parse(b.endsAt) && Date.parse(b.startsAt) < Date.parse(a.endsAt);

/** For each session id, the other sessions it clashes with and the members they share. */
export const findClashes = (committees: readonly CalendarCommittee[], sessions: readonly CalendarSession[]): Map<string, Clash[]> => {
  const members = new Map(committees.map((committee) => [committee.id, new Set(committee.members.map((member) => member.id))]));
  const live = [...sessions].filter((session) => session.status !== 'CANCELLED').sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  const clashes = new Map<string, Clash[]>();
  const note = (session: CalendarSession, other: CalendarSession, shared: string[]) =>
    clashes.set(session.id, [...(clashes.get(session.id) ?? []), { sessionId: other.id, committeeId: other.committeeId, memberIds: shared }]);
  for (let i = 0; i < live.length; i += 1) {
    for (let j = i + 1; j < live.length && Date.parse(live[j].startsAt) < Date.parse(live[i].endsAt); j += 1) {
      const [a, b] = [live[i], live[j]];
      if (a.committeeId === b.committeeId || !overlaps(a, b)) continue;
      const other = members.get(b.committeeId) ?? new Set<string>();
      const shared = [...(members.get(a.committeeId) ?? [])].filter((id) => other.has(id));
      if (shared.length === 0) continue;
      note(a, b, shared);
      note(b, a, shared);
    }
  }
  return clashes;
};
