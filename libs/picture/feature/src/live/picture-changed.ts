import type { PictureChange } from '@coord/read-model';

/** The PubSub trigger picture changes travel on. */
export const PICTURE_CHANGED_TRIGGER = 'picture.changed';

/** A subscriber watching an area hears of the cells inside it at any level; one watching none hears of all. */
export const reachesSubscriber = (change: PictureChange, adminCode: string | null | undefined): boolean =>
  !adminCode || change.areas.includes(adminCode);
