/** What a record counts for in the picture while one of its versions stands (a `picture_facts` row without its validity). */
export interface FactFigures {
  readonly kind: 'DELIVERY' | 'PRESENCE' | 'ACTION';
  readonly organization_id: string;
  readonly partner_id: string | null;
  /** Null for a presence whose source names no sector. */
  readonly sector: string | null;
  readonly location_pcode: string;
  readonly date_start: string | null;
  readonly date_end: string | null;
  readonly status: string | null;
  readonly deliveries: number;
  readonly presences: number;
  readonly actions: number;
  readonly actions_in_progress: number;
  readonly targeted: number;
  readonly reached: number;
}

/** A location's country and admin areas, itself included at its own level. */
export interface Ancestors {
  readonly adm0_pcode: string | null;
  readonly adm1_pcode: string | null;
  readonly adm2_pcode: string | null;
  readonly adm3_pcode: string | null;
}

export const NO_ANCESTORS: Ancestors = { adm0_pcode: null, adm1_pcode: null, adm2_pcode: null, adm3_pcode: null };

export interface PictureFactRow extends FactFigures, Ancestors {
  readonly stream_id: string;
  readonly record_id: string;
  readonly seq: number;
  readonly month: string | null;
  readonly valid_from: string;
  readonly valid_to: string | null;
  readonly opened_position: string;
  readonly closed_position: string | null;
}

export const MEASURES = ['deliveries', 'presences', 'actions', 'actions_in_progress', 'targeted', 'reached'] as const;
export type Measure = (typeof MEASURES)[number];

const FIGURE_COLUMNS = [
  'kind',
  'organization_id',
  'partner_id',
  'sector',
  'location_pcode',
  'date_start',
  'date_end',
  'status',
  ...MEASURES,
] as const satisfies readonly (keyof FactFigures)[];

export const FACT_COLUMNS = [
  'stream_id',
  'record_id',
  'seq',
  ...FIGURE_COLUMNS,
  'adm0_pcode',
  'adm1_pcode',
  'adm2_pcode',
  'adm3_pcode',
  'month',
  'valid_from',
  'valid_to',
  'opened_position',
  'closed_position',
] as const satisfies readonly (keyof PictureFactRow)[];

/**
 * Whether a new version would count exactly as the standing one: an event that changes nothing the
 * picture shows (a correction of the items, an amended action title) opens no version.
 */
export const sameFigures = (a: FactFigures, b: FactFigures): boolean =>
  FIGURE_COLUMNS.every((column) => a[column] === b[column]);

export const monthOf = (date: string | null): string | null => (date === null ? null : date.slice(0, 7));
