import { actionPlansTypeDefs } from '@coord/action-plans-feature';
import { aidDeliveriesTypeDefs } from '@coord/aid-deliveries-feature';
import { liaisonTypeDefs } from '@coord/liaison-feature';
import { pictureTypeDefs } from '@coord/picture-feature';
import { planningTypeDefs } from '@coord/planning-feature';
import { referenceDataTypeDefs } from '@coord/reference-data';
import { baseTypeDefs, splitSubgraphs } from '@coord/runtime';

/**
 * The platform's schema cut into subgraphs. Every service cuts the same schema the same way, so the
 * gateway composes exactly what the all-in-one platform serves (apps/read-model-service's spec checks it).
 */
export const subgraphs = () =>
  splitSubgraphs(
    baseTypeDefs,
    { 'aid-deliveries': aidDeliveriesTypeDefs, planning: planningTypeDefs, liaison: liaisonTypeDefs, 'action-plans': actionPlansTypeDefs },
    [referenceDataTypeDefs, pictureTypeDefs],
  );
