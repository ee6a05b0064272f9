import { badInput, conflict } from '@coord/kernel';
import { SECTORS, SEVERITIES, type ConcernRaised } from '@coord/contracts';
import type { RaiseConcern } from './liaison-meeting.commands';
import type { LiaisonMeetingState } from './liaison-meeting.state';
import { requireHostLiaisonOfficer, requireMeeting, requireStatus, requireText } from './liaison-meeting.rules';

export const decideRaiseConcern = (command: RaiseConcern, state: LiaisonMeetingState): ConcernRaised[] => {
  const meeting = requireMeeting(state, command.meetingId);
  // Decision: the host's liaison officers record what the stakeholders raised; the stakeholders
  // speak through them, and nobody else writes into another organisation's meeting.
  requireHostLiaisonOfficer(command.actor, meeting, 'raise a concern at a meeting');
  // DOMAIN.md "After it is held it records … concerns raised".
  requireStatus(meeting, ['HELD'], 'raise a concern at');
  if (meeting.concerns.some((concern) => concern.concernId === command.concernId)) {
    throw conflict('ALREADY_EXISTS', `concern ${command.concernId} is already raised`);
  }

  if (!SECTORS.includes(command.sector)) throw badInput('sector', `unknown sector ${String(command.sector)}`);
  if (!SEVERITIES.includes(command.severity)) throw badInput('severity', `unknown severity ${String(command.severity)}`);
  requireText('adminCode', command.location);
  requireText('text', command.text);
  if (typeof command.sensitive !== 'boolean') throw badInput('sensitive', 'sensitive must be true or false');

  return [
    {
      type: 'ConcernRaised',
      data: {
        meetingId: command.meetingId,
        concernId: command.concernId,
        sector: command.sector,
        severity: command.severity,
        location: command.location,
        text: command.text,
        sensitive: command.sensitive,
        raisedAt: command.at.toISOString(),
      },
    },
  ];
};
