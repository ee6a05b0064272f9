import { EventEnvelope, schemaVersionOf, upcast } from '@coord/contracts';

/**
 * Both adapters hand out events at the catalogue's current schema version, so the domain never sees
 * an old shape. An event written by newer code than this process keeps the version it was stored with.
 */
export const upcastStoredEvent = (stored: EventEnvelope): EventEnvelope => {
  const current = schemaVersionOf(stored.type);
  if (stored.schemaVersion >= current) return stored;
  return { ...stored, schemaVersion: current, data: upcast(stored.type, stored.schemaVersion, stored.data) };
};
