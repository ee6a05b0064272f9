import type { ExchangeRecord } from '@coord/read-model';

/**
 * The columns of an exported 3W: the ten of DOMAIN.md "Exchange" first, then what a re-import needs to
 * find every record again (acronym, role, a P-code below adm2) and the record's id.
 */
const COLUMNS: readonly { readonly header: string; readonly tag: string; readonly value: (record: ExchangeRecord) => string | number | null }[] = [
  { header: 'Organisation', tag: '#org', value: (record) => record.organizationName },
  { header: 'Sector', tag: '#sector', value: (record) => record.sector },
  { header: 'Admin 1 P-code', tag: '#adm1+code', value: (record) => record.adm1 },
  { header: 'Admin 2 P-code', tag: '#adm2+code', value: (record) => record.adm2 },
  { header: 'Activity', tag: '#activity', value: (record) => record.activity },
  { header: 'Targeted', tag: '#targeted', value: (record) => record.targeted },
  { header: 'Reached', tag: '#reached', value: (record) => record.reached },
  { header: 'Start date', tag: '#date+start', value: (record) => record.start },
  { header: 'End date', tag: '#date+end', value: (record) => record.end },
  { header: 'Status', tag: '#status', value: (record) => record.status },
  { header: 'Acronym', tag: '#org+acronym', value: (record) => record.organizationAcronym },
  { header: 'Role', tag: '#meta+role', value: (record) => record.role },
  { header: 'Admin 3 P-code', tag: '#adm3+code', value: (record) => (record.locationLevel === 3 ? record.location : null) },
  { header: 'Record', tag: '#meta+id', value: (record) => record.id },
];

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

const csvCell = (value: string | number | null): string => {
  if (value === null) return '';
  const text = String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

const csvLine = (cells: readonly (string | number | null)[]): string => `${cells.map(csvCell).join(',')}\r\n`;

/** The header row and the HXL hashtag row under it. */
export const threeWHead = (): string => csvLine(COLUMNS.map((column) => column.header)) + csvLine(COLUMNS.map((column) => column.tag));

export const threeWLines = (records: readonly ExchangeRecord[]): string =>
  records.map((record) => csvLine(COLUMNS.map((column) => column.value(record)))).join('');
