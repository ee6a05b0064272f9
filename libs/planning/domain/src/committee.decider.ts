import type { Decider } from '@coord/kernel';
import type { CommitteeEvent } from '@coord/contracts';
import { decideCancelSession } from './cancel-session.decide';
import type { CommitteeCommand } from './committee.commands';
import { evolve } from './committee.evolve';
import { initialState, type CommitteeState } from './committee.state';
import { decideConcludeSession } from './conclude-session.decide';
import { decideFormCommittee } from './form-committee.decide';
import { decideRecordAttendance } from './record-attendance.decide';
import { decideRecordDecision } from './record-decision.decide';
import { decideRescheduleSession } from './reschedule-session.decide';
import { decideScheduleSession } from './schedule-session.decide';

export const decide = (command: CommitteeCommand, state: CommitteeState): CommitteeEvent[] => {
  switch (command.type) {
    case 'FormCommittee':
      return decideFormCommittee(command, state);
    case 'ScheduleSession':
      return decideScheduleSession(command, state);
    case 'RescheduleSession':
      return decideRescheduleSession(command, state);
    case 'CancelSession':
      return decideCancelSession(command, state);
    case 'RecordAttendance':
      return decideRecordAttendance(command, state);
    case 'RecordDecision':
      return decideRecordDecision(command, state);
    case 'ConcludeSession':
      return decideConcludeSession(command, state);
    default: {
      const unknown: never = command;
      throw new Error(`unknown committee command ${(unknown as { type: string }).type}`);
    }
  }
};

export const committeeDecider: Decider<CommitteeCommand, CommitteeState, CommitteeEvent> = {
  initialState,
  evolve,
  decide,
};
