import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { fieldPath } from '@coord/runtime';

export interface LocationRow {
  /** Line in the file (first line = 1), for error reports. */
  readonly row: number;
  readonly pcode: string;
  readonly name: string;
  readonly level: number;
  readonly parentPcode: string | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly validFrom: string | null;
}

export interface RowRejection {
  readonly row: number;
  readonly reason: string;
}

const optionalNumber = (min: number, max: number) =>
  z
    .string()
    .trim()
    .transform((value) => (value === '' ? null : Number(value)))
    .refine((value) => value === null || (Number.isFinite(value) && value >= min && value <= max), {
      message: `must be a number between ${min} and ${max}`,
    });

const rowSchema = z.object({
  pcode: z.string().trim().regex(/^[A-Z]{2,3}[A-Z0-9]*$/, 'must be an upper-case P-code such as ML0701').max(20),
  name: z.string().trim().min(1, 'must not be empty').max(200),
  level: z
    .string()
    .trim()
    .regex(/^[0-3]$/, 'must be 0, 1, 2 or 3')
    .transform(Number),
  parentPcode: z
    .string()
    .trim()
    .transform((value) => (value === '' ? null : value)),
  latitude: optionalNumber(-90, 90),
  longitude: optionalNumber(-180, 180),
});

const IMPORT_HEADER = ['pcode', 'name', 'level', 'parentPcode', 'latitude', 'longitude'] as const;

/** Parses the CONTRACT.md location CSV: `pcode,name,level,parentPcode,latitude,longitude`. */
export const parseLocationCsv = (csv: string): { rows: LocationRow[]; rejections: RowRejection[] } => {
  let records: string[][];
  try {
    records = parse(csv, { bom: true, skip_empty_lines: true, relax_column_count: true }) as string[][];
  } catch (error) {
    return { rows: [], rejections: [{ row: 0, reason: `not a readable CSV: ${(error as Error).message}` }] };
  }
  const [header, ...body] = records;
  const columns = (header ?? []).map((cell) => cell.trim());
  const missing = IMPORT_HEADER.filter((name) => !columns.includes(name));
  if (missing.length > 0) {
    return { rows: [], rejections: [{ row: 1, reason: `the header must name ${IMPORT_HEADER.join(',')}; missing ${missing.join(', ')}` }] };
  }
  const rows: LocationRow[] = [];
  const rejections: RowRejection[] = [];
  body.forEach((cells, index) => {
    const row = index + 2;
    const record = Object.fromEntries(IMPORT_HEADER.map((name) => [name, cells[columns.indexOf(name)] ?? '']));
    const parsed = rowSchema.safeParse(record);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      rejections.push({ row, reason: `${fieldPath(issue.path)}: ${issue.message}` });
      return;
    }
    rows.push({ row, ...parsed.data, validFrom: null });
  });
  return { rows, rejections };
};

// The P-code list names no country; these are the countries the platform is deployed in. Elsewhere a
// country is named by its ISO3 code until a gazetteer with adm0 names is imported.
const COUNTRY_NAMES: Record<string, string> = { MLI: 'Mali', CAF: 'Central African Republic', HTI: 'Haiti' };

/**
 * Reads the OCHA global P-code list format (with its HXL row) and adds the country record each adm1
 * hangs from, so every place has a full chain up to adm0.
 */
export const parsePcodeList = (csv: string): LocationRow[] => {
  const records = parse(csv, { bom: true, skip_empty_lines: true }) as string[][];
  const dataRows = records.slice(1).filter((cells) => !cells[0].startsWith('#'));
  const countries = new Set<string>();
  const rows: LocationRow[] = dataRows.map(([country, level, pcode, name, parent, validFrom], index) => {
    countries.add(country.trim());
    return {
      row: index + 3,
      pcode: pcode.trim(),
      name: name.trim(),
      level: Number(level),
      parentPcode: parent.trim() || null,
      latitude: null,
      longitude: null,
      validFrom: validFrom?.trim() || null,
    };
  });
  const countryRows: LocationRow[] = [...countries].map((iso3) => ({
    row: 0,
    pcode: iso3,
    name: COUNTRY_NAMES[iso3] ?? iso3,
    level: 0,
    parentPcode: null,
    latitude: null,
    longitude: null,
    validFrom: null,
  }));
  return [...countryRows, ...rows];
};
