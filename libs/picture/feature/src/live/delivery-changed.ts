import type { AidDeliveryView } from '@coord/read-model';

/** The PubSub trigger delivery changes travel on. */
export const DELIVERY_CHANGED_TRIGGER = 'picture.deliveryChanged';

export interface DeliveryChanged {
  readonly delivery: AidDeliveryView;
  /** The destination and every area above it: a subscriber's adminCode matches any of them. */
  readonly areas: readonly string[];
}

export const reachesSubscriber = (change: DeliveryChanged, adminCode: string | null | undefined): boolean =>
  !adminCode || change.areas.includes(adminCode);
