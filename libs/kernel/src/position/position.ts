/**
 * A global log position. Every adapter orders the log by a pair: on PostgreSQL (transaction id,
 * sequence), on EventStoreDB (commit, prepare), on SQLite (commit, sequence). A reader that resumes
 * after the sequence alone skips events whose transaction committed late, so the pair travels
 * together, serialised as `"<major>:<minor>"`.
 */
export interface Position {
  readonly major: bigint;
  readonly minor: bigint;
}

export const START: Position = Object.freeze({ major: 0n, minor: 0n });

const POSITION_PATTERN = /^(\d{1,20}):(\d{1,20})$/;

export const isPositionString = (value: string): boolean => POSITION_PATTERN.test(value);

export const parsePosition = (value: string): Position => {
  const match = POSITION_PATTERN.exec(value);
  if (!match) throw new Error(`not a log position: ${value}`);
  return { major: BigInt(match[1]), minor: BigInt(match[2]) };
};

export const formatPosition = (position: Position): string => `${position.major}:${position.minor}`;

export const comparePositions = (a: Position, b: Position): number => {
  if (a.major !== b.major) return a.major < b.major ? -1 : 1;
  if (a.minor !== b.minor) return a.minor < b.minor ? -1 : 1;
  return 0;
};

export const isAfter = (a: Position, b: Position): boolean => comparePositions(a, b) > 0;
