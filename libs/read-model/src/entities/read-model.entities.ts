import { AidDeliveryEntity } from './aid-delivery.entity';
import { HistoryEntryEntity } from './history-entry.entity';
import { LocationEntity } from './location.entity';
import { OrganizationEntity } from './organization.entity';
import { ProjectionCheckpointEntity } from './projection-checkpoint.entity';

export const READ_MODEL_ENTITIES = [
  OrganizationEntity,
  LocationEntity,
  AidDeliveryEntity,
  HistoryEntryEntity,
  ProjectionCheckpointEntity,
] as const;
