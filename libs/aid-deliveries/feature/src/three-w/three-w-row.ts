import { AID_DELIVERY_STREAM, PRESENCE_ROLES, SECTORS, type PresenceRole, type Sector } from '@coord/contracts';
import { Gazetteer } from './gazetteer';
import type { ImportFix } from './import-report';
import { sectorFor } from './sector-vocabulary';
import { normalizeHeader } from './three-w-header-names';
import { columnsFor, type NumberedRecord, type ThreeWColumn, type ThreeWField, type ThreeWLayout } from './three-w-layout';
import { readCount, readDate, type ReadValue } from './three-w-values';

/** An organisation as one row spells it: names and acronyms in every language the file gives. */
export interface OrganizationSpelling {
  readonly names: readonly string[];
  readonly acronyms: readonly string[];
  readonly type: string | null;
}

/** What one row says about one organisation's presence, after fixes; the organisation not yet matched. */
export interface PresenceDraft {
  readonly row: number;
  readonly organization: OrganizationSpelling;
  readonly role: PresenceRole;
  readonly sector: Sector | null;
  readonly sectorLabel: string | null;
  readonly location: string;
  readonly locationLevel: number;
  readonly parentLocation: string | null;
  readonly locationUnknown: boolean;
  readonly boundaryVersion: string | null;
  readonly activity: string | null;
  readonly periodStart: string | null;
  readonly periodEnd: string | null;
  readonly targeted: number | null;
  readonly reached: number | null;
}

export type RowOutcome =
  | { readonly kind: 'read'; readonly presences: readonly PresenceDraft[]; readonly fixes: readonly ImportFix[] }
  | { readonly kind: 'rejected'; readonly reason: string };

// Upper-case letters and digits: most P-codes start with a country code (ML0506), Tajikistan's are all digits.
const PCODE = /^[A-Z0-9]{2,20}$/;
const LEVELS = [1, 2, 3] as const;
type Level = (typeof LEVELS)[number];
const CODE_FIELD: Record<Level, ThreeWField> = { 1: 'adm1Code', 2: 'adm2Code', 3: 'adm3Code' };
const NAME_FIELD: Record<Level, ThreeWField> = { 1: 'adm1Name', 2: 'adm2Name', 3: 'adm3Name' };

class Rejected extends Error {}

interface Found {
  readonly column: ThreeWColumn;
  readonly value: string;
}

/** One row being read: its cells, trimmed once each, and the fixes made to them. */
class RowContext {
  readonly fixes: ImportFix[] = [];
  private readonly read = new Map<number, string>();

  constructor(
    readonly row: number,
    private readonly cells: readonly string[],
    private readonly layout: ThreeWLayout,
  ) {}

  cell(column: ThreeWColumn): string {
    const seen = this.read.get(column.index);
    if (seen !== undefined) return seen;
    const raw = this.cells[column.index] ?? '';
    const trimmed = raw.trim();
    if (trimmed !== raw && trimmed !== '') this.fix(column, raw, trimmed, 'trim');
    this.read.set(column.index, trimmed);
    return trimmed;
  }

  /** The value of the best column of `field` that has one (see `columnsFor`). */
  first(field: ThreeWField): Found | null {
    for (const column of columnsFor(this.layout, field)) {
      const value = this.cell(column);
      if (value !== '') return { column, value };
    }
    return null;
  }

  readWith<T>(field: ThreeWField, reader: (text: string) => ReadValue<T>): T | null {
    const found = this.first(field);
    if (!found) return null;
    const read = reader(found.value);
    if ('error' in read) throw new Rejected(`${found.column.tag}: ${read.error}`);
    if (read.rule) this.fix(found.column, found.value, String(read.value), read.rule);
    return read.value;
  }

  fix(column: ThreeWColumn, from: string, to: string, rule: string): void {
    this.fixes.push({ row: this.row, field: column.tag, from, to, rule });
  }
}

/**
 * Reads one data row of a 3W file into presences (one per organisation column group: a row may name
 * an implementing and a funding organisation), applying and recording every fix, or rejects it with
 * a reason. Nothing here is stored: organisations are matched and presences recorded afterwards.
 */
export class ThreeWRowReader {
  constructor(
    private readonly layout: ThreeWLayout,
    private readonly gazetteer: Gazetteer,
  ) {}

  read(record: NumberedRecord): RowOutcome {
    const context = new RowContext(record.line, record.cells, this.layout);
    try {
      return { kind: 'read', presences: this.readRow(context), fixes: context.fixes };
    } catch (error) {
      if (error instanceof Rejected) return { kind: 'rejected', reason: error.message };
      throw error;
    }
  }

  private readRow(context: RowContext): PresenceDraft[] {
    const recordId = context.first('recordId');
    if (recordId?.value.startsWith(`${AID_DELIVERY_STREAM}-`)) {
      throw new Rejected(`${recordId.value} is a delivery exported by the platform: deliveries are recorded through the API, not imported`);
    }
    const place = this.readPlace(context);
    const { sector, sectorLabel } = this.readSector(context);
    const periodStart = context.readWith('dateStart', readDate);
    const periodEnd = context.readWith('dateEnd', readDate);
    if (periodStart && periodEnd && periodEnd < periodStart) throw new Rejected(`the period ends (${periodEnd}) before it starts (${periodStart})`);
    const roleCell = context.first('role');
    const role = roleCell ? roleCell.value.toUpperCase() : null;
    if (roleCell && !PRESENCE_ROLES.includes(role as PresenceRole)) {
      throw new Rejected(`${roleCell.column.tag}: ${roleCell.value} is not a role (${PRESENCE_ROLES.join(', ')})`);
    }
    const figures = {
      activity: context.first('activity')?.value ?? null,
      targeted: context.readWith('targeted', readCount),
      reached: context.readWith('reached', readCount),
    };
    const organizations = this.readOrganizations(context);
    if (organizations.length === 0) throw new Rejected('no organisation: the #org cells are empty');
    return organizations.map(({ spelling, role: columnRole }) => ({
      row: context.row,
      organization: spelling,
      role: (role as PresenceRole | null) ?? columnRole ?? 'IMPLEMENTING',
      sector,
      sectorLabel,
      ...place,
      periodStart,
      periodEnd,
      ...figures,
    }));
  }

  /**
   * The most precise P-code of the row, checked against the gazetteer: a known code must lie in the
   * row's code one level up, unless that cell is plainly wrong (it holds the code itself, or a code
   * that is not of its level) while the row's name for it is the gazetteer's — then the gazetteer's
   * parent is taken and the fix reported. An unknown code is kept and flagged, under the row's parent.
   */
  private readPlace(context: RowContext) {
    const codes = new Map<Level, { column: ThreeWColumn; code: string }>();
    for (const level of LEVELS) {
      const found = context.first(CODE_FIELD[level]);
      if (!found) continue;
      let code = found.value.toUpperCase();
      if (code !== found.value) context.fix(found.column, found.value, code, 'upper-case');
      if (!PCODE.test(code)) throw new Rejected(`${found.column.tag}: ${found.value} is not a P-code`);
      const prefixed = this.gazetteer.get(code) ? undefined : this.gazetteer.withCountryPrefix(code);
      if (prefixed) {
        context.fix(found.column, code, prefixed, 'country-prefix');
        code = prefixed;
      }
      codes.set(level, { column: found.column, code });
    }
    const levels = [...codes.keys()].sort((a, b) => b - a);
    if (levels.length === 0) throw new Rejected('no P-code: #adm1+code, #adm2+code and #adm3+code are empty');
    const [level, parentLevel] = levels;
    const { column, code } = codes.get(level) as { column: ThreeWColumn; code: string };
    const known = this.gazetteer.get(code);
    const parentCell = parentLevel ? codes.get(parentLevel) : undefined;
    if (!known) {
      return { location: code, locationLevel: level, parentLocation: parentCell?.code ?? null, locationUnknown: true, boundaryVersion: null };
    }
    if (known.level !== level) throw new Rejected(`${column.tag}: ${code} is an admin level ${known.level} code, not ${level}`);
    const expected = parentCell && parentLevel ? this.gazetteer.ancestorAt(code, parentLevel) : undefined;
    if (parentCell && parentLevel && expected && expected.pcode !== parentCell.code) {
      const parentKnown = this.gazetteer.get(parentCell.code);
      const parentName = context.first(NAME_FIELD[parentLevel])?.value;
      const plainlyWrong = parentCell.code === code || parentKnown?.level !== parentLevel;
      if (!plainlyWrong || !parentName || !Gazetteer.sameName(parentName, expected.name)) {
        throw new Rejected(
          `${column.tag} ${code} (${known.name}) lies in ${expected.pcode} (${expected.name}), not in ${parentCell.code}` +
            `${parentKnown ? ` (${parentKnown.name})` : ''} as the row says`,
        );
      }
      context.fix(parentCell.column, parentCell.code, expected.pcode, `adm${parentLevel}-from-adm${level}`);
    }
    return { location: code, locationLevel: level, parentLocation: known.parentPcode, locationUnknown: false, boundaryVersion: known.validFrom };
  }

  /** The first sector column (English first) whose wording maps to a sector; a wording none maps rejects the row. */
  private readSector(context: RowContext): { sector: Sector | null; sectorLabel: string | null } {
    const labels = [...columnsFor(this.layout, 'sector'), ...columnsFor(this.layout, 'sectorCode')]
      .map((column) => ({ column, label: context.cell(column) }))
      .filter(({ label }) => label !== '');
    for (const { column, label } of labels) {
      const sector = sectorFor(label);
      if (!sector) continue;
      if (normalizeHeader(label) !== normalizeHeader(sector)) context.fix(column, label, sector, 'sector-vocabulary');
      return { sector, sectorLabel: label };
    }
    if (labels.length > 0) throw new Rejected(`sector ${labels[0].label} is not one of the platform's sectors (${SECTORS.join(', ')})`);
    return { sector: null, sectorLabel: null };
  }

  /** One spelling per role group of organisation columns (`#org`, `#org+funder`, …) that has a value. */
  private readOrganizations(context: RowContext): { spelling: OrganizationSpelling; role: PresenceRole | null }[] {
    const roles = [...new Set(this.layout.columns.filter((column) => column.field.startsWith('org')).map((column) => column.role))];
    return roles.flatMap((role) => {
      const values = (field: ThreeWField) =>
        columnsFor(this.layout, field)
          .filter((column) => column.role === role)
          .map((column) => context.cell(column))
          .filter((value) => value !== '');
      const spelling = { names: unique(values('orgName')), acronyms: unique(values('orgAcronym')), type: values('orgType')[0] ?? null };
      return spelling.names.length > 0 || spelling.acronyms.length > 0 ? [{ spelling, role }] : [];
    });
  }
}

const unique = (values: readonly string[]): string[] => [...new Set(values)];
