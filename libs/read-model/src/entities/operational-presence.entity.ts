import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One row per presence stream (DOMAIN.md "Operational presence"). The location's ancestors are
 * copied in, as for deliveries, so a presence in an adm2 counts in its adm1 by an indexed equality;
 * a P-code the gazetteer does not know is filed under the parent its source gave.
 */
@Entity({ name: 'operational_presences' })
export class OperationalPresenceEntity {
  /** The stream id. */
  @PrimaryColumn({ type: 'varchar' })
  id!: string;

  @Index('ix_operational_presences_organization')
  @Column({ name: 'organization_id', type: 'varchar' })
  organizationId!: string;

  @Column({ name: 'organization_label', type: 'varchar' })
  organizationLabel!: string;

  @Column({ type: 'varchar' })
  role!: string;

  @Index('ix_operational_presences_sector')
  @Column({ type: 'varchar', nullable: true })
  sector!: string | null;

  @Column({ name: 'sector_label', type: 'varchar', nullable: true })
  sectorLabel!: string | null;

  @Column({ name: 'location_pcode', type: 'varchar' })
  locationPcode!: string;

  @Column({ name: 'location_level', type: 'integer' })
  locationLevel!: number;

  /** 1 when the gazetteer did not know the P-code (an older boundary version), else 0. */
  @Column({ name: 'location_unknown', type: 'integer' })
  locationUnknown!: number;

  @Index('ix_operational_presences_adm1')
  @Column({ name: 'adm1_pcode', type: 'varchar', nullable: true })
  adm1Pcode!: string | null;

  @Index('ix_operational_presences_adm2')
  @Column({ name: 'adm2_pcode', type: 'varchar', nullable: true })
  adm2Pcode!: string | null;

  @Index('ix_operational_presences_adm3')
  @Column({ name: 'adm3_pcode', type: 'varchar', nullable: true })
  adm3Pcode!: string | null;

  @Column({ name: 'boundary_version', type: 'varchar', nullable: true })
  boundaryVersion!: string | null;

  @Column({ type: 'text', nullable: true })
  activity!: string | null;

  @Column({ name: 'period_start', type: 'varchar', nullable: true })
  periodStart!: string | null;

  @Column({ name: 'period_end', type: 'varchar', nullable: true })
  periodEnd!: string | null;

  @Column({ type: 'integer', nullable: true })
  targeted!: number | null;

  @Column({ type: 'integer', nullable: true })
  reached!: number | null;

  /** `ACTIVE` or `WITHDRAWN`. */
  @Column({ type: 'varchar' })
  status!: string;

  @Index('ix_operational_presences_import')
  @Column({ name: 'import_id', type: 'varchar', nullable: true })
  importId!: string | null;

  @Column({ name: 'source_file', type: 'varchar', nullable: true })
  sourceFile!: string | null;

  @Column({ name: 'source_row', type: 'integer', nullable: true })
  sourceRow!: number | null;

  /** Stream revision of the last applied event; an event at or below it is a redelivery. */
  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'varchar' })
  position!: string;

  /** `occurredAt` of the last applied event. */
  @Column({ name: 'updated_at', type: 'varchar' })
  updatedAt!: string;
}
