import type { SessionCancelled } from '@coord/contracts';
import type { CancelSession } from './committee.commands';
import {
  requireChairLiaisonOfficer,
  requireCommittee,
  requireFuture,
  requireOpen,
  requireSession,
  requireText,
} from './committee.rules';
import type { CommitteeState } from './committee.state';

export const decideCancelSession = (command: CancelSession, state: CommitteeState): SessionCancelled[] => {
  const committee = requireCommittee(state, command.committeeId);
  requireChairLiaisonOfficer(command.actor, committee, 'cancel a session');
  const session = requireSession(committee, command.sessionId);
  requireOpen(session, 'cancel');
  requireFuture(session, command.at, 'cancel');
  requireText('reason', command.reason);
  return [
    {
      type: 'SessionCancelled',
      data: {
        committeeId: command.committeeId,
        sessionId: command.sessionId,
        reason: command.reason,
        cancelledAt: command.at.toISOString(),
      },
    },
  ];
};
