import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One row per action-plan stream; its version guards the plan's actions against redelivery too. */
@Entity({ name: 'action_plans' })
@Index('ix_action_plans_order', ['periodStart', 'id'])
export class ActionPlanEntity {
  /** The stream id `ActionPlan-<uuid>`. */
  @PrimaryColumn({ type: 'varchar' })
  id!: string;

  @Column({ type: 'varchar' })
  title!: string;

  @Column({ name: 'lead_id', type: 'varchar' })
  leadId!: string;

  @Column({ name: 'counterpart_id', type: 'varchar' })
  counterpartId!: string;

  @Column({ name: 'admin_code', type: 'varchar', nullable: true })
  adminCode!: string | null;

  /** `YYYY-MM-DD`. */
  @Column({ name: 'period_start', type: 'varchar' })
  periodStart!: string;

  @Column({ name: 'period_end', type: 'varchar' })
  periodEnd!: string;

  @Index('ix_action_plans_status')
  @Column({ type: 'varchar' })
  status!: string;

  @Column({ name: 'committee_id', type: 'varchar', nullable: true })
  committeeId!: string | null;

  /** JSON array of `{ authorId, text, at, verdict }`, in the order given: portable, never queried inside. */
  @Column({ name: 'review_comments', type: 'text' })
  reviewComments!: string;

  /** The last submission. */
  @Column({ name: 'submitted_at', type: 'varchar', nullable: true })
  submittedAt!: string | null;

  @Column({ name: 'approved_at', type: 'varchar', nullable: true })
  approvedAt!: string | null;

  @Column({ name: 'closed_at', type: 'varchar', nullable: true })
  closedAt!: string | null;

  /** Stream revision of the last applied event; an event at or below it is a redelivery. */
  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'varchar' })
  position!: string;

  /** `occurredAt` of the last applied event, never the wall clock, so a rebuild reproduces it. */
  @Column({ name: 'updated_at', type: 'varchar' })
  updatedAt!: string;
}
