import { ActionPlanEntity } from './action-plan.entity';
import { AidDeliveryEntity } from './aid-delivery.entity';
import { CommitteeSessionEntity } from './committee-session.entity';
import { CommitteeEntity } from './committee.entity';
import { HistoryEntryEntity } from './history-entry.entity';
import { LiaisonConcernEntity } from './liaison-concern.entity';
import { LiaisonFollowUpEntity } from './liaison-follow-up.entity';
import { LiaisonMeetingEntity } from './liaison-meeting.entity';
import { LocationEntity } from './location.entity';
import { OrganizationEntity } from './organization.entity';
import { OrganizationAliasEntity } from './organization-alias.entity';
import { OperationalPresenceEntity } from './operational-presence.entity';
import { PlanActionEntity } from './plan-action.entity';
import { PictureFactEntity } from '../picture/picture-fact.entity';
import { PictureRecordEntity } from '../picture/picture-record.entity';
import { PictureRollupEntity } from '../picture/picture-rollup.entity';
import { ProjectionCheckpointEntity } from './projection-checkpoint.entity';
import { SessionCalendarEntity } from './session-calendar.entity';
import { SessionDecisionEntity } from './session-decision.entity';

export const READ_MODEL_ENTITIES = [
  OrganizationEntity,
  LocationEntity,
  AidDeliveryEntity,
  CommitteeEntity,
  CommitteeSessionEntity,
  SessionDecisionEntity,
  SessionCalendarEntity,
  LiaisonMeetingEntity,
  LiaisonConcernEntity,
  LiaisonFollowUpEntity,
  ActionPlanEntity,
  PlanActionEntity,
  PictureFactEntity,
  PictureRollupEntity,
  PictureRecordEntity,
  HistoryEntryEntity,
  OrganizationAliasEntity,
  OperationalPresenceEntity,
  ProjectionCheckpointEntity,
] as const;
