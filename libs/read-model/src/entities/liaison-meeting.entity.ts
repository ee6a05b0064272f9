import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One row per liaison-meeting stream. Filtering by an admin code at any level joins `locations`
 * (whose rows carry their ancestors), so nothing here needs refreshing when the gazetteer changes.
 */
@Entity({ name: 'liaison_meetings' })
@Index('ix_liaison_meetings_order', ['startsAt', 'id'])
export class LiaisonMeetingEntity {
  /** The stream id. */
  @PrimaryColumn({ type: 'varchar' })
  id!: string;

  @Column({ name: 'host_id', type: 'varchar' })
  hostId!: string;

  @Column({ type: 'varchar' })
  title!: string;

  @Index('ix_liaison_meetings_location')
  @Column({ name: 'location_pcode', type: 'varchar' })
  locationPcode!: string;

  /** ISO-8601 UTC with milliseconds: text compares in time order on both engines. */
  @Column({ name: 'starts_at', type: 'varchar' })
  startsAt!: string;

  @Column({ type: 'varchar' })
  status!: string;

  /** JSON array of `{ name, group }`, as text: portable, and never queried inside. */
  @Column({ type: 'text' })
  stakeholders!: string;

  @Column({ name: 'attendance_women', type: 'integer', nullable: true })
  attendanceWomen!: number | null;

  @Column({ name: 'attendance_men', type: 'integer', nullable: true })
  attendanceMen!: number | null;

  @Column({ name: 'attendance_youth', type: 'integer', nullable: true })
  attendanceYouth!: number | null;

  @Column({ name: 'cancellation_reason', type: 'text', nullable: true })
  cancellationReason!: string | null;

  /** Stream revision of the last applied event; an event at or below it is a redelivery. */
  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'varchar' })
  position!: string;

  /** `occurredAt` of the last applied event, never the wall clock, so a rebuild reproduces it. */
  @Column({ name: 'updated_at', type: 'varchar' })
  updatedAt!: string;
}
