import type { Sector, SessionStatus } from '@coord/contracts';
import { DataSource, In } from 'typeorm';
import { CommitteeSessionEntity } from '../entities/committee-session.entity';
import { CommitteeEntity } from '../entities/committee.entity';
import { SessionCalendarEntity } from '../entities/session-calendar.entity';
import { SessionDecisionEntity } from '../entities/session-decision.entity';
import type { BookedSessionView, CommitteeView, DecisionView, SessionView } from './planning.views';

const committeeView = (row: CommitteeEntity): CommitteeView => ({
  id: row.id,
  name: row.name,
  chairId: row.chairId,
  memberIds: JSON.parse(row.memberIds) as string[],
  adminCode: row.adminCode,
  formedAt: row.formedAt,
  version: row.version,
  position: row.position,
  updatedAt: row.updatedAt,
});

const sessionView = (row: CommitteeSessionEntity): SessionView => ({
  id: row.id,
  committeeId: row.committeeId,
  startsAt: row.startsAt,
  endsAt: row.endsAt,
  venue: row.venue,
  agenda: JSON.parse(row.agenda) as string[],
  status: row.status as SessionStatus,
  attendeeIds: JSON.parse(row.attendeeIds) as string[],
  cancellationReason: row.cancellationReason,
  scheduledAt: row.scheduledAt,
});

const decisionView = (row: SessionDecisionEntity): DecisionView => ({
  id: row.id,
  committeeId: row.committeeId,
  sessionId: row.sessionId,
  text: row.text,
  // The projection writes the action columns together, so a description means a whole item.
  actionItem:
    row.actionDescription === null
      ? null
      : {
          description: row.actionDescription,
          responsibleId: row.actionResponsibleId as string,
          dueDate: row.actionDueDate as string,
          sector: row.actionSector as Sector | null,
          adminCode: row.actionAdminCode,
        },
  recordedAt: row.recordedAt,
});

/** The joint-planning queries; like every read-side query they read only the read model. */
export class PlanningQueries {
  constructor(private readonly dataSource: DataSource) {}

  async committee(id: string): Promise<CommitteeView | null> {
    const row = await this.dataSource.getRepository(CommitteeEntity).findOneBy({ id });
    return row ? committeeView(row) : null;
  }

  async committees(): Promise<CommitteeView[]> {
    const rows = await this.dataSource.getRepository(CommitteeEntity).find({ order: { name: 'ASC', id: 'ASC' } });
    return rows.map(committeeView);
  }

  /** Sessions of the committees, cancelled ones included, earliest first; for DataLoader batches. */
  async sessionsByCommitteeIds(committeeIds: readonly string[]): Promise<SessionView[]> {
    if (committeeIds.length === 0) return [];
    const rows = await this.dataSource.getRepository(CommitteeSessionEntity).find({
      where: { committeeId: In([...new Set(committeeIds)]) },
      order: { startsAt: 'ASC', id: 'ASC' },
    });
    return rows.map(sessionView);
  }

  /** Decisions of the sessions, in the order they were taken; for DataLoader batches. */
  async decisionsBySessionIds(sessionIds: readonly string[]): Promise<DecisionView[]> {
    if (sessionIds.length === 0) return [];
    const rows = await this.dataSource.getRepository(SessionDecisionEntity).find({
      where: { sessionId: In([...new Set(sessionIds)]) },
      order: { version: 'ASC' },
    });
    return rows.map(decisionView);
  }

  /**
   * Sessions of committees other than `exceptCommitteeId` that are not cancelled and overlap
   * [startsAt, endsAt), with the members each books: what the double-booking check weighs.
   */
  async sessionsBookedDuring(startsAt: Date, endsAt: Date, exceptCommitteeId: string): Promise<BookedSessionView[]> {
    const rows = await this.dataSource
      .getRepository(SessionCalendarEntity)
      .createQueryBuilder('c')
      .where('c.startsAt < :endsAt AND c.endsAt > :startsAt', { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() })
      .andWhere('c.status <> :cancelled', { cancelled: 'CANCELLED' })
      .andWhere('c.committeeId <> :exceptCommitteeId', { exceptCommitteeId })
      .orderBy('c.startsAt', 'ASC')
      .addOrderBy('c.sessionId', 'ASC')
      .addOrderBy('c.organizationId', 'ASC')
      .getMany();
    const sessions = new Map<string, BookedSessionView & { memberIds: string[] }>();
    for (const row of rows) {
      const session = sessions.get(row.sessionId);
      if (session) session.memberIds.push(row.organizationId);
      else {
        sessions.set(row.sessionId, {
          committeeId: row.committeeId,
          sessionId: row.sessionId,
          startsAt: row.startsAt,
          endsAt: row.endsAt,
          memberIds: [row.organizationId],
        });
      }
    }
    return [...sessions.values()];
  }
}
