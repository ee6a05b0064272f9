import type { Projection } from '../projection/projection';
import { AidDeliveriesProjection } from './aid-deliveries.projection';
import { HistoryProjection } from './history.projection';
import { LiaisonMeetingsProjection } from './liaison-meetings.projection';
import { LocationsProjection } from './locations.projection';
import { OrganizationsProjection } from './organizations.projection';

/**
 * Every projection of the platform, in the order the runner applies a batch: locations before
 * aid deliveries, which copy a destination's ancestors from the locations table.
 */
export const allProjections: readonly Projection[] = [
  new OrganizationsProjection(),
  new LocationsProjection(),
  new AidDeliveriesProjection(),
  new LiaisonMeetingsProjection(),
  new HistoryProjection(),
];
