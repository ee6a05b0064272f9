/** The dimension columns of the picture, as `picture_facts` and `picture_rollups` name them. */
export const DIMENSION_COLUMNS = [
  'organization_id',
  'sector',
  'adm0_pcode',
  'adm1_pcode',
  'adm2_pcode',
  'adm3_pcode',
  'month',
  'status',
] as const;
export type DimensionColumn = (typeof DIMENSION_COLUMNS)[number];

export interface PictureGrain {
  readonly name: string;
  readonly columns: readonly DimensionColumn[];
}

/**
 * The grains the current picture is summed at, smallest first; a query reads the first that keeps
 * every dimension it groups or filters by. `regions` is a country's 3W (who × what × region),
 * `matrix` goes down to districts, `timeline` adds month and status at region level, `cell` keeps
 * everything.
 */
export const PICTURE_GRAINS: readonly PictureGrain[] = [
  { name: 'regions', columns: ['organization_id', 'sector', 'adm0_pcode', 'adm1_pcode'] },
  { name: 'matrix', columns: ['organization_id', 'sector', 'adm0_pcode', 'adm1_pcode', 'adm2_pcode'] },
  { name: 'timeline', columns: ['organization_id', 'sector', 'adm0_pcode', 'adm1_pcode', 'month', 'status'] },
  { name: 'cell', columns: DIMENSION_COLUMNS },
];

export const CELL_GRAIN = PICTURE_GRAINS[PICTURE_GRAINS.length - 1];

export const grainFor = (needed: ReadonlySet<DimensionColumn>): PictureGrain | undefined =>
  PICTURE_GRAINS.find((grain) => [...needed].every((column) => grain.columns.includes(column)));
