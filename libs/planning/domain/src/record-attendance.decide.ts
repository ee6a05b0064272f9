import { badInput } from '@coord/kernel';
import type { AttendanceRecorded } from '@coord/contracts';
import type { RecordAttendance } from './committee.commands';
import {
  requireChairLiaisonOfficer,
  requireCommittee,
  requireDistinctIds,
  requireMember,
  requireOpen,
  requireSession,
  requireStarted,
} from './committee.rules';
import type { CommitteeState } from './committee.state';

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((id) => b.includes(id));

/**
 * The list is the whole attendance, so a mistake is mended by recording the right list again.
 * The same list again records nothing: a client that retries without a commandId changes nothing.
 */
export const decideRecordAttendance = (command: RecordAttendance, state: CommitteeState): AttendanceRecorded[] => {
  const committee = requireCommittee(state, command.committeeId);
  requireChairLiaisonOfficer(command.actor, committee, 'record attendance');
  const session = requireSession(committee, command.sessionId);
  requireOpen(session, 'record attendance of');
  requireStarted(session, command.at, 'record attendance of');

  if (command.organizationIds.length === 0) throw badInput('organizationIds', 'at least one organisation attends a session');
  requireDistinctIds('organizationIds', command.organizationIds);
  command.organizationIds.forEach((organizationId, index) => requireMember(committee, `organizationIds[${index}]`, organizationId));
  if (sameSet(command.organizationIds, session.attendeeIds)) return [];

  return [
    {
      type: 'AttendanceRecorded',
      data: {
        committeeId: command.committeeId,
        sessionId: command.sessionId,
        organizationIds: command.organizationIds,
        recordedAt: command.at.toISOString(),
      },
    },
  ];
};
