import {
  ACTION_PLAN_EVENT_TYPES,
  AID_DELIVERY_EVENT_TYPES,
  OPERATIONAL_PRESENCE_EVENT_TYPES,
  SEVERITIES,
  type DeliveryStatus,
  type EventEnvelope,
  type Sector,
  type Severity,
} from '@coord/contracts';
import { badInput } from '@coord/kernel';
import type { DataSource, EntityManager } from 'typeorm';
import { quoteIdentifier, selectWhereIn } from '../projection/batch-sql';
import { areasOfPlace, Place, placesByPcode } from './picture-ancestors';
import { MEASURES, type PictureFactRow } from './picture-fact';
import { CELL_GRAIN, DIMENSION_COLUMNS, DimensionColumn, grainFor } from './picture-grains';
import { isPostgres, SqlParameters, toInt } from './picture-sql';
import {
  PICTURE_DIMENSIONS,
  type GapView,
  type OverlapView,
  type PictureChange,
  type PictureDimension,
  type PictureFilter,
  type PictureRowView,
  type PictureStatement,
} from './picture.views';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const RECORD_EVENT_TYPES = new Set<string>([...AID_DELIVERY_EVENT_TYPES, ...OPERATIONAL_PRESENCE_EVENT_TYPES, ...ACTION_PLAN_EVENT_TYPES]);
const ADM_COLUMNS = ['adm0_pcode', 'adm1_pcode', 'adm2_pcode', 'adm3_pcode'] as const;
const ADM_LEVELS: Partial<Record<PictureDimension, number>> = { ADM1: 1, ADM2: 2, ADM3: 3 };
/** Deliveries that did not or will not happen cover no need and overlap with nobody. */
const NOT_HAPPENING = ['CANCELLED', 'FAILED'];

const checkedDate = (field: string, value: string | null | undefined): string | null => {
  if (value == null) return null;
  // Date.parse rolls 30 February over to March, so the date must read back as given.
  const parsed = new Date(`${value}T00:00:00.000Z`);
  if (!ISO_DATE.test(value) || Number.isNaN(parsed.getTime()) || !parsed.toISOString().startsWith(value)) {
    throw badInput(field, `${field} must be a date YYYY-MM-DD`);
  }
  return value;
};

const checkedWindow = (from: string | null | undefined, to: string | null | undefined, prefix = '') => {
  const window = { from: checkedDate(`${prefix}from`, from), to: checkedDate(`${prefix}to`, to) };
  if (window.from && window.to && window.from > window.to) throw badInput(`${prefix}to`, 'to must not be before from');
  return window;
};

const checkedInstant = (asOf: Date | string | null | undefined): string | null => {
  if (asOf == null) return null;
  const instant = asOf instanceof Date ? asOf : new Date(asOf);
  if (Number.isNaN(instant.getTime())) throw badInput('asOf', 'asOf must be an ISO-8601 instant');
  return instant.toISOString();
};

const nextDay = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The columns a grouping selects: an admin level brings the levels above it along. */
const groupColumns = (dimensions: readonly PictureDimension[]): DimensionColumn[] => {
  const finest = Math.max(-1, ...dimensions.map((dimension) => ADM_LEVELS[dimension] ?? -1));
  const wanted = new Set<DimensionColumn>();
  if (dimensions.includes('ORGANIZATION')) wanted.add('organization_id');
  if (dimensions.includes('SECTOR')) wanted.add('sector');
  for (let level = 0; level <= finest; level += 1) wanted.add(ADM_COLUMNS[level]);
  if (dimensions.includes('MONTH')) wanted.add('month');
  if (dimensions.includes('STATUS')) wanted.add('status');
  return DIMENSION_COLUMNS.filter((column) => wanted.has(column));
};

const blankToNull = (value: unknown): string | null => (value === null || value === undefined || value === '' ? null : String(value));

const rowView = (row: Record<string, unknown>, dimensions: readonly PictureDimension[]): PictureRowView => {
  const finest = Math.max(0, ...dimensions.map((dimension) => ADM_LEVELS[dimension] ?? 0));
  const adm = ADM_COLUMNS.map((column) => blankToNull(row[column]));
  return {
    organizationId: blankToNull(row.organization_id),
    sector: blankToNull(row.sector) as Sector | null,
    countryPcode: adm[0],
    adm1Pcode: adm[1],
    adm2Pcode: adm[2],
    adm3Pcode: adm[3],
    locationPcode: finest > 0 ? adm[finest] : null,
    month: blankToNull(row.month),
    status: blankToNull(row.status) as DeliveryStatus | null,
    deliveries: toInt(row.deliveries),
    targeted: toInt(row.targeted),
    reached: toInt(row.reached),
    actionsInProgress: toInt(row.actions_in_progress),
    presences: toInt(row.presences),
    actions: toInt(row.actions),
  };
};

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const SORT_KEYS = ['organizationId', 'sector', 'countryPcode', 'adm1Pcode', 'adm2Pcode', 'adm3Pcode', 'month', 'status'] as const;

/** Unknowns first, then code-unit order: the same on both engines, whatever their collation. */
const compareRows = (a: PictureRowView, b: PictureRowView): number => {
  for (const key of SORT_KEYS) {
    const [x, y] = [a[key], b[key]];
    if (x === y) continue;
    if (x === null) return -1;
    if (y === null) return 1;
    return compareText(x, y);
  }
  return 0;
};

/**
 * The shared picture's queries (DOMAIN.md "The shared picture"), from `picture_facts`,
 * `picture_rollups`, `liaison_concerns` and `locations` only, never the log.
 */
export class PictureQueries {
  constructor(private readonly dataSource: DataSource) {}

  private get manager(): EntityManager {
    return this.dataSource.manager;
  }

  async whoWhatWhere(
    filter: PictureFilter,
    groupBy: readonly PictureDimension[],
    asOf?: Date | string | null,
  ): Promise<PictureRowView[]> {
    const statement = await this.whoWhatWhereStatement(filter, groupBy, asOf);
    const rows: Record<string, unknown>[] = await this.dataSource.query(statement.sql, [...statement.parameters]);
    return rows.map((row) => rowView(row, statement.dimensions)).sort(compareRows);
  }

  /**
   * The SQL of a who-what-where. The current picture without date or organisation filters is read
   * from the smallest rollup that keeps every dimension grouped or filtered by; anything else (as
   * of an instant, dates, an organisation that may be the implementing partner, a P-code the
   * gazetteer does not know) is grouped from the facts.
   */
  async whoWhatWhereStatement(
    filter: PictureFilter,
    groupBy: readonly PictureDimension[],
    asOf?: Date | string | null,
  ): Promise<PictureStatement> {
    const unknown = groupBy.find((dimension) => !PICTURE_DIMENSIONS.includes(dimension));
    if (unknown) throw badInput('groupBy', `unknown dimension ${String(unknown)}`);
    const dimensions = PICTURE_DIMENSIONS.filter((dimension) => groupBy.includes(dimension));
    const { from, to } = checkedWindow(filter.from, filter.to, 'filter.');
    const instant = checkedInstant(asOf);
    const place = filter.adminCode != null ? (await placesByPcode(this.manager, [filter.adminCode])).get(filter.adminCode) : undefined;
    const area = place && place.level >= 0 && place.level <= 3 ? place : undefined;
    const statuses = filter.status && filter.status.length > 0 ? [...filter.status] : null;

    const columns = groupColumns(dimensions);
    const needed = new Set<DimensionColumn>(columns);
    if (filter.sector != null) needed.add('sector');
    if (statuses) needed.add('status');
    for (let level = 0; area && level <= area.level; level += 1) {
      if (area[ADM_COLUMNS[level]] !== null) needed.add(ADM_COLUMNS[level]);
    }
    const rollupAllowed = instant === null && from === null && to === null && filter.organizationId == null && (filter.adminCode == null || area);
    const grain = rollupAllowed ? grainFor(needed) : undefined;

    const parameters = new SqlParameters(isPostgres(this.manager));
    const where: string[] = [];
    if (grain) where.push(`"grain" = ${parameters.add(grain.name)}`);
    else if (instant) where.push(`"valid_from" <= ${parameters.add(instant)} AND ("valid_to" IS NULL OR "valid_to" > ${parameters.add(instant)})`);
    else where.push('"valid_to" IS NULL');
    if (filter.adminCode != null) {
      if (area) {
        // The whole chain of ancestors, so that the area index is used from its first column.
        for (let level = 0; level <= area.level; level += 1) {
          const code = level === area.level ? filter.adminCode : area[ADM_COLUMNS[level]];
          if (code !== null) where.push(`"${ADM_COLUMNS[level]}" = ${parameters.add(code)}`);
        }
      } else {
        where.push(`"location_pcode" = ${parameters.add(filter.adminCode)}`);
      }
    }
    if (filter.sector != null) where.push(`"sector" = ${parameters.add(filter.sector)}`);
    if (statuses) where.push(`"status" IN (${parameters.list(statuses)})`);
    if (filter.organizationId != null) {
      where.push(`("organization_id" = ${parameters.add(filter.organizationId)} OR "partner_id" = ${parameters.add(filter.organizationId)})`);
    }
    if (from) where.push(`("date_end" IS NULL OR "date_end" >= ${parameters.add(from)})`);
    if (to) where.push(`("date_start" IS NULL OR "date_start" <= ${parameters.add(to)})`);

    const records = grain ? 'SUM("records")' : 'COUNT(*)';
    const select = [
      ...columns.map(quoteIdentifier),
      `${records} AS "records"`,
      ...MEASURES.map((measure) => `SUM(${quoteIdentifier(measure)}) AS ${quoteIdentifier(measure)}`),
    ];
    const sql =
      `SELECT ${select.join(', ')} FROM ${grain ? '"picture_rollups"' : '"picture_facts"'} WHERE ${where.join(' AND ')}` +
      (columns.length > 0 ? ` GROUP BY ${columns.map(quoteIdentifier).join(', ')}` : '') +
      ` HAVING ${records} > 0`;
    return { sql, parameters: parameters.values, source: grain ? `rollup:${grain.name}` : 'facts', dimensions };
  }

  /**
   * Needs without a response (DOMAIN.md "Gaps"): concerns raised within the window about a place
   * and sector where no delivery (neither cancelled nor failed), presence or agreed action of that
   * sector falls within the window at the same place, below it, or in an admin area above it (a
   * district-wide presence covers its communes). Per place and sector; a concern's text never
   * leaves the database here.
   */
  async gaps(adminCode?: string | null, fromDate?: string | null, toDate?: string | null): Promise<GapView[]> {
    const { from, to } = checkedWindow(fromDate, toDate);
    const parameters = new SqlParameters(isPostgres(this.manager));
    const where: string[] = [];
    if (adminCode != null) {
      const place = (await placesByPcode(this.manager, [adminCode])).get(adminCode);
      if (place && place.level >= 1 && place.level <= 3) where.push(`lc."adm${place.level}_pcode" = ${parameters.add(adminCode)}`);
      else if (place?.level === 0) where.push(`(CASE WHEN lc."level" = 0 THEN lc."pcode" ELSE lr."parent_pcode" END) = ${parameters.add(adminCode)}`);
      else where.push(`c."location_pcode" = ${parameters.add(adminCode)}`);
    }
    if (from) where.push(`c."raised_at" >= ${parameters.add(from)}`);
    if (to) where.push(`c."raised_at" < ${parameters.add(nextDay(to))}`);
    const response = (placeMatch: string) =>
      `EXISTS (SELECT 1 FROM "picture_facts" f WHERE ${placeMatch} AND f."valid_to" IS NULL AND f."sector" = c."sector" ` +
      `AND (f."status" IS NULL OR f."status" NOT IN (${parameters.list(NOT_HAPPENING)}))` +
      (from ? ` AND (f."date_end" IS NULL OR f."date_end" >= ${parameters.add(from)})` : '') +
      (to ? ` AND (f."date_start" IS NULL OR f."date_start" <= ${parameters.add(to)})` : '') +
      ')';
    const covered = [
      // At the place or in an area above it: one index look-up per P-code.
      response('f."location_pcode" IN (c."location_pcode", lc."adm1_pcode", lc."adm2_pcode", lc."adm3_pcode")'),
      // Below it: its records carry it among their ancestors.
      ...[1, 2, 3].map((level) => `(lc."level" = ${level} AND ${response(`f."adm${level}_pcode" = c."location_pcode"`)})`),
    ];
    const rows: { location_pcode: string; sector: Sector; severity: Severity; raised_at: string }[] = await this.dataSource.query(
      'SELECT c."location_pcode", c."sector", c."severity", c."raised_at" FROM "liaison_concerns" c ' +
        'LEFT JOIN "locations" lc ON lc."pcode" = c."location_pcode" LEFT JOIN "locations" lr ON lr."pcode" = lc."adm1_pcode" ' +
        `WHERE ${[...where, `NOT (${covered.join(' OR ')})`].join(' AND ')}`,
      parameters.values,
    );
    const gaps = new Map<string, { locationPcode: string; sector: Sector; concerns: number; highestSeverity: Severity; since: string }>();
    for (const row of rows) {
      const key = `${row.location_pcode}\u0000${row.sector}`;
      const gap = gaps.get(key);
      if (!gap) {
        gaps.set(key, { locationPcode: row.location_pcode, sector: row.sector, concerns: 1, highestSeverity: row.severity, since: row.raised_at });
        continue;
      }
      gap.concerns += 1;
      if (SEVERITIES.indexOf(row.severity) > SEVERITIES.indexOf(gap.highestSeverity)) gap.highestSeverity = row.severity;
      if (row.raised_at < gap.since) gap.since = row.raised_at;
    }
    // Most severe first, then the oldest.
    return [...gaps.values()].sort(
      (a, b) =>
        SEVERITIES.indexOf(b.highestSeverity) - SEVERITIES.indexOf(a.highestSeverity) ||
        compareText(a.since, b.since) ||
        compareText(a.locationPcode, b.locationPcode) ||
        compareText(a.sector, b.sector),
    );
  }

  /**
   * Two or more organisations delivering (neither cancelled nor failed) in the same sector, area
   * and month (DOMAIN.md "Overlaps"); the area is the district (adm2), or the destination when it is
   * coarser or unknown to the gazetteer. Deliveries planned within the window, under `adminCode`.
   */
  async overlaps(adminCode?: string | null, fromDate?: string | null, toDate?: string | null): Promise<OverlapView[]> {
    const { from, to } = checkedWindow(fromDate, toDate);
    const parameters = new SqlParameters(isPostgres(this.manager));
    const where = [`"valid_to" IS NULL`, `"kind" = 'DELIVERY'`, `"status" NOT IN (${parameters.list(NOT_HAPPENING)})`];
    if (adminCode != null) {
      const place = (await placesByPcode(this.manager, [adminCode])).get(adminCode);
      if (place && place.level >= 0 && place.level <= 3) where.push(`"${ADM_COLUMNS[place.level]}" = ${parameters.add(adminCode)}`);
      else where.push(`"location_pcode" = ${parameters.add(adminCode)}`);
    }
    if (from) where.push(`"date_start" >= ${parameters.add(from)}`);
    if (to) where.push(`"date_start" <= ${parameters.add(to)}`);
    const area = 'COALESCE("adm2_pcode", "location_pcode")';
    const rows: { area: string; sector: Sector; month: string; organization_id: string; deliveries: unknown; first: string; last: string }[] =
      await this.dataSource.query(
        `SELECT ${area} AS "area", "sector", "month", "organization_id", COUNT(*) AS "deliveries", MIN("date_start") AS "first", MAX("date_end") AS "last" ` +
          `FROM "picture_facts" WHERE ${where.join(' AND ')} GROUP BY ${area}, "sector", "month", "organization_id"`,
        parameters.values,
      );
    const groups = new Map<string, OverlapView & { organizationIds: string[] }>();
    for (const row of rows) {
      const key = `${row.area}\u0000${row.sector}\u0000${row.month}`;
      const group = groups.get(key) ?? { locationPcode: row.area, sector: row.sector, month: row.month, organizationIds: [], deliveries: 0, from: row.first, to: row.last };
      groups.set(key, {
        ...group,
        organizationIds: [...group.organizationIds, row.organization_id],
        deliveries: group.deliveries + toInt(row.deliveries),
        from: row.first < group.from ? row.first : group.from,
        to: row.last > group.to ? row.last : group.to,
      });
    }
    const key = (overlap: OverlapView) => `${overlap.month}\u0000${overlap.locationPcode}\u0000${overlap.sector}`;
    return [...groups.values()]
      .filter((group) => group.organizationIds.length >= 2)
      .map((group) => ({ ...group, organizationIds: [...group.organizationIds].sort() }))
      .sort((a, b) => compareText(key(a), key(b)));
  }

  /**
   * The cells of the current picture (at the finest grain) that these applied events changed, as
   * they now stand — with zeros where the last record left — for the `pictureChanged` subscription.
   */
  async changesFrom(applied: readonly EventEnvelope[]): Promise<PictureChange[]> {
    // A gazetteer's thousands of places change no cell worth a look-up (a late one moves a few).
    const events = applied.filter((event) => RECORD_EVENT_TYPES.has(event.type));
    if (events.length === 0) return [];
    const positions = new Set(events.map((event) => event.position));
    const facts = (
      await selectWhereIn<PictureFactRow>(
        this.manager,
        `SELECT ${[...DIMENSION_COLUMNS, 'opened_position', 'closed_position'].map(quoteIdentifier).join(', ')} FROM "picture_facts" WHERE "stream_id" IN (?)`,
        [...new Set(events.map((event) => event.streamId))],
      )
    ).filter((fact) => positions.has(fact.opened_position) || (fact.closed_position !== null && positions.has(fact.closed_position)));
    const keys = new Map<string, string[]>();
    for (const fact of facts) {
      const key = DIMENSION_COLUMNS.map((column) => fact[column] ?? '');
      keys.set(key.join('\u0000'), key);
    }
    if (keys.size === 0) return [];
    const stored = new Map<string, Record<string, unknown>>();
    const all = [...keys.values()];
    for (let start = 0; start < all.length; start += 500) {
      const parameters = new SqlParameters(isPostgres(this.manager));
      // Placeholders are taken in the order they appear: `?` on SQLite is positional.
      const grain = parameters.add(CELL_GRAIN.name);
      const values = all.slice(start, start + 500).map((key) => `(${parameters.list(key)})`).join(', ');
      const rows: Record<string, unknown>[] = await this.dataSource.query(
        `SELECT * FROM "picture_rollups" WHERE "grain" = ${grain} ` +
          `AND (${DIMENSION_COLUMNS.map(quoteIdentifier).join(', ')}) IN (VALUES ${values})`,
        parameters.values,
      );
      for (const row of rows) stored.set(DIMENSION_COLUMNS.map((column) => String(row[column])).join('\u0000'), row);
    }
    const finestAdm: PictureDimension[] = ['ADM1', 'ADM2', 'ADM3'];
    return [...keys.entries()].map(([id, key]) => {
      const cell = stored.get(id) ?? Object.fromEntries(DIMENSION_COLUMNS.map((column, index) => [column, key[index]]));
      const view = rowView(cell, ['ORGANIZATION', 'SECTOR', ...finestAdm, 'MONTH', 'STATUS']);
      const adm = [view.adm3Pcode, view.adm2Pcode, view.adm1Pcode, view.countryPcode];
      const areas = adm.filter((pcode): pcode is string => pcode !== null);
      return { row: { ...view, locationPcode: areas[0] ?? null }, areas };
    });
  }

  /** Each known P-code with every area above it, nearest first; unknown ones are left out. */
  async areasOf(pcodes: readonly string[]): Promise<Map<string, string[]>> {
    const places: Map<string, Place> = await placesByPcode(this.manager, [...new Set(pcodes)]);
    return new Map([...places].map(([pcode, place]) => [pcode, areasOfPlace(pcode, place)]));
  }
}
