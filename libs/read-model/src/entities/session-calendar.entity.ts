import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Who is booked when: one row per (session, member organisation of its committee). The
 * double-booking check asks it for sessions of other committees overlapping a slot; a member's
 * calendar is one indexed range.
 */
@Entity({ name: 'session_calendar' })
@Index('ix_session_calendar_time', ['startsAt', 'endsAt'])
@Index('ix_session_calendar_organization', ['organizationId', 'startsAt'])
export class SessionCalendarEntity {
  @PrimaryColumn({ name: 'session_id', type: 'varchar' })
  sessionId!: string;

  @PrimaryColumn({ name: 'organization_id', type: 'varchar' })
  organizationId!: string;

  @Column({ name: 'committee_id', type: 'varchar' })
  committeeId!: string;

  /** ISO-8601 UTC with milliseconds: text compares in time order on both engines. */
  @Column({ name: 'starts_at', type: 'varchar' })
  startsAt!: string;

  @Column({ name: 'ends_at', type: 'varchar' })
  endsAt!: string;

  /** A cancelled session stays, marked, so that a redelivered older event cannot revive it. */
  @Column({ type: 'varchar' })
  status!: string;

  /** Stream revision of the last event applied to the session's rows. */
  @Column({ type: 'integer' })
  version!: number;
}
