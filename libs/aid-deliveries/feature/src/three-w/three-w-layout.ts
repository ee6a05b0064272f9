import type { PresenceRole } from '@coord/contracts';
import { formatHxlTag, HxlTag, isHashtagRow, languageOf, parseHxlTag } from './hxl-tag';
import type { ImportFix } from './import-report';
import { tagForHeader } from './three-w-header-names';

export type ThreeWField =
  | 'orgName'
  | 'orgAcronym'
  | 'orgType'
  | 'sector'
  | 'sectorCode'
  | 'adm1Code'
  | 'adm1Name'
  | 'adm2Code'
  | 'adm2Name'
  | 'adm3Code'
  | 'adm3Name'
  | 'activity'
  | 'targeted'
  | 'reached'
  | 'dateStart'
  | 'dateEnd'
  | 'role'
  | 'recordId';

export interface ThreeWColumn {
  readonly index: number;
  readonly header: string;
  /** The hashtag as read, in canonical form (`#adm1+code`); what fixes and rejections name. */
  readonly tag: string;
  readonly field: ThreeWField;
  readonly language: string | null;
  /** The role an organisation column stands for (`#org+funder`), when it says. */
  readonly role: PresenceRole | null;
  /** Attributes beyond those that chose the field: `#targeted+f+children` is less plain than `#targeted`. */
  readonly detail: number;
}

/** A parsed CSV record with the line it starts on (first line of the file = 1). */
export interface NumberedRecord {
  readonly line: number;
  readonly cells: readonly string[];
}

export interface ThreeWLayout {
  readonly hashtagRow: number | null;
  readonly headerRow: number | null;
  /** Index in the records of the first data row. */
  readonly dataStart: number;
  readonly columns: readonly ThreeWColumn[];
  readonly fixes: readonly ImportFix[];
}

const ROLE_ATTRIBUTES: Readonly<Record<string, PresenceRole>> = {
  impl: 'IMPLEMENTING',
  implementing: 'IMPLEMENTING',
  partner: 'IMPLEMENTING',
  funder: 'FUNDING',
  funding: 'FUNDING',
  donor: 'FUNDING',
  reporting: 'REPORTING',
  prog: 'REPORTING',
  lead: 'REPORTING',
};

interface Classified {
  readonly field: ThreeWField;
  readonly role: PresenceRole | null;
  readonly consumed: readonly string[];
}

const has = (tag: HxlTag, ...attributes: string[]) => attributes.find((attribute) => tag.attributes.includes(attribute));

const ADMIN_FIELDS = {
  adm1: ['adm1Code', 'adm1Name'],
  adm2: ['adm2Code', 'adm2Name'],
  adm3: ['adm3Code', 'adm3Name'],
} as const satisfies Record<string, readonly [ThreeWField, ThreeWField]>;

/** What a hashtag means to a 3W import, or null for a column it does not read. */
const classify = (tag: HxlTag): Classified | null => {
  switch (tag.hashtag) {
    case 'org': {
      const roleAttribute = Object.keys(ROLE_ATTRIBUTES).find((attribute) => tag.attributes.includes(attribute));
      const role = roleAttribute ? ROLE_ATTRIBUTES[roleAttribute] : null;
      const base = roleAttribute ? [roleAttribute] : [];
      const acronym = has(tag, 'acronym', 'abbrev', 'short');
      if (acronym) return { field: 'orgAcronym', role, consumed: [...base, acronym] };
      if (has(tag, 'type')) return { field: 'orgType', role, consumed: [...base, 'type'] };
      if (has(tag, 'code', 'id')) return null;
      return { field: 'orgName', role, consumed: [...base, 'name'] };
    }
    case 'sector':
    case 'cluster': {
      const code = has(tag, 'code', 'id');
      return code ? { field: 'sectorCode', role: null, consumed: [code] } : { field: 'sector', role: null, consumed: ['name', 'cluster'] };
    }
    case 'adm1':
    case 'adm2':
    case 'adm3': {
      const [codeField, nameField] = ADMIN_FIELDS[tag.hashtag];
      const code = has(tag, 'code', 'id', 'pcode');
      return code ? { field: codeField, role: null, consumed: [code] } : { field: nameField, role: null, consumed: ['name'] };
    }
    case 'activity':
      return has(tag, 'code', 'id') ? null : { field: 'activity', role: null, consumed: ['name', 'desc'] };
    case 'targeted':
    case 'reached':
      return { field: tag.hashtag, role: null, consumed: ['num', 'total'] };
    case 'date':
      if (has(tag, 'start')) return { field: 'dateStart', role: null, consumed: ['start'] };
      if (has(tag, 'end')) return { field: 'dateEnd', role: null, consumed: ['end'] };
      return null;
    case 'meta':
      if (has(tag, 'id')) return { field: 'recordId', role: null, consumed: ['id'] };
      if (has(tag, 'role')) return { field: 'role', role: null, consumed: ['role'] };
      return null;
    default:
      return null;
  }
};

const column = (index: number, header: string, tag: HxlTag, classified: Classified): ThreeWColumn => {
  const language = languageOf(tag);
  return {
    index,
    header,
    tag: formatHxlTag(tag),
    field: classified.field,
    language,
    role: classified.role,
    detail: tag.attributes.filter((attribute) => !classified.consumed.includes(attribute) && attribute !== `i_${language}`).length,
  };
};

export class LayoutError extends Error {}

const HEADER_SEARCH_ROWS = 20;

/**
 * Without an HXL row, the header is the row among the first few with the most names the import
 * knows, so title lines above it are skipped; failing that, the first non-empty row.
 */
const headerRowByNames = (records: readonly NumberedRecord[]): number => {
  let best = -1;
  let bestCount = 0;
  records.slice(0, HEADER_SEARCH_ROWS).forEach((record, index) => {
    const count = record.cells.filter((cell) => tagForHeader(cell) !== null).length;
    if (count > bestCount) [best, bestCount] = [index, count];
  });
  return best >= 0 ? best : records.findIndex((record) => record.cells.some((cell) => cell.trim() !== ''));
};

/**
 * Finds how a 3W file is laid out: the HXL hashtag row wherever it is (the header row is the one just
 * above it), or, without one, the header row found by its names, and columns mapped by those names. An HXL file's untagged columns are mapped by name too, for what its tags leave out
 * (the CAR file does not tag its organisation type). Every mapping by name is reported as a fix.
 */
export const readLayout = (records: readonly NumberedRecord[]): ThreeWLayout => {
  const hashtagIndex = records.findIndex((record) => isHashtagRow(record.cells));
  const headerIndex =
    hashtagIndex < 0
      ? headerRowByNames(records)
      : hashtagIndex > 0 && records[hashtagIndex - 1].cells.some((cell) => cell.trim() !== '')
        ? hashtagIndex - 1
        : -1;
  if (hashtagIndex < 0 && headerIndex < 0) throw new LayoutError('the file has no header row and no HXL hashtag row');
  const headers = headerIndex >= 0 ? records[headerIndex].cells.map((cell) => cell.trim()) : [];
  const hashtags = hashtagIndex >= 0 ? records[hashtagIndex].cells : [];

  const columns: ThreeWColumn[] = [];
  hashtags.forEach((cell, index) => {
    const tag = parseHxlTag(cell);
    const classified = tag && classify(tag);
    if (tag && classified) columns.push(column(index, headers[index] ?? '', tag, classified));
  });
  const fixes: ImportFix[] = [];
  const tagged = new Set(columns.map((mapped) => mapped.field));
  headers.forEach((header, index) => {
    if (header === '' || parseHxlTag(hashtags[index] ?? '')) return;
    const named = tagForHeader(header);
    const tag = named ? parseHxlTag(named) : null;
    const classified = tag && classify(tag);
    if (!tag || !classified || tagged.has(classified.field)) return;
    columns.push(column(index, header, tag, classified));
    fixes.push({ row: records[headerIndex].line, field: header, from: header, to: formatHxlTag(tag), rule: 'header-name' });
  });
  columns.sort((a, b) => a.index - b.index);

  const fields = new Set(columns.map((mapped) => mapped.field));
  const missing = [
    fields.has('orgName') || fields.has('orgAcronym') ? null : 'an organisation (#org)',
    fields.has('adm1Code') || fields.has('adm2Code') || fields.has('adm3Code') ? null : 'a P-code (#adm1+code, #adm2+code or #adm3+code)',
  ].filter((need): need is string => need !== null);
  if (missing.length > 0) {
    throw new LayoutError(
      `no column for ${missing.join(' or ')}: tag the columns with an HXL hashtag row, or name them (e.g. Organisation, Secteur, Admin1 Pcode, Admin2 Pcode)`,
    );
  }
  return {
    hashtagRow: hashtagIndex >= 0 ? records[hashtagIndex].line : null,
    headerRow: headerIndex >= 0 ? records[headerIndex].line : null,
    dataStart: Math.max(hashtagIndex, headerIndex) + 1,
    columns,
    fixes,
  };
};

/**
 * The column to read a single-valued field from: English first in a bilingual file (the platform's
 * vocabularies are English), then a column without language, then in file order; the plainest first
 * (`#targeted` before `#targeted+f+children`).
 */
export const columnsFor = (layout: ThreeWLayout, field: ThreeWField): ThreeWColumn[] => {
  const rank = (mapped: ThreeWColumn) => (mapped.language === 'en' ? 0 : mapped.language === null ? 1 : 2);
  return layout.columns
    .filter((mapped) => mapped.field === field)
    .sort((a, b) => rank(a) - rank(b) || a.detail - b.detail || a.index - b.index);
};
