import { badInput, conflict, forbidden, hasRole } from '@coord/kernel';
import type { LiaisonMeetingScheduled } from '@coord/contracts';
import type { ScheduleLiaisonMeeting } from './liaison-meeting.commands';
import type { LiaisonMeetingState } from './liaison-meeting.state';
import { requireText } from './liaison-meeting.rules';

export const decideScheduleLiaisonMeeting = (
  command: ScheduleLiaisonMeeting,
  state: LiaisonMeetingState,
): LiaisonMeetingScheduled[] => {
  const { actor } = command;
  // DOMAIN.md "Liaison meetings": a meeting is held by a liaison office, so its officers schedule it,
  // and only for their own organisation ("Who may do what").
  if (!hasRole(actor, 'LIAISON_OFFICER')) throw forbidden('only a liaison officer may schedule a liaison meeting');
  if (command.hostId !== actor.organizationId) {
    throw forbidden("a liaison meeting may be scheduled only for the officer's own organisation");
  }
  // ARCHITECTURE.md "one stream per record": scheduling opens the stream, so it must not exist yet.
  if (state.status !== 'None') {
    throw conflict('ALREADY_EXISTS', `liaison meeting ${command.meetingId} is already scheduled`);
  }

  requireText('title', command.title);
  requireText('adminCode', command.location);
  if (!(command.startsAt instanceof Date) || Number.isNaN(command.startsAt.getTime())) {
    throw badInput('startsAt', 'startsAt must be an instant with an offset');
  }
  // DOMAIN.md: a liaison meeting is held "with local stakeholders"; one without any is no meeting.
  if (!Array.isArray(command.stakeholders) || command.stakeholders.length === 0) {
    throw badInput('stakeholders', 'a liaison meeting needs at least one stakeholder');
  }
  command.stakeholders.forEach((stakeholder, index) => {
    requireText(`stakeholders[${index}].name`, stakeholder?.name);
    requireText(`stakeholders[${index}].group`, stakeholder?.group);
  });

  return [
    {
      type: 'LiaisonMeetingScheduled',
      data: {
        meetingId: command.meetingId,
        hostId: command.hostId,
        title: command.title,
        location: command.location,
        startsAt: command.startsAt.toISOString(),
        stakeholders: command.stakeholders.map(({ name, group }) => ({ name, group })),
        scheduledAt: command.at.toISOString(),
      },
    },
  ];
};
