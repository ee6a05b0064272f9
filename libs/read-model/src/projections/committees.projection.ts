import { COMMITTEE_EVENT_TYPES, type CommitteeEvent, type EventEnvelope } from '@coord/contracts';
import type { EntityManager } from 'typeorm';
import { CommitteeSessionEntity } from '../entities/committee-session.entity';
import { CommitteeEntity } from '../entities/committee.entity';
import { SessionDecisionEntity } from '../entities/session-decision.entity';
import type { Projection } from '../projection/projection';

/**
 * Committees with their sessions, attendance and decisions. One stream feeds all three tables, so
 * the committee row's version guards them together: an event at or below it was applied already.
 * Planning streams are short and few, so applying event by event costs nothing worth batching.
 */
export class CommitteesProjection implements Projection {
  readonly name = 'committees';
  readonly version = 1;
  readonly handles = COMMITTEE_EVENT_TYPES;
  readonly tables = ['committees', 'committee_sessions', 'session_decisions'];

  async apply(envelope: EventEnvelope, manager: EntityManager): Promise<void> {
    const event = { type: envelope.type, data: envelope.data } as CommitteeEvent;
    const committees = manager.getRepository(CommitteeEntity);
    const committee = await committees.findOne({ where: { id: envelope.streamId }, select: { id: true, version: true } });
    const stamp = { version: envelope.streamVersion, position: envelope.position, updatedAt: envelope.occurredAt };
    if (event.type === 'CommitteeFormed') {
      if (committee) return;
      const { data } = event;
      await committees.insert({
        id: envelope.streamId,
        name: data.name,
        chairId: data.chairId,
        memberIds: JSON.stringify(data.memberIds),
        adminCode: data.adminCode,
        formedAt: data.formedAt,
        ...stamp,
      });
      return;
    }
    if (!committee || envelope.streamVersion <= committee.version) return;
    await this.applyToSession(event, envelope, manager);
    await committees.update({ id: envelope.streamId }, stamp);
  }

  private async applyToSession(
    event: Exclude<CommitteeEvent, { type: 'CommitteeFormed' }>,
    envelope: EventEnvelope,
    manager: EntityManager,
  ): Promise<void> {
    const sessions = manager.getRepository(CommitteeSessionEntity);
    const where = { id: event.data.sessionId };
    switch (event.type) {
      case 'SessionScheduled':
        await sessions.insert({
          id: event.data.sessionId,
          committeeId: envelope.streamId,
          startsAt: event.data.startsAt,
          endsAt: event.data.endsAt,
          venue: event.data.venue,
          agenda: JSON.stringify(event.data.agenda),
          status: 'SCHEDULED',
          attendeeIds: '[]',
          cancellationReason: null,
          scheduledAt: event.data.scheduledAt,
        });
        return;
      case 'SessionRescheduled':
        await sessions.update(where, { startsAt: event.data.startsAt, endsAt: event.data.endsAt });
        return;
      case 'SessionCancelled':
        await sessions.update(where, { status: 'CANCELLED', cancellationReason: event.data.reason });
        return;
      case 'AttendanceRecorded':
        await sessions.update(where, { attendeeIds: JSON.stringify(event.data.organizationIds) });
        return;
      case 'SessionConcluded':
        await sessions.update(where, { status: 'CONCLUDED' });
        return;
      case 'DecisionRecorded': {
        const { actionItem } = event.data;
        await manager.getRepository(SessionDecisionEntity).insert({
          id: event.data.decisionId,
          committeeId: envelope.streamId,
          sessionId: event.data.sessionId,
          text: event.data.text,
          actionDescription: actionItem?.description ?? null,
          actionResponsibleId: actionItem?.responsibleId ?? null,
          actionDueDate: actionItem?.dueDate ?? null,
          actionSector: actionItem?.sector ?? null,
          actionAdminCode: actionItem?.adminCode ?? null,
          recordedAt: event.data.recordedAt,
          version: envelope.streamVersion,
        });
        return;
      }
      default: {
        const unhandled: never = event;
        throw new Error(`committees projection cannot apply ${(unhandled as { type: string }).type}`);
      }
    }
  }
}
