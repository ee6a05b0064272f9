import { actionPlansTypeDefs } from '@coord/action-plans-feature';
import { aidDeliveriesTypeDefs } from '@coord/aid-deliveries-feature';
import { liaisonTypeDefs } from '@coord/liaison-feature';
import { pictureTypeDefs } from '@coord/picture-feature';
import { planningTypeDefs } from '@coord/planning-feature';
import { referenceDataTypeDefs } from '@coord/reference-data';

/**
 * Every context's part of the served schema, in one list: the platform serves it (after the shared
 * base) and the web dashboard's types are generated from it, so the two cannot drift apart.
 */
export const contextTypeDefs: readonly string[] = [
  referenceDataTypeDefs,
  aidDeliveriesTypeDefs,
  planningTypeDefs,
  liaisonTypeDefs,
  actionPlansTypeDefs,
  pictureTypeDefs,
];
