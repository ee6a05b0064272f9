import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Every event of every stream, keyed by (stream, revision) so that a redelivered event is a no-op. */
@Entity({ name: 'history' })
export class HistoryEntryEntity {
  @PrimaryColumn({ name: 'stream_id', type: 'varchar' })
  streamId!: string;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @Column({ type: 'varchar' })
  position!: string;

  @Column({ type: 'varchar' })
  type!: string;

  @Column({ name: 'occurred_at', type: 'varchar' })
  occurredAt!: string;

  @Column({ name: 'actor_user_id', type: 'varchar' })
  actorUserId!: string;

  @Column({ name: 'actor_organization_id', type: 'varchar' })
  actorOrganizationId!: string;

  @Column({ name: 'command_id', type: 'varchar', nullable: true })
  commandId!: string | null;

  /** The event's data as JSON text, exactly what the history query hands out. */
  @Column({ type: 'text' })
  data!: string;
}
