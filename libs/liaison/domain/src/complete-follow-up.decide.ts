import { forbidden, hasRole, invalidTransition, notFound, type Role } from '@coord/kernel';
import type { FollowUpCompleted } from '@coord/contracts';
import type { CompleteFollowUp } from './liaison-meeting.commands';
import type { LiaisonMeetingState } from './liaison-meeting.state';
import { requireMeeting, requireStatus } from './liaison-meeting.rules';

/** The roles that act for an organisation; an observer reads, and a platform admin acts for none. */
const ACTING_ROLES: Role[] = ['LIAISON_OFFICER', 'AGENCY_OFFICER', 'GOVERNMENT_COUNTERPART', 'COMMUNITY_FOCAL_POINT'];

export const decideCompleteFollowUp = (command: CompleteFollowUp, state: LiaisonMeetingState): FollowUpCompleted[] => {
  const meeting = requireMeeting(state, command.meetingId);
  // The follow-up comes before authority: who may complete it is its assignee.
  const followUp = meeting.followUps.find((candidate) => candidate.followUpId === command.followUpId);
  if (!followUp) throw notFound(`no follow-up ${command.followUpId} at meeting ${command.meetingId}`, 'followUpId');
  // The rule: a follow-up is completed by its assignee organisation — not by the host who
  // assigned it, who would otherwise vouch for someone else's work.
  if (command.actor.organizationId !== followUp.assigneeId || !hasRole(command.actor, ...ACTING_ROLES)) {
    throw forbidden('only the assignee organisation may complete its follow-up');
  }
  // DOMAIN.md: a cancelled meeting takes nothing more.
  requireStatus(meeting, ['HELD'], 'complete a follow-up of');
  if (followUp.done) throw invalidTransition(`follow-up ${command.followUpId} is already completed`);

  return [
    {
      type: 'FollowUpCompleted',
      data: {
        meetingId: command.meetingId,
        followUpId: command.followUpId,
        note: command.note ?? null,
        completedAt: command.at.toISOString(),
      },
    },
  ];
};
