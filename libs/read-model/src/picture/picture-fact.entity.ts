import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One row per version of a record of the picture (a delivery, an operational presence, an agreed
 * action): its dimensions and measures while that version stood, from `valid_from` to `valid_to`
 * (the `occurredAt` of the events that opened and closed it; null while it stands). The picture as
 * of an instant t is the rows with `valid_from <= t < valid_to`; the current picture is `valid_to IS NULL`.
 * Nothing here is ever deleted: a record that leaves the picture (a presence withdrawn, an action
 * cancelled) closes its last version and opens none.
 */
@Entity({ name: 'picture_facts' })
// The gazetteer arriving after records at or below a place refreshes their ancestors by P-code.
@Index('ix_picture_facts_location', ['locationPcode'])
// Area filters name the whole chain of ancestors (adm0 = country, adm1 = region, …), so one index
// serves a filter at any level. Closing a version changes none of these columns: the index is only
// ever inserted into, which keeps the projection's writes cheap.
@Index('ix_picture_facts_area', ['adm0Pcode', 'adm1Pcode', 'adm2Pcode', 'adm3Pcode'])
export class PictureFactEntity {
  /** The stream the record lives in: its versions are looked up by stream, the key's prefix. */
  @PrimaryColumn({ name: 'stream_id', type: 'varchar' })
  streamId!: string;

  /** The stream id, or the action id within an action plan's stream. */
  @PrimaryColumn({ name: 'record_id', type: 'varchar' })
  recordId!: string;

  /** Stream revision of the event that opened this version. */
  @PrimaryColumn({ type: 'integer' })
  seq!: number;

  /** `DELIVERY`, `PRESENCE` or `ACTION`. */
  @Column({ type: 'varchar' })
  kind!: string;

  /** The delivering agency, the present organisation, the organisation responsible for the action. */
  @Column({ name: 'organization_id', type: 'varchar' })
  organizationId!: string;

  /** A delivery's implementing partner: an organisation filter matches it too. */
  @Column({ name: 'partner_id', type: 'varchar', nullable: true })
  partnerId!: string | null;

  /** Null for a presence whose 3W file names no sector. */
  @Column({ type: 'varchar', nullable: true })
  sector!: string | null;

  /** The P-code as recorded, known to the gazetteer or not. */
  @Column({ name: 'location_pcode', type: 'varchar' })
  locationPcode!: string;

  @Column({ name: 'adm0_pcode', type: 'varchar', nullable: true })
  adm0Pcode!: string | null;

  @Column({ name: 'adm1_pcode', type: 'varchar', nullable: true })
  adm1Pcode!: string | null;

  @Column({ name: 'adm2_pcode', type: 'varchar', nullable: true })
  adm2Pcode!: string | null;

  @Column({ name: 'adm3_pcode', type: 'varchar', nullable: true })
  adm3Pcode!: string | null;

  /** The record's dates, `YYYY-MM-DD`: a delivery's planned date (both), a presence's period, an action's start and due dates. Null: open-ended. */
  @Column({ name: 'date_start', type: 'varchar', nullable: true })
  dateStart!: string | null;

  @Column({ name: 'date_end', type: 'varchar', nullable: true })
  dateEnd!: string | null;

  /** `YYYY-MM` of `date_start`. */
  @Column({ type: 'varchar', nullable: true })
  month!: string | null;

  /** A delivery's status; null for presences and actions. */
  @Column({ type: 'varchar', nullable: true })
  status!: string | null;

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

  /** ISO-8601 UTC instants: text compares in time order on both engines. */
  @Column({ name: 'valid_from', type: 'varchar' })
  validFrom!: string;

  @Column({ name: 'valid_to', type: 'varchar', nullable: true })
  validTo!: string | null;

  @Column({ name: 'opened_position', type: 'varchar' })
  openedPosition!: string;

  @Column({ name: 'closed_position', type: 'varchar', nullable: true })
  closedPosition!: string | null;
}
