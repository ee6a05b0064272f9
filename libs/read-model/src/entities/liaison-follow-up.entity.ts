import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per follow-up, keyed within its meeting like concerns. */
@Entity({ name: 'liaison_follow_ups' })
export class LiaisonFollowUpEntity {
  @PrimaryColumn({ name: 'meeting_id', type: 'varchar' })
  meetingId!: string;

  @PrimaryColumn({ type: 'varchar' })
  id!: string;

  @Column({ name: 'concern_id', type: 'varchar' })
  concernId!: string;

  @Column({ name: 'assignee_id', type: 'varchar' })
  assigneeId!: string;

  /** `YYYY-MM-DD`. */
  @Column({ name: 'due_date', type: 'varchar' })
  dueDate!: string;

  /** 0 or 1, as `sensitive` on concerns. */
  @Column({ type: 'integer' })
  done!: number;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'completed_at', type: 'varchar', nullable: true })
  completedAt!: string | null;

  /** The stream revision that assigned it, to list follow-ups in the order they were assigned. */
  @Column({ name: 'assigned_version', type: 'integer' })
  assignedVersion!: number;
}
