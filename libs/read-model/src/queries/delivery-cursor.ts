import { badInput } from '@coord/kernel';

/** A position in the (planned_date desc, id asc) order of the delivery list. */
export interface DeliveryCursor {
  readonly plannedDate: string;
  readonly id: string;
}

/** Opaque to clients, so that the order's columns can change without breaking their contract. */
export const encodeDeliveryCursor = (cursor: DeliveryCursor): string =>
  Buffer.from(JSON.stringify([cursor.plannedDate, cursor.id]), 'utf8').toString('base64url');

export const decodeDeliveryCursor = (value: string): DeliveryCursor => {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (Array.isArray(decoded) && decoded.length === 2 && decoded.every((part) => typeof part === 'string')) {
      return { plannedDate: decoded[0], id: decoded[1] };
    }
  } catch {
    // Falls through to the same answer as any other foreign string.
  }
  throw badInput('after', 'not a cursor of this list');
};
