import type { CommitteeEvent, EventEnvelope, SessionScheduled } from '@coord/contracts';
import type { EntityManager } from 'typeorm';
import { CommitteeEntity } from '../entities/committee.entity';
import { SessionCalendarEntity } from '../entities/session-calendar.entity';
import type { Projection } from '../projection/projection';

const CALENDAR_EVENT_TYPES = ['SessionScheduled', 'SessionRescheduled', 'SessionCancelled', 'SessionConcluded'] as const;
type CalendarEvent = Extract<CommitteeEvent, { type: (typeof CALENDAR_EVENT_TYPES)[number] }>;

/**
 * The calendar of member organisations that the double-booking check reads: a row per session and
 * member of its committee. Members come from the committees table, so the committees projection
 * runs first in a batch. Each row keeps the stream revision that last changed it, and an older
 * event never changes it again; a cancelled session stays as a marked row for the same reason.
 */
export class SessionCalendarProjection implements Projection {
  readonly name = 'session-calendar';
  readonly version = 1;
  readonly handles = CALENDAR_EVENT_TYPES;
  readonly tables = ['session_calendar'];

  async apply(envelope: EventEnvelope, manager: EntityManager): Promise<void> {
    const event = { type: envelope.type, data: envelope.data } as CalendarEvent;
    switch (event.type) {
      case 'SessionScheduled':
        return this.book(envelope, event.data, manager);
      case 'SessionRescheduled':
        return this.change(envelope, event.data.sessionId, { startsAt: event.data.startsAt, endsAt: event.data.endsAt }, manager);
      case 'SessionCancelled':
        return this.change(envelope, event.data.sessionId, { status: 'CANCELLED' }, manager);
      case 'SessionConcluded':
        return this.change(envelope, event.data.sessionId, { status: 'CONCLUDED' }, manager);
      default: {
        const unhandled: never = event;
        throw new Error(`session-calendar projection cannot apply ${(unhandled as { type: string }).type}`);
      }
    }
  }

  private async book(envelope: EventEnvelope, data: SessionScheduled['data'], manager: EntityManager): Promise<void> {
    const committee = await manager.getRepository(CommitteeEntity).findOne({ where: { id: envelope.streamId }, select: { memberIds: true } });
    if (!committee) return;
    const memberIds = JSON.parse(committee.memberIds) as string[];
    // A session is scheduled once: a row that exists was booked by this very event, maybe moved since.
    await manager
      .createQueryBuilder()
      .insert()
      .into(SessionCalendarEntity)
      .values(
        memberIds.map((organizationId) => ({
          sessionId: data.sessionId,
          organizationId,
          committeeId: envelope.streamId,
          startsAt: data.startsAt,
          endsAt: data.endsAt,
          status: 'SCHEDULED',
          version: envelope.streamVersion,
        })),
      )
      .orIgnore()
      .execute();
  }

  private async change(
    envelope: EventEnvelope,
    sessionId: string,
    change: Partial<Pick<SessionCalendarEntity, 'startsAt' | 'endsAt' | 'status'>>,
    manager: EntityManager,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(SessionCalendarEntity)
      .set({ ...change, version: envelope.streamVersion })
      .where('session_id = :sessionId AND version < :version', { sessionId, version: envelope.streamVersion })
      .execute();
  }
}
