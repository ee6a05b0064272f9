import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One row per delivery stream. The destination's ancestors are copied in so that filtering by an
 * admin code at any level stays an indexed equality; (planned_date, id) is the keyset order of the
 * paginated list.
 */
@Entity({ name: 'aid_deliveries' })
@Index('ix_aid_deliveries_order', ['plannedDate', 'id'])
export class AidDeliveryEntity {
  /** The stream id. */
  @PrimaryColumn({ type: 'varchar' })
  id!: string;

  @Index('ix_aid_deliveries_agency')
  @Column({ name: 'agency_id', type: 'varchar' })
  agencyId!: string;

  @Index('ix_aid_deliveries_partner')
  @Column({ name: 'implementing_partner_id', type: 'varchar', nullable: true })
  implementingPartnerId!: string | null;

  @Index('ix_aid_deliveries_sector')
  @Column({ type: 'varchar' })
  sector!: string;

  @Index('ix_aid_deliveries_destination')
  @Column({ name: 'destination_pcode', type: 'varchar' })
  destinationPcode!: string;

  @Index('ix_aid_deliveries_adm1')
  @Column({ name: 'adm1_pcode', type: 'varchar', nullable: true })
  adm1Pcode!: string | null;

  @Index('ix_aid_deliveries_adm2')
  @Column({ name: 'adm2_pcode', type: 'varchar', nullable: true })
  adm2Pcode!: string | null;

  @Index('ix_aid_deliveries_adm3')
  @Column({ name: 'adm3_pcode', type: 'varchar', nullable: true })
  adm3Pcode!: string | null;

  /** `YYYY-MM-DD`: text compares in calendar order on both engines. */
  @Column({ name: 'planned_date', type: 'varchar' })
  plannedDate!: string;

  @Index('ix_aid_deliveries_status')
  @Column({ type: 'varchar' })
  status!: string;

  @Column({ type: 'integer' })
  targeted!: number;

  @Column({ name: 'reached_women', type: 'integer', nullable: true })
  reachedWomen!: number | null;

  @Column({ name: 'reached_men', type: 'integer', nullable: true })
  reachedMen!: number | null;

  @Column({ name: 'reached_girls', type: 'integer', nullable: true })
  reachedGirls!: number | null;

  @Column({ name: 'reached_boys', type: 'integer', nullable: true })
  reachedBoys!: number | null;

  /** JSON array of `{ commodity, quantity, unit }`, as text: portable, and never queried inside. */
  @Column({ type: 'text' })
  items!: string;

  @Column({ name: 'delivered_items', type: 'text', nullable: true })
  deliveredItems!: string | null;

  @Column({ name: 'failure_reason', type: 'varchar', nullable: true })
  failureReason!: string | null;

  @Column({ name: 'confirmed_by', type: 'varchar', nullable: true })
  confirmedBy!: string | null;

  /** Stream revision of the last applied event; an event at or below it is a redelivery. */
  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'varchar' })
  position!: string;

  /** `occurredAt` of the last applied event, never the wall clock, so a rebuild reproduces it. */
  @Column({ name: 'updated_at', type: 'varchar' })
  updatedAt!: string;
}
