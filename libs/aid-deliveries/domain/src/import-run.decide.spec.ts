import type { Actor } from '@coord/kernel';
import { specFor } from '@coord/kernel/testing';
import { importRunDecider, type RecordImportRun } from './import-run.decider';

const given = specFor(importRunDecider);
const importer: Actor = { userId: 'im-officer', organizationId: 'org-ocha', roles: ['LIAISON_OFFICER'] };

const FIGURES = {
  importId: 'b5c1',
  format: '3W',
  file: 'mli-5w.csv',
  sha256: 'ab'.repeat(32),
  totalRows: 22805,
  imported: 22805,
  rejected: 0,
  fixes: 22837,
  presencesReported: 1224,
  presencesUpdated: 0,
  organizationsRegistered: 159,
  aliasesAdded: 0,
  completedAt: '2026-03-02T09:30:00.000Z',
} as const;
const record = (actor: Actor = importer): RecordImportRun => ({ type: 'RecordImportRun', actor, ...FIGURES });

describe('RecordImportRun', () => {
  it('records a run once', () => {
    given([]).when(record()).then([{ type: 'ImportRunCompleted', data: FIGURES }]);
  });

  it('refuses a second record of the same run', () => {
    given([{ type: 'ImportRunCompleted', data: FIGURES }]).when(record()).thenThrows('CONFLICT', { reason: 'ALREADY_EXISTS' });
  });

  it('is for those who may import', () => {
    given([]).when(record({ ...importer, roles: ['AGENCY_OFFICER'] })).thenThrows('FORBIDDEN');
  });
});
