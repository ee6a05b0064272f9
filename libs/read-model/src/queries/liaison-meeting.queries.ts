import type { MeetingStatus, Sector, Severity, Stakeholder } from '@coord/contracts';
import { badInput } from '@coord/kernel';
import { DataSource, In } from 'typeorm';
import { LiaisonConcernEntity } from '../entities/liaison-concern.entity';
import { LiaisonFollowUpEntity } from '../entities/liaison-follow-up.entity';
import { LiaisonMeetingEntity } from '../entities/liaison-meeting.entity';
import { LocationEntity } from '../entities/location.entity';
import type { ConcernView, FollowUpView, LiaisonMeetingFilter, LiaisonMeetingView } from './liaison-meeting.views';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const checkedDate = (field: 'from' | 'to', value: string | null | undefined): string | null => {
  if (value == null) return null;
  // Date.parse rolls 30 February over to March, so the date must read back as given.
  const parsed = new Date(`${value}T00:00:00.000Z`);
  if (!ISO_DATE.test(value) || Number.isNaN(parsed.getTime()) || !parsed.toISOString().startsWith(value)) {
    throw badInput(field, `${field} must be a date YYYY-MM-DD`);
  }
  return value;
};

const nextDay = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

const followUpView = (row: LiaisonFollowUpEntity): FollowUpView => ({
  id: row.id,
  meetingId: row.meetingId,
  concernId: row.concernId,
  assigneeId: row.assigneeId,
  dueDate: row.dueDate,
  done: Number(row.done) === 1,
  note: row.note,
  completedAt: row.completedAt,
});

const concernView = (row: LiaisonConcernEntity, followUps: readonly FollowUpView[]): ConcernView => ({
  id: row.id,
  meetingId: row.meetingId,
  hostId: row.hostId,
  sector: row.sector as Sector,
  severity: row.severity as Severity,
  locationPcode: row.locationPcode,
  text: row.text,
  sensitive: Number(row.sensitive) === 1,
  raisedAt: row.raisedAt,
  followUps: followUps.filter((followUp) => followUp.concernId === row.id),
});

const meetingView = (row: LiaisonMeetingEntity, concerns: readonly ConcernView[]): LiaisonMeetingView => ({
  id: row.id,
  hostId: row.hostId,
  title: row.title,
  locationPcode: row.locationPcode,
  startsAt: row.startsAt,
  status: row.status as MeetingStatus,
  stakeholders: JSON.parse(row.stakeholders) as Stakeholder[],
  attendanceWomen: row.attendanceWomen,
  attendanceMen: row.attendanceMen,
  attendanceYouth: row.attendanceYouth,
  cancellationReason: row.cancellationReason,
  concerns: concerns.filter((concern) => concern.meetingId === row.id),
  version: row.version,
  position: row.position,
  updatedAt: row.updatedAt,
});

/**
 * The read side of liaison meetings. A meeting comes whole, with its concerns (in the order they
 * were raised) and their follow-ups (in the order assigned): two more queries per call, never per meeting.
 */
export class LiaisonMeetingQueries {
  constructor(private readonly dataSource: DataSource) {}

  async meetingById(id: string): Promise<LiaisonMeetingView | null> {
    const row = await this.dataSource.getRepository(LiaisonMeetingEntity).findOneBy({ id });
    if (!row) return null;
    const [meeting] = await this.withConcerns([row]);
    return meeting;
  }

  /** Ordered by start, then id. */
  async meetings(filter: LiaisonMeetingFilter = {}): Promise<LiaisonMeetingView[]> {
    const from = checkedDate('from', filter.from);
    const to = checkedDate('to', filter.to);
    if (from && to && from > to) throw badInput('to', 'to must not be before from');
    const query = this.dataSource.getRepository(LiaisonMeetingEntity).createQueryBuilder('m');
    if (filter.adminCode != null) {
      // The place itself, every place whose ancestors include it, and for a country (level 0, the
      // parent of regions) every place in its regions.
      query.andWhere(
        '(m.locationPcode = :adminCode OR m.locationPcode IN (SELECT l.pcode FROM locations l WHERE ' +
          'l.adm1_pcode = :adminCode OR l.adm2_pcode = :adminCode OR l.adm3_pcode = :adminCode OR ' +
          'l.adm1_pcode IN (SELECT r.pcode FROM locations r WHERE r.parent_pcode = :adminCode AND r.level = 1)))',
        { adminCode: filter.adminCode },
      );
    }
    // Text comparison of UTC ISO instants against dates: '2026-03-02' sorts before every instant of that day.
    if (from) query.andWhere('m.startsAt >= :from', { from });
    if (to) query.andWhere('m.startsAt < :before', { before: nextDay(to) });
    const rows = await query.orderBy('m.startsAt', 'ASC').addOrderBy('m.id', 'ASC').getMany();
    return this.withConcerns(rows);
  }

  async concern(meetingId: string, concernId: string): Promise<ConcernView | null> {
    const row = await this.dataSource.getRepository(LiaisonConcernEntity).findOneBy({ meetingId, id: concernId });
    if (!row) return null;
    const followUps = await this.dataSource
      .getRepository(LiaisonFollowUpEntity)
      .find({ where: { meetingId, concernId }, order: { assignedVersion: 'ASC' } });
    return concernView(row, followUps.map(followUpView));
  }

  /**
   * The P-code and every P-code above it in the gazetteer, nearest first (empty when unknown):
   * what an area filter at any admin level matches.
   */
  async placesContaining(pcode: string): Promise<string[]> {
    const repository = this.dataSource.getRepository(LocationEntity);
    const places: string[] = [];
    let current = await repository.findOneBy({ pcode });
    // Admin levels run 0–3, so a chain longer than that is a cycle in bad data, not a deeper place.
    while (current && places.length <= 4 && !places.includes(current.pcode)) {
      places.push(current.pcode);
      current = current.parentPcode ? await repository.findOneBy({ pcode: current.parentPcode }) : null;
    }
    return places;
  }

  private async withConcerns(rows: readonly LiaisonMeetingEntity[]): Promise<LiaisonMeetingView[]> {
    if (rows.length === 0) return [];
    const meetingIds = rows.map((row) => row.id);
    const [concerns, followUps] = await Promise.all([
      this.dataSource
        .getRepository(LiaisonConcernEntity)
        .find({ where: { meetingId: In(meetingIds) }, order: { raisedVersion: 'ASC' } }),
      this.dataSource
        .getRepository(LiaisonFollowUpEntity)
        .find({ where: { meetingId: In(meetingIds) }, order: { assignedVersion: 'ASC' } }),
    ]);
    const followUpViews = followUps.map(followUpView);
    const concernViews = concerns.map((row) => concernView(row, followUpViews.filter((followUp) => followUp.meetingId === row.meetingId)));
    return rows.map((row) => meetingView(row, concernViews));
  }
}
