import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What the picture projection must remember of presences and action plans between batches beyond
 * their open fact: a withdrawn presence, a plan's status, an action not yet agreed. A delivery needs
 * none: its open fact holds all it is.
 */
@Entity({ name: 'picture_records' })
export class PictureRecordEntity {
  @PrimaryColumn({ name: 'stream_id', type: 'varchar' })
  streamId!: string;

  /** The stream id for the stream's own record (a presence, a plan), the action id for an action. */
  @PrimaryColumn({ name: 'record_id', type: 'varchar' })
  recordId!: string;

  /** On the stream's own record: the revision of the last event applied, below which events are redeliveries. */
  @Column({ type: 'integer' })
  version!: number;

  /** On the stream's own record: the latest `occurredAt` applied, so that versions never open in the past. */
  @Column({ name: 'occurred_at', type: 'varchar' })
  occurredAt!: string;

  /** JSON of the record's state (`PictureRecordState`). */
  @Column({ type: 'text' })
  state!: string;
}
