import type { Decider } from '@coord/kernel';
import type { LiaisonMeetingEvent } from '@coord/contracts';
import { decideAssignFollowUp } from './assign-follow-up.decide';
import { decideCancelLiaisonMeeting } from './cancel-liaison-meeting.decide';
import { decideCompleteFollowUp } from './complete-follow-up.decide';
import type { LiaisonMeetingCommand } from './liaison-meeting.commands';
import { evolve } from './liaison-meeting.evolve';
import { initialState, type LiaisonMeetingState } from './liaison-meeting.state';
import { decideRaiseConcern } from './raise-concern.decide';
import { decideRecordMeetingHeld } from './record-meeting-held.decide';
import { decideScheduleLiaisonMeeting } from './schedule-liaison-meeting.decide';

export const decide = (command: LiaisonMeetingCommand, state: LiaisonMeetingState): LiaisonMeetingEvent[] => {
  switch (command.type) {
    case 'ScheduleLiaisonMeeting':
      return decideScheduleLiaisonMeeting(command, state);
    case 'RecordMeetingHeld':
      return decideRecordMeetingHeld(command, state);
    case 'RaiseConcern':
      return decideRaiseConcern(command, state);
    case 'AssignFollowUp':
      return decideAssignFollowUp(command, state);
    case 'CompleteFollowUp':
      return decideCompleteFollowUp(command, state);
    case 'CancelLiaisonMeeting':
      return decideCancelLiaisonMeeting(command, state);
    default: {
      const unknown: never = command;
      throw new Error(`unknown liaison-meeting command ${(unknown as { type: string }).type}`);
    }
  }
};

export const liaisonMeetingDecider: Decider<LiaisonMeetingCommand, LiaisonMeetingState, LiaisonMeetingEvent> = {
  initialState,
  evolve,
  decide,
};
