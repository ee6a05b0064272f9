import { badInput, conflict, DomainError, notFound } from '@coord/kernel';
import type { FollowUpAssigned } from '@coord/contracts';
import type { AssignFollowUp } from './liaison-meeting.commands';
import type { LiaisonMeetingState } from './liaison-meeting.state';
import { isIsoDate, requireHostLiaisonOfficer, requireMeeting, requireStatus, requireText } from './liaison-meeting.rules';

export const decideAssignFollowUp = (command: AssignFollowUp, state: LiaisonMeetingState): FollowUpAssigned[] => {
  const meeting = requireMeeting(state, command.meetingId);
  // Decision: the host's liaison officers decide who follows up on what their meeting heard.
  requireHostLiaisonOfficer(command.actor, meeting, 'assign a follow-up');
  // Follow-ups answer concerns, which exist only once the meeting is held.
  requireStatus(meeting, ['HELD'], 'assign a follow-up at');
  if (!meeting.concerns.some((concern) => concern.concernId === command.concernId)) {
    throw notFound(`no concern ${command.concernId} at meeting ${command.meetingId}`, 'concernId');
  }
  if (meeting.followUps.some((followUp) => followUp.followUpId === command.followUpId)) {
    throw conflict('ALREADY_EXISTS', `follow-up ${command.followUpId} is already assigned`);
  }

  requireText('assigneeId', command.assigneeId);
  if (!isIsoDate(command.dueDate)) throw badInput('dueDate', 'dueDate must be a calendar date YYYY-MM-DD');
  // The rule "a follow-up's due date not before the meeting", on the meeting's UTC date:
  // times are stored in UTC and a due date carries no zone.
  if (command.dueDate < meeting.startsAt.slice(0, 10)) {
    throw new DomainError('BAD_USER_INPUT', `dueDate must not be before the meeting (${meeting.startsAt.slice(0, 10)})`, {
      field: 'dueDate',
      reason: 'BEFORE_MEETING',
    });
  }

  return [
    {
      type: 'FollowUpAssigned',
      data: {
        meetingId: command.meetingId,
        followUpId: command.followUpId,
        concernId: command.concernId,
        assigneeId: command.assigneeId,
        dueDate: command.dueDate,
        assignedAt: command.at.toISOString(),
      },
    },
  ];
};
