import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One row per session of a committee, cancelled ones included. */
@Entity({ name: 'committee_sessions' })
@Index('ix_committee_sessions_committee', ['committeeId', 'startsAt'])
export class CommitteeSessionEntity {
  /** The session id (a uuid made when it was scheduled). */
  @PrimaryColumn({ type: 'varchar' })
  id!: string;

  @Column({ name: 'committee_id', type: 'varchar' })
  committeeId!: string;

  /** ISO-8601 UTC with milliseconds: text compares in time order on both engines. */
  @Column({ name: 'starts_at', type: 'varchar' })
  startsAt!: string;

  @Column({ name: 'ends_at', type: 'varchar' })
  endsAt!: string;

  @Column({ type: 'varchar' })
  venue!: string;

  /** JSON array of agenda items. */
  @Column({ type: 'text' })
  agenda!: string;

  @Column({ type: 'varchar' })
  status!: string;

  /** JSON array of the attending organisations' ids, as last recorded. */
  @Column({ name: 'attendee_ids', type: 'text' })
  attendeeIds!: string;

  @Column({ name: 'cancellation_reason', type: 'text', nullable: true })
  cancellationReason!: string | null;

  @Column({ name: 'scheduled_at', type: 'varchar' })
  scheduledAt!: string;
}
