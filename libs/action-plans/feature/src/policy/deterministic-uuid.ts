import { createHash } from 'node:crypto';

/**
 * A UUID that is always the same for the same namespace and name, so that a policy reacting twice to
 * one event names the same records. node:crypto has no v5 (SHA-1); this is RFC 9562's version 8
 * ("custom") over SHA-256, laid out like a v5.
 */
export const deterministicUuid = (namespace: string, name: string): string => {
  const bytes = Buffer.from(createHash('sha256').update(namespace).update('\u0000').update(name).digest().subarray(0, 16));
  bytes[6] = (bytes[6] & 0x0f) | 0x80;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};
