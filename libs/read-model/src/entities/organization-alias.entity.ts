import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The spellings besides name and acronym that lead an import to an organisation (reference data). */
@Entity({ name: 'organization_aliases' })
export class OrganizationAliasEntity {
  @PrimaryColumn({ name: 'organization_id', type: 'varchar' })
  organizationId!: string;

  /** The alias as compared: see `normalizeOrganizationName`. */
  @Index('ix_organization_aliases_normalized')
  @PrimaryColumn({ type: 'varchar' })
  normalized!: string;

  @Column({ type: 'varchar' })
  alias!: string;

  @Column({ type: 'varchar' })
  source!: string;
}
