import type { SessionConcluded } from '@coord/contracts';
import type { ConcludeSession } from './committee.commands';
import { requireChairLiaisonOfficer, requireCommittee, requireOpen, requireSession, requireStarted } from './committee.rules';
import type { CommitteeState } from './committee.state';

export const decideConcludeSession = (command: ConcludeSession, state: CommitteeState): SessionConcluded[] => {
  const committee = requireCommittee(state, command.committeeId);
  requireChairLiaisonOfficer(command.actor, committee, 'conclude a session');
  const session = requireSession(committee, command.sessionId);
  requireOpen(session, 'conclude');
  requireStarted(session, command.at, 'conclude');
  return [
    {
      type: 'SessionConcluded',
      data: { committeeId: command.committeeId, sessionId: command.sessionId, concludedAt: command.at.toISOString() },
    },
  ];
};
