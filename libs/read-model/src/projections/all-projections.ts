import type { Projection } from '../projection/projection';
import { ActionPlansProjection } from './action-plans.projection';
import { AidDeliveriesProjection } from './aid-deliveries.projection';
import { CommitteesProjection } from './committees.projection';
import { HistoryProjection } from './history.projection';
import { LiaisonMeetingsProjection } from './liaison-meetings.projection';
import { LocationsProjection } from './locations.projection';
import { OrganizationsProjection } from './organizations.projection';
import { OrganizationAliasesProjection } from './organization-aliases.projection';
import { OperationalPresencesProjection } from './operational-presences.projection';
import { SessionCalendarProjection } from './session-calendar.projection';

/**
 * Every projection of the platform, in the order the runner applies a batch: locations before
 * aid deliveries, which copy a destination's ancestors from the locations table; committees before
 * the session calendar, which books each member of a session's committee; locations before operational
 * presences, which copy a location's ancestors too.
 */
export const allProjections: readonly Projection[] = [
  new OrganizationsProjection(),
  new LocationsProjection(),
  new AidDeliveriesProjection(),
  new OrganizationAliasesProjection(),
  new OperationalPresencesProjection(),
  new CommitteesProjection(),
  new SessionCalendarProjection(),
  new LiaisonMeetingsProjection(),
  new ActionPlansProjection(),
  new HistoryProjection(),
];
