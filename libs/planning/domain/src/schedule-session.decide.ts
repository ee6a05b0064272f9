import { conflict } from '@coord/kernel';
import type { SessionScheduled } from '@coord/contracts';
import type { ScheduleSession } from './committee.commands';
import { requireChairLiaisonOfficer, requireCommittee, requireText, validateSlot } from './committee.rules';
import type { CommitteeState } from './committee.state';
import { memberClashes, requireNoSessionOverlap, requireNoUnforcedClash } from './session-clashes.rules';

/**
 * A session may start in the past: a meeting held before anyone entered it (a field office
 * offline for a week) is scheduled after the fact so that its attendance and decisions can be
 * recorded. Only moving and cancelling are limited to sessions to come.
 */
export const decideScheduleSession = (command: ScheduleSession, state: CommitteeState): SessionScheduled[] => {
  const committee = requireCommittee(state, command.committeeId);
  requireChairLiaisonOfficer(command.actor, committee, 'schedule a session');
  // The resolver makes a fresh id; a taken one means a replayed or forged command, not a new session.
  if (committee.sessions.some((session) => session.sessionId === command.sessionId)) {
    throw conflict('ALREADY_EXISTS', `session ${command.sessionId} is already scheduled`);
  }

  validateSlot(command.startsAt, command.endsAt);
  requireText('venue', command.venue);
  command.agenda.forEach((item, index) => requireText(`agenda[${index}]`, item));

  const slot = { startsAt: command.startsAt.toISOString(), endsAt: command.endsAt.toISOString() };
  requireNoSessionOverlap(committee, slot);
  const clashes = memberClashes(committee, slot, command.bookedElsewhere);
  requireNoUnforcedClash(clashes, command.allowMemberClash);

  return [
    {
      type: 'SessionScheduled',
      data: {
        committeeId: command.committeeId,
        sessionId: command.sessionId,
        ...slot,
        venue: command.venue,
        agenda: command.agenda,
        allowMemberClash: command.allowMemberClash,
        memberClashes: clashes,
        scheduledAt: command.at.toISOString(),
      },
    },
  ];
};
