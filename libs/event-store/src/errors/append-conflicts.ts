import { DomainError, conflict } from '@coord/kernel';
import type { ExpectedVersion } from '../port/event-store.port';

/** `CONFLICT` reasons an append can answer with. */
export const WRONG_EXPECTED_VERSION = 'WRONG_EXPECTED_VERSION';
/** The same command was recorded by a concurrent attempt that committed first. */
export const DUPLICATE_COMMAND = 'DUPLICATE_COMMAND';

export const wrongExpectedVersion = (
  streamId: string,
  expected: ExpectedVersion,
  actual: number | null,
): DomainError => {
  const wanted = expected === 0 ? 'a new stream' : `version ${expected}`;
  const found = actual ? `version ${actual}` : 'no stream';
  return conflict(WRONG_EXPECTED_VERSION, `${streamId}: expected ${wanted}, found ${found}`);
};
