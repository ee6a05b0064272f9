import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One row per committee stream; its version guards every planning table against redelivery. */
@Entity({ name: 'committees' })
export class CommitteeEntity {
  /** The stream id `Committee-<uuid>`. */
  @PrimaryColumn({ type: 'varchar' })
  id!: string;

  @Column({ type: 'varchar' })
  name!: string;

  @Index('ix_committees_chair')
  @Column({ name: 'chair_id', type: 'varchar' })
  chairId!: string;

  /** JSON array of organisation ids, the chair included: portable, and never queried inside. */
  @Column({ name: 'member_ids', type: 'text' })
  memberIds!: string;

  @Column({ name: 'admin_code', type: 'varchar', nullable: true })
  adminCode!: string | null;

  @Column({ name: 'formed_at', type: 'varchar' })
  formedAt!: string;

  /** Stream revision of the last applied event; an event at or below it is a redelivery. */
  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'varchar' })
  position!: string;

  /** `occurredAt` of the last applied event, never the wall clock, so a rebuild reproduces it. */
  @Column({ name: 'updated_at', type: 'varchar' })
  updatedAt!: string;
}
