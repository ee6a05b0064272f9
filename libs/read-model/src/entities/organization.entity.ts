import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'organizations' })
export class OrganizationEntity {
  @PrimaryColumn({ type: 'varchar' })
  id!: string;

  @Column({ type: 'varchar' })
  name!: string;

  @Column({ type: 'varchar', nullable: true })
  acronym!: string | null;

  @Column({ type: 'varchar' })
  kind!: string;

  /** ISO-8601 UTC, kept as text so that SQLite and PostgreSQL answer the same string. */
  @Column({ name: 'registered_at', type: 'varchar' })
  registeredAt!: string;
}
