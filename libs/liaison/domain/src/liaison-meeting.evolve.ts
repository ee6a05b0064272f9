import type { LiaisonMeetingEvent } from '@coord/contracts';
import type { LiaisonMeeting, LiaisonMeetingState } from './liaison-meeting.state';

/**
 * Events are facts, so evolve applies them without judging them again. A stream whose later events
 * arrive before its `LiaisonMeetingScheduled` is not a liaison meeting: answering INTERNAL beats
 * deciding on a made-up state.
 */
const existing = (state: LiaisonMeetingState, event: LiaisonMeetingEvent): LiaisonMeeting => {
  if (state.status === 'None') {
    throw new Error(`${event.type} for meeting ${event.data.meetingId} before it was scheduled`);
  }
  return state;
};

export const evolve = (state: LiaisonMeetingState, event: LiaisonMeetingEvent): LiaisonMeetingState => {
  switch (event.type) {
    case 'LiaisonMeetingScheduled': {
      const { data } = event;
      return {
        status: 'SCHEDULED',
        meetingId: data.meetingId,
        hostId: data.hostId,
        title: data.title,
        location: data.location,
        startsAt: data.startsAt,
        stakeholders: data.stakeholders,
        attendance: null,
        concerns: [],
        followUps: [],
      };
    }
    case 'LiaisonMeetingHeld': {
      const { attendanceWomen, attendanceMen, attendanceYouth } = event.data;
      return { ...existing(state, event), status: 'HELD', attendance: { women: attendanceWomen, men: attendanceMen, youth: attendanceYouth } };
    }
    case 'ConcernRaised': {
      const meeting = existing(state, event);
      const { concernId, sector, severity, location, sensitive } = event.data;
      return { ...meeting, concerns: [...meeting.concerns, { concernId, sector, severity, location, sensitive }] };
    }
    case 'FollowUpAssigned': {
      const meeting = existing(state, event);
      const { followUpId, concernId, assigneeId, dueDate } = event.data;
      return { ...meeting, followUps: [...meeting.followUps, { followUpId, concernId, assigneeId, dueDate, done: false }] };
    }
    case 'FollowUpCompleted': {
      const meeting = existing(state, event);
      return {
        ...meeting,
        followUps: meeting.followUps.map((followUp) =>
          followUp.followUpId === event.data.followUpId ? { ...followUp, done: true } : followUp,
        ),
      };
    }
    case 'LiaisonMeetingCancelled':
      return { ...existing(state, event), status: 'CANCELLED' };
    default: {
      const unknown: never = event;
      throw new Error(`unknown liaison-meeting event ${(unknown as { type: string }).type}`);
    }
  }
};
