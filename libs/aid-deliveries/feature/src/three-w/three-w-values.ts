/** A value read from a cell: the value, and the rule applied to read it when the cell was not canonical. */
export type ReadValue<T> = { readonly value: T; readonly rule: string | null } | { readonly error: string };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}/;
const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
// Spreadsheets count days from 1899-12-30; 3W sheets of this century sit between these serials.
const EXCEL_SERIAL = /^(\d{5})(?:\.0+)?$/;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const MIN_SERIAL = 36_526; // 2000-01-01
const MAX_SERIAL = 73_051; // 2099-12-31

const calendarDate = (year: number, month: number, day: number): string | null => {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
    ? date.toISOString().slice(0, 10)
    : null;
};

/** `YYYY-MM-DD`; also a timestamp, `31/03/2022` (day first, as French and most 3W sheets write it) and a spreadsheet serial. */
export const readDate = (text: string): ReadValue<string> => {
  const iso = ISO_DATE.exec(text);
  if (iso) {
    const date = calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return date ? { value: date, rule: null } : { error: `${text} is not a calendar date` };
  }
  const timestamp = ISO_DATE_TIME.exec(text);
  if (timestamp) {
    const read = readDate(timestamp[1]);
    return 'value' in read ? { value: read.value, rule: 'date-format' } : read;
  }
  const dayFirst = DAY_FIRST.exec(text);
  if (dayFirst) {
    const date = calendarDate(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]));
    return date ? { value: date, rule: 'date-format' } : { error: `${text} is not a calendar date (day/month/year)` };
  }
  const serial = EXCEL_SERIAL.exec(text);
  if (serial && Number(serial[1]) >= MIN_SERIAL && Number(serial[1]) <= MAX_SERIAL) {
    return { value: new Date(EXCEL_EPOCH + Number(serial[1]) * 86_400_000).toISOString().slice(0, 10), rule: 'date-format' };
  }
  return { error: `${text} is not a date (YYYY-MM-DD or DD/MM/YYYY)` };
};

const GROUPED = /^\d{1,3}(?:[ \u00a0\u202f,.']\d{3})+$/;
const WHOLE_DECIMAL = /^(\d+)[.,]0+$/;

/** A head count: `1200`; also `1 200`, `1,200`, `1.200` (thousands grouped) and `1200.0`. */
export const readCount = (text: string): ReadValue<number> => {
  let digits: string | null = null;
  let rule: string | null = null;
  if (/^\d+$/.test(text)) digits = text;
  else if (GROUPED.test(text)) [digits, rule] = [text.replace(/[^\d]/g, ''), 'number-format'];
  else if (WHOLE_DECIMAL.test(text)) [digits, rule] = [(WHOLE_DECIMAL.exec(text) as RegExpExecArray)[1], 'number-format'];
  if (digits === null) return { error: `${text} is not a whole number of people` };
  const value = Number(digits);
  return Number.isSafeInteger(value) ? { value, rule } : { error: `${text} is too large` };
};
