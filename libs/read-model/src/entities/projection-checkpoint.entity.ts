import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Written in the same transaction as the projection's rows, so rows and checkpoint never disagree. */
@Entity({ name: 'projection_checkpoints' })
export class ProjectionCheckpointEntity {
  @PrimaryColumn({ type: 'varchar' })
  name!: string;

  @Column({ type: 'integer' })
  version!: number;

  /** `"<major>:<minor>"`; null before the first event. */
  @Column({ type: 'varchar', nullable: true })
  position!: string | null;

  @Column({ name: 'updated_at', type: 'varchar' })
  updatedAt!: string;
}
