import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One row per action of a plan, keyed within its plan so that one stream's events never touch
 * another's rows. A removed action's row is deleted; the history keeps it.
 */
@Entity({ name: 'plan_actions' })
@Index('ix_plan_actions_due', ['dueDate', 'status'])
export class PlanActionEntity {
  @PrimaryColumn({ name: 'plan_id', type: 'varchar' })
  planId!: string;

  @PrimaryColumn({ type: 'varchar' })
  id!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ name: 'responsible_id', type: 'varchar' })
  responsibleId!: string;

  @Column({ type: 'varchar' })
  sector!: string;

  @Index('ix_plan_actions_location')
  @Column({ name: 'location_pcode', type: 'varchar' })
  locationPcode!: string;

  /** `YYYY-MM-DD`. */
  @Column({ name: 'start_date', type: 'varchar' })
  startDate!: string;

  @Column({ name: 'due_date', type: 'varchar' })
  dueDate!: string;

  @Column({ type: 'varchar' })
  status!: string;

  /** The indicator's columns are all null when the action has none. */
  @Column({ name: 'indicator_name', type: 'varchar', nullable: true })
  indicatorName!: string | null;

  @Column({ name: 'indicator_unit', type: 'varchar', nullable: true })
  indicatorUnit!: string | null;

  @Column({ name: 'indicator_baseline', type: 'double precision', nullable: true })
  indicatorBaseline!: number | null;

  @Column({ name: 'indicator_target', type: 'double precision', nullable: true })
  indicatorTarget!: number | null;

  @Column({ name: 'indicator_actual', type: 'double precision', nullable: true })
  indicatorActual!: number | null;

  @Index('ix_plan_actions_decision')
  @Column({ name: 'source_decision_id', type: 'varchar', nullable: true })
  sourceDecisionId!: string | null;

  /** The note of the last progress report. */
  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'progress_reported_at', type: 'varchar', nullable: true })
  progressReportedAt!: string | null;

  /** The stream revision that added it: the order actions were added in. */
  @Column({ name: 'added_version', type: 'integer' })
  addedVersion!: number;
}
