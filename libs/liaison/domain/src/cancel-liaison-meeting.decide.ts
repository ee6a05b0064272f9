import type { LiaisonMeetingCancelled } from '@coord/contracts';
import type { CancelLiaisonMeeting } from './liaison-meeting.commands';
import type { LiaisonMeetingState } from './liaison-meeting.state';
import { requireHostLiaisonOfficer, requireMeeting, requireStatus, requireText } from './liaison-meeting.rules';

export const decideCancelLiaisonMeeting = (
  command: CancelLiaisonMeeting,
  state: LiaisonMeetingState,
): LiaisonMeetingCancelled[] => {
  const meeting = requireMeeting(state, command.meetingId);
  requireHostLiaisonOfficer(command.actor, meeting, 'cancel a meeting');
  // Decision: only a meeting still to come is cancelled; one that was held happened, and what it
  // heard stays on the record.
  requireStatus(meeting, ['SCHEDULED'], 'cancel');
  requireText('reason', command.reason);
  return [
    {
      type: 'LiaisonMeetingCancelled',
      data: { meetingId: command.meetingId, reason: command.reason, cancelledAt: command.at.toISOString() },
    },
  ];
};
