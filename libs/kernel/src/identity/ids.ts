import { createHash, randomUUID } from 'node:crypto';

/** Stream ids are `<Aggregate>-<uuid>`: one stream per record (STYLE.md). */
export const newStreamId = (aggregate: string): string => `${aggregate}-${randomUUID()}`;
export const newId = (): string => randomUUID();

export const aggregateOf = (streamId: string): string => {
  const dash = streamId.indexOf('-');
  return dash < 0 ? streamId : streamId.slice(0, dash);
};

// RFC 4122 name-based ids need a namespace; this one is the platform's own, fixed forever.
const PLATFORM_NAMESPACE = Buffer.from('6b0c5f2e9d1a4e3b8f7a2c4d6e8f0a1b', 'hex');

/**
 * A UUID (version 5) derived from `name`: the same name always gives the same id, so a record whose
 * identity is its content (a 3W row's key, an organisation first seen in a file) finds its stream again.
 */
export const nameBasedUuid = (name: string): string => {
  const hash = createHash('sha1').update(PLATFORM_NAMESPACE).update(name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};
