/** CONTRACT.md `GET /imports/{importId}`: a correction the import made, on a row numbered as in the file. */
export interface ImportFix {
  readonly row: number;
  readonly field: string;
  readonly from: string;
  readonly to: string;
  readonly rule: string;
}

export interface ImportRejection {
  readonly row: number;
  readonly reason: string;
}

export type ImportStatus = 'RUNNING' | 'DONE' | 'FAILED';

/**
 * The report of one 3W import. The contract's fields come first; the rest says how the file was read
 * (which column became what), what the rows became (presences recorded, updated, already on record;
 * rows that repeat an earlier row's key) and which organisations and aliases the import added.
 */
export interface ImportReport {
  readonly importId: string;
  readonly status: ImportStatus;
  readonly totalRows: number;
  readonly processedRows: number;
  readonly imported: number;
  readonly rejected: number;
  readonly fixes: readonly ImportFix[];
  readonly rejections: readonly ImportRejection[];
  readonly file: string;
  readonly sha256: string;
  /** Line of the HXL hashtag row, or null when the columns were mapped by header names. */
  readonly hashtagRow: number | null;
  readonly columns: readonly { readonly column: number; readonly header: string; readonly tag: string; readonly field: string }[];
  /** Lines with no value at all (an export's trailing separators): not rows, not counted. */
  readonly emptyLines: number;
  readonly presences: { readonly reported: number; readonly updated: number; readonly unchanged: number };
  /** Rows with the same key as an earlier row: counted in that row's presence (figures summed). */
  readonly merged: readonly { readonly row: number; readonly into: number }[];
  readonly organizationsRegistered: readonly { readonly id: string; readonly name: string; readonly acronym: string | null; readonly kind: string }[];
  readonly aliasesAdded: readonly { readonly organizationId: string; readonly alias: string }[];
  readonly startedAt: string;
  readonly finishedAt: string | null;
  /** Why a FAILED import stopped (the rows recorded before that stay recorded). */
  readonly error: string | null;
}
