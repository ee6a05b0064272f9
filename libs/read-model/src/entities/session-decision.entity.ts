import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One row per decision, with its action item flattened in (all null when it has none). */
@Entity({ name: 'session_decisions' })
@Index('ix_session_decisions_session', ['sessionId', 'version'])
export class SessionDecisionEntity {
  /** The decision id (a uuid made when it was recorded). */
  @PrimaryColumn({ type: 'varchar' })
  id!: string;

  @Column({ name: 'committee_id', type: 'varchar' })
  committeeId!: string;

  @Column({ name: 'session_id', type: 'varchar' })
  sessionId!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ name: 'action_description', type: 'text', nullable: true })
  actionDescription!: string | null;

  @Index('ix_session_decisions_responsible')
  @Column({ name: 'action_responsible_id', type: 'varchar', nullable: true })
  actionResponsibleId!: string | null;

  /** `YYYY-MM-DD`. */
  @Column({ name: 'action_due_date', type: 'varchar', nullable: true })
  actionDueDate!: string | null;

  @Column({ name: 'action_sector', type: 'varchar', nullable: true })
  actionSector!: string | null;

  @Column({ name: 'action_admin_code', type: 'varchar', nullable: true })
  actionAdminCode!: string | null;

  @Column({ name: 'recorded_at', type: 'varchar' })
  recordedAt!: string;

  /** Revision of the committee stream that recorded it: the order decisions were taken in. */
  @Column({ type: 'integer' })
  version!: number;
}
