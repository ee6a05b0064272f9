import { badInput, DomainError } from '@coord/kernel';
import type { SessionRescheduled } from '@coord/contracts';
import type { RescheduleSession } from './committee.commands';
import {
  requireChairLiaisonOfficer,
  requireCommittee,
  requireFuture,
  requireOpen,
  requireSession,
  validateSlot,
} from './committee.rules';
import type { CommitteeState } from './committee.state';
import { memberClashes, requireNoSessionOverlap, requireNoUnforcedClash } from './session-clashes.rules';

export const decideRescheduleSession = (command: RescheduleSession, state: CommitteeState): SessionRescheduled[] => {
  const committee = requireCommittee(state, command.committeeId);
  requireChairLiaisonOfficer(command.actor, committee, 'move a session');
  const session = requireSession(committee, command.sessionId);
  requireOpen(session, 'move');
  requireFuture(session, command.at, 'move');

  validateSlot(command.startsAt, command.endsAt);
  // Moving a session to come into the past would rewrite what happened rather than plan.
  if (command.startsAt.getTime() <= command.at.getTime()) throw badInput('startsAt', 'a session is moved to a time to come');
  const slot = { startsAt: command.startsAt.toISOString(), endsAt: command.endsAt.toISOString() };
  // A move to the same slot would put noise in the history.
  if (slot.startsAt === session.startsAt && slot.endsAt === session.endsAt) {
    throw new DomainError('BAD_USER_INPUT', 'the session is already at that time', { field: 'startsAt', reason: 'UNCHANGED' });
  }
  requireNoSessionOverlap(committee, slot, session.sessionId);
  const clashes = memberClashes(committee, slot, command.bookedElsewhere);
  requireNoUnforcedClash(clashes, command.allowMemberClash);

  return [
    {
      type: 'SessionRescheduled',
      data: {
        committeeId: command.committeeId,
        sessionId: command.sessionId,
        ...slot,
        previousStartsAt: session.startsAt,
        previousEndsAt: session.endsAt,
        allowMemberClash: command.allowMemberClash,
        memberClashes: clashes,
        rescheduledAt: command.at.toISOString(),
      },
    },
  ];
};
