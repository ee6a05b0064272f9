import type { IsoDateTime } from '../common';

/**
 * A 3W file's import that recorded something: what every presence's `source.importId` points to.
 * A run that changed nothing (a re-import) records no event, so the log only grows with new facts.
 */
export type ImportRunCompleted = Readonly<{
  type: 'ImportRunCompleted';
  data: {
    importId: string;
    format: '3W';
    file: string;
    /** SHA-256 of the file's bytes, hex. */
    sha256: string;
    totalRows: number;
    imported: number;
    rejected: number;
    fixes: number;
    presencesReported: number;
    presencesUpdated: number;
    organizationsRegistered: number;
    aliasesAdded: number;
    completedAt: IsoDateTime;
  };
}>;

export type ImportRunEvent = ImportRunCompleted;

export const IMPORT_RUN_EVENT_TYPES = ['ImportRunCompleted'] as const satisfies readonly ImportRunEvent['type'][];

export const IMPORT_RUN_STREAM = 'ImportRun';
export const importRunStreamId = (importId: string): string => `${IMPORT_RUN_STREAM}-${importId}`;
