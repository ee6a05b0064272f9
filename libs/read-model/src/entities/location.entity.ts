import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * `adm1_pcode`…`adm3_pcode` hold the location's ancestors and, at its own level, itself (DOMAIN.md:
 * any picture query can be asked at any admin level), so "everything in X" is one indexed equality.
 */
@Entity({ name: 'locations' })
@Index('ix_locations_level', ['level'])
export class LocationEntity {
  @PrimaryColumn({ type: 'varchar' })
  pcode!: string;

  @Column({ type: 'varchar' })
  name!: string;

  @Column({ type: 'integer' })
  level!: number;

  @Index('ix_locations_parent')
  @Column({ name: 'parent_pcode', type: 'varchar', nullable: true })
  parentPcode!: string | null;

  @Index('ix_locations_adm1')
  @Column({ name: 'adm1_pcode', type: 'varchar', nullable: true })
  adm1Pcode!: string | null;

  @Index('ix_locations_adm2')
  @Column({ name: 'adm2_pcode', type: 'varchar', nullable: true })
  adm2Pcode!: string | null;

  @Index('ix_locations_adm3')
  @Column({ name: 'adm3_pcode', type: 'varchar', nullable: true })
  adm3Pcode!: string | null;

  @Column({ type: 'double precision', nullable: true })
  latitude!: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude!: number | null;

  /** `YYYY-MM-DD`. */
  @Column({ name: 'valid_from', type: 'varchar', nullable: true })
  validFrom!: string | null;
}
