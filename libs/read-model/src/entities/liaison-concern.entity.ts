import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row per concern, keyed within its meeting so that one stream's events never touch another's
 * rows. The host is copied in: who may read a sensitive text depends on it.
 */
@Entity({ name: 'liaison_concerns' })
export class LiaisonConcernEntity {
  @PrimaryColumn({ name: 'meeting_id', type: 'varchar' })
  meetingId!: string;

  @PrimaryColumn({ type: 'varchar' })
  id!: string;

  @Column({ name: 'host_id', type: 'varchar' })
  hostId!: string;

  @Column({ type: 'varchar' })
  sector!: string;

  @Column({ type: 'varchar' })
  severity!: string;

  @Column({ name: 'location_pcode', type: 'varchar' })
  locationPcode!: string;

  /** Stored whole; redaction happens per reader on the way out. */
  @Column({ type: 'text' })
  text!: string;

  /** 0 or 1: an integer binds and reads back the same on both engines. */
  @Column({ type: 'integer' })
  sensitive!: number;

  @Column({ name: 'raised_at', type: 'varchar' })
  raisedAt!: string;

  /** The stream revision that raised it: the order concerns were heard in, even within one instant. */
  @Column({ name: 'raised_version', type: 'integer' })
  raisedVersion!: number;
}
