import { LIAISON_MEETING_EVENT_TYPES, type EventEnvelope, type LiaisonMeetingEvent } from '@coord/contracts';
import type { EntityManager } from 'typeorm';
import { selectWhereIn, upsertRows } from '../projection/batch-sql';
import type { Projection } from '../projection/projection';

export interface LiaisonMeetingRow {
  id: string;
  host_id: string;
  title: string;
  location_pcode: string;
  starts_at: string;
  status: string;
  stakeholders: string;
  attendance_women: number | null;
  attendance_men: number | null;
  attendance_youth: number | null;
  cancellation_reason: string | null;
  version: number;
  position: string;
  updated_at: string;
}

export interface LiaisonConcernRow {
  meeting_id: string;
  id: string;
  host_id: string;
  sector: string;
  severity: string;
  location_pcode: string;
  text: string;
  sensitive: number;
  raised_at: string;
  raised_version: number;
}

export interface LiaisonFollowUpRow {
  meeting_id: string;
  id: string;
  concern_id: string;
  assignee_id: string;
  due_date: string;
  done: number;
  note: string | null;
  completed_at: string | null;
  assigned_version: number;
}

const MEETINGS = {
  table: 'liaison_meetings',
  columns: [
    'id',
    'host_id',
    'title',
    'location_pcode',
    'starts_at',
    'status',
    'stakeholders',
    'attendance_women',
    'attendance_men',
    'attendance_youth',
    'cancellation_reason',
    'version',
    'position',
    'updated_at',
  ],
  key: ['id'],
  onConflict: 'update',
  // The stream revision guards the row: a redelivered event never takes it back to an older state.
  updateIf: '"liaison_meetings"."version" < excluded."version"',
} as const;

const CONCERNS = {
  table: 'liaison_concerns',
  columns: ['meeting_id', 'id', 'host_id', 'sector', 'severity', 'location_pcode', 'text', 'sensitive', 'raised_at', 'raised_version'],
  key: ['meeting_id', 'id'],
  // A concern never changes once raised.
  onConflict: 'ignore',
} as const;

const FOLLOW_UPS = {
  table: 'liaison_follow_ups',
  columns: ['meeting_id', 'id', 'concern_id', 'assignee_id', 'due_date', 'done', 'note', 'completed_at', 'assigned_version'],
  key: ['meeting_id', 'id'],
  onConflict: 'update',
} as const;

const key = (meetingId: string, id: string) => `${meetingId}|${id}`;

/**
 * Liaison meetings with their concerns and follow-ups (DOMAIN.md "Liaison meetings"). The meeting
 * row's version guards the whole stream: an event at or below it was applied, to all three tables,
 * in the same transaction.
 */
export class LiaisonMeetingsProjection implements Projection {
  readonly name = 'liaison-meetings';
  readonly version = 1;
  readonly handles = LIAISON_MEETING_EVENT_TYPES;
  readonly tables = [MEETINGS.table, CONCERNS.table, FOLLOW_UPS.table];

  apply(event: EventEnvelope, manager: EntityManager): Promise<void> {
    return this.applyBatch([event], manager);
  }

  async applyBatch(events: readonly EventEnvelope[], manager: EntityManager): Promise<void> {
    // A stream whose batch starts at its first event has no row yet, or one that `updateIf` keeps
    // (a redelivery): only the others need their current rows to fold onto.
    const continues = new Set<string>();
    const seen = new Set<string>();
    for (const event of events) {
      if (!seen.has(event.streamId) && event.streamVersion > 1) continues.add(event.streamId);
      seen.add(event.streamId);
    }
    const completing = new Set(events.filter((event) => event.type === 'FollowUpCompleted').map((event) => event.streamId));
    const storedMeetings = await selectWhereIn<LiaisonMeetingRow>(
      manager,
      'SELECT * FROM "liaison_meetings" WHERE "id" IN (?)',
      [...continues],
    );
    const storedFollowUps = await selectWhereIn<LiaisonFollowUpRow>(
      manager,
      'SELECT * FROM "liaison_follow_ups" WHERE "meeting_id" IN (?)',
      [...completing].filter((id) => continues.has(id)),
    );

    const meetings = new Map(storedMeetings.map((row) => [row.id, { ...row, version: Number(row.version) }]));
    const followUps = new Map(storedFollowUps.map((row) => [key(row.meeting_id, row.id), row]));
    const changedMeetings = new Set<string>();
    const raisedConcerns: LiaisonConcernRow[] = [];
    const changedFollowUps = new Set<string>();

    for (const envelope of events) {
      const meeting = meetings.get(envelope.streamId);
      if (meeting && envelope.streamVersion <= meeting.version) continue;
      const event = { type: envelope.type, data: envelope.data } as LiaisonMeetingEvent;
      const stamp = { version: envelope.streamVersion, position: envelope.position, updated_at: envelope.occurredAt };
      let next: LiaisonMeetingRow | undefined;
      if (event.type === 'LiaisonMeetingScheduled') {
        const { data } = event;
        next = {
          id: envelope.streamId,
          host_id: data.hostId,
          title: data.title,
          location_pcode: data.location,
          starts_at: data.startsAt,
          status: 'SCHEDULED',
          stakeholders: JSON.stringify(data.stakeholders),
          attendance_women: null,
          attendance_men: null,
          attendance_youth: null,
          cancellation_reason: null,
          ...stamp,
        };
      } else if (!meeting) {
        // Not scheduled (yet): not a meeting this projection can show.
        continue;
      } else {
        next = { ...meeting, ...stamp };
        switch (event.type) {
          case 'LiaisonMeetingHeld':
            next.status = 'HELD';
            next.attendance_women = event.data.attendanceWomen;
            next.attendance_men = event.data.attendanceMen;
            next.attendance_youth = event.data.attendanceYouth;
            break;
          case 'ConcernRaised': {
            const { data } = event;
            raisedConcerns.push({
              meeting_id: envelope.streamId,
              id: data.concernId,
              host_id: meeting.host_id,
              sector: data.sector,
              severity: data.severity,
              location_pcode: data.location,
              text: data.text,
              sensitive: data.sensitive ? 1 : 0,
              raised_at: data.raisedAt,
              raised_version: envelope.streamVersion,
            });
            break;
          }
          case 'FollowUpAssigned': {
            const { data } = event;
            const followUpKey = key(envelope.streamId, data.followUpId);
            followUps.set(followUpKey, {
              meeting_id: envelope.streamId,
              id: data.followUpId,
              concern_id: data.concernId,
              assignee_id: data.assigneeId,
              due_date: data.dueDate,
              done: 0,
              note: null,
              completed_at: null,
              assigned_version: envelope.streamVersion,
            });
            changedFollowUps.add(followUpKey);
            break;
          }
          case 'FollowUpCompleted': {
            const { data } = event;
            const followUpKey = key(envelope.streamId, data.followUpId);
            const followUp = followUps.get(followUpKey);
            if (!followUp) throw new Error(`FollowUpCompleted for unknown follow-up ${data.followUpId} of ${envelope.streamId}`);
            followUps.set(followUpKey, { ...followUp, done: 1, note: data.note, completed_at: data.completedAt });
            changedFollowUps.add(followUpKey);
            break;
          }
          case 'LiaisonMeetingCancelled':
            next.status = 'CANCELLED';
            next.cancellation_reason = event.data.reason;
            break;
          default: {
            const unhandled: never = event;
            throw new Error(`liaison-meetings projection cannot apply ${(unhandled as { type: string }).type}`);
          }
        }
      }
      meetings.set(envelope.streamId, next);
      changedMeetings.add(envelope.streamId);
    }

    await upsertRows(
      manager,
      MEETINGS,
      [...changedMeetings].map((id) => meetings.get(id) as LiaisonMeetingRow),
    );
    await upsertRows(manager, CONCERNS, raisedConcerns);
    await upsertRows(
      manager,
      FOLLOW_UPS,
      [...changedFollowUps].map((followUpKey) => followUps.get(followUpKey) as LiaisonFollowUpRow),
    );
  }
}
