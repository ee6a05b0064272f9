import { parse } from 'csv-parse/sync';
import type { NumberedRecord } from './three-w-layout';

const DELIMITERS = [',', ';', '\t'] as const;

const SNIFFED_LINES = 20;

/**
 * Spreadsheets in French locales save CSV with `;`: the delimiter is the candidate that splits some
 * line of the first few (a title line above the header splits none) into the most cells, outside quotes.
 */
const sniffDelimiter = (text: string): string => {
  const lines = text.split(/\r?\n/, SNIFFED_LINES).map((line) => line.replace(/"[^"]*"/g, ''));
  const counts = DELIMITERS.map((delimiter) => Math.max(0, ...lines.map((line) => line.split(delimiter).length - 1)));
  const best = counts.indexOf(Math.max(...counts));
  return counts[best] > 0 ? DELIMITERS[best] : ',';
};

export class UnreadableCsvError extends Error {}

/**
 * Every record of a CSV file with the line it starts on (first line = 1), empty lines included, so
 * that rows are reported with the numbers a spreadsheet shows even when a cell spans lines.
 */
export const readCsvRecords = (text: string): NumberedRecord[] => {
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text, { bom: true, info: true, relax_column_count: true, delimiter: sniffDelimiter(text.replace(/^\uFEFF/, '')) }) as unknown as typeof parsed;
  } catch (error) {
    throw new UnreadableCsvError(`not a readable CSV: ${(error as Error).message}`);
  }
  let nextLine = 1;
  return parsed.map(({ record, info }) => {
    const numbered = { line: nextLine, cells: record };
    nextLine = info.lines + 1;
    return numbered;
  });
};
