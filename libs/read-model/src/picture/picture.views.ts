import type { DeliveryStatus, Sector, Severity } from '@coord/contracts';
import type { DeliveryFilter } from '../queries/read-model.views';

export const PICTURE_DIMENSIONS = ['ORGANIZATION', 'SECTOR', 'ADM1', 'ADM2', 'ADM3', 'MONTH', 'STATUS'] as const;
export type PictureDimension = (typeof PICTURE_DIMENSIONS)[number];

/**
 * PictureFilter of the schema, as for deliveries. `from`/`to` bound the record's dates (a
 * delivery's planned date; the period of a presence or an action overlaps them); `status` lists
 * delivery statuses, so it narrows the picture to deliveries.
 */
export type PictureFilter = DeliveryFilter;

/** One row of the who-what-where: the dimensions asked for (others null) and the sums. */
export interface PictureRowView {
  readonly organizationId: string | null;
  readonly sector: Sector | null;
  /** Grouping by an admin level also groups by the levels above it (an area has one parent). */
  readonly countryPcode: string | null;
  readonly adm1Pcode: string | null;
  readonly adm2Pcode: string | null;
  readonly adm3Pcode: string | null;
  /** The area at the finest admin level asked for. */
  readonly locationPcode: string | null;
  readonly month: string | null;
  readonly status: DeliveryStatus | null;
  readonly deliveries: number;
  readonly targeted: number;
  readonly reached: number;
  readonly actionsInProgress: number;
  readonly presences: number;
  readonly actions: number;
}

/** Where the rows of a who-what-where come from, and the SQL that gets them. */
export interface PictureStatement {
  readonly sql: string;
  readonly parameters: readonly unknown[];
  /** `facts`, or `rollup:<grain>`. */
  readonly source: string;
  readonly dimensions: readonly PictureDimension[];
}

export interface GapView {
  readonly locationPcode: string;
  readonly sector: Sector;
  readonly concerns: number;
  readonly highestSeverity: Severity;
  /** When the earliest of these concerns was raised. */
  readonly since: string;
}

export interface OverlapView {
  /** The district (adm2) the deliveries go to, or their destination when it is coarser or unknown. */
  readonly locationPcode: string;
  readonly sector: Sector;
  /** The period: a calendar month, `YYYY-MM`. */
  readonly month: string;
  readonly organizationIds: readonly string[];
  readonly deliveries: number;
  /** The earliest and latest planned dates of those deliveries. */
  readonly from: string;
  readonly to: string;
}

/** A cell of the current picture that a batch changed, with the areas it lies in (for subscribers' filters). */
export interface PictureChange {
  readonly row: PictureRowView;
  readonly areas: readonly string[];
}
