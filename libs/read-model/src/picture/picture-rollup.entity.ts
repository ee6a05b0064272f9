import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The current picture summed at a few grains (see `PICTURE_GRAINS`), kept up to date by the picture
 * projection: the 3W matrix over a million deliveries then reads a few thousand rows instead of
 * grouping a million. Dimensions a grain does not keep, and unknown ones, are '' rather than NULL,
 * so that the key is a plain equality for `ON CONFLICT` on both engines.
 */
@Entity({ name: 'picture_rollups' })
@Index('ix_picture_rollups_area', ['grain', 'adm0Pcode', 'adm1Pcode', 'adm2Pcode', 'adm3Pcode'])
// A cell whose last record left is deleted after each batch; this index finds those at once.
@Index('ix_picture_rollups_empty', ['grain'], { where: '"records" = 0' })
export class PictureRollupEntity {
  @PrimaryColumn({ type: 'varchar' })
  grain!: string;

  @PrimaryColumn({ name: 'organization_id', type: 'varchar' })
  organizationId!: string;

  @PrimaryColumn({ type: 'varchar' })
  sector!: string;

  @PrimaryColumn({ name: 'adm0_pcode', type: 'varchar' })
  adm0Pcode!: string;

  @PrimaryColumn({ name: 'adm1_pcode', type: 'varchar' })
  adm1Pcode!: string;

  @PrimaryColumn({ name: 'adm2_pcode', type: 'varchar' })
  adm2Pcode!: string;

  @PrimaryColumn({ name: 'adm3_pcode', type: 'varchar' })
  adm3Pcode!: string;

  @PrimaryColumn({ type: 'varchar' })
  month!: string;

  @PrimaryColumn({ type: 'varchar' })
  status!: string;

  /** Current fact rows summed into the cell. */
  @Column({ type: 'integer' })
  records!: number;

  @Column({ type: 'integer' })
  deliveries!: number;

  @Column({ type: 'integer' })
  presences!: number;

  @Column({ type: 'integer' })
  actions!: number;

  @Column({ name: 'actions_in_progress', type: 'integer' })
  actionsInProgress!: number;

  @Column({ type: 'integer' })
  targeted!: number;

  @Column({ type: 'integer' })
  reached!: number;
}
