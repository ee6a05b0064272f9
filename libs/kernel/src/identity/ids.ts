import { randomUUID } from 'node:crypto';

/** Stream ids are `<Aggregate>-<uuid>`: one stream per record (STYLE.md). */
export const newStreamId = (aggregate: string): string => `${aggregate}-${randomUUID()}`;
export const newId = (): string => randomUUID();

export const aggregateOf = (streamId: string): string => {
  const dash = streamId.indexOf('-');
  return dash < 0 ? streamId : streamId.slice(0, dash);
};
