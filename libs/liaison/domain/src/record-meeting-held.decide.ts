import { badInput } from '@coord/kernel';
import type { LiaisonMeetingHeld } from '@coord/contracts';
import type { RecordMeetingHeld } from './liaison-meeting.commands';
import type { LiaisonMeetingState } from './liaison-meeting.state';
import { isCount, requireHostLiaisonOfficer, requireMeeting, requireStatus } from './liaison-meeting.rules';

export const decideRecordMeetingHeld = (command: RecordMeetingHeld, state: LiaisonMeetingState): LiaisonMeetingHeld[] => {
  const meeting = requireMeeting(state, command.meetingId);
  requireHostLiaisonOfficer(command.actor, meeting, 'record that a meeting was held');
  // DOMAIN.md: a meeting is held once; a cancelled one takes nothing more.
  requireStatus(meeting, ['SCHEDULED'], 'record as held');

  // DOMAIN.md "records attendance (counts by women/men, optionally youth)": head counts, 0 or more.
  if (!isCount(command.attendanceWomen)) throw badInput('attendanceWomen', 'attendanceWomen must be a whole number, 0 or more');
  if (!isCount(command.attendanceMen)) throw badInput('attendanceMen', 'attendanceMen must be a whole number, 0 or more');
  const youth = command.attendanceYouth ?? null;
  // Youth are counted among the women and men, never beside them.
  if (youth !== null && (!isCount(youth) || youth > command.attendanceWomen + command.attendanceMen)) {
    throw badInput('attendanceYouth', 'attendanceYouth must be a whole number, at most the women and men attending');
  }

  return [
    {
      type: 'LiaisonMeetingHeld',
      data: {
        meetingId: command.meetingId,
        attendanceWomen: command.attendanceWomen,
        attendanceMen: command.attendanceMen,
        attendanceYouth: youth,
        heldAt: command.at.toISOString(),
      },
    },
  ];
};
