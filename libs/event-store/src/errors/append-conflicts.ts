import { DomainError, conflict } from '@coord/kernel';
import type { ExpectedVersion } from '../port/event-store.port';

export const WRONG_EXPECTED_VERSION = 'WRONG_EXPECTED_VERSION';

export const wrongExpectedVersion = (
  streamId: string,
  expected: ExpectedVersion,
  actual: number | null,
): DomainError => {
  const wanted = expected === 0 ? 'a new stream' : `version ${expected}`;
  const found = actual ? `version ${actual}` : 'no stream';
  return conflict(WRONG_EXPECTED_VERSION, `${streamId}: expected ${wanted}, found ${found}`);
};
