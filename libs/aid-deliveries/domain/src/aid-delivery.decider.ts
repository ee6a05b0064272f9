import type { Decider } from '@coord/kernel';
import type { AidDeliveryEvent } from '@coord/contracts';
import type { AidDeliveryCommand } from './aid-delivery.commands';
import { evolve } from './aid-delivery.evolve';
import { initialState, type AidDeliveryState } from './aid-delivery.state';
import { decideCancelDelivery } from './cancel-delivery.decide';
import { decideConfirmDelivery } from './confirm-delivery.decide';
import { decideCorrectDelivery } from './correct-delivery.decide';
import { decideDispatchDelivery } from './dispatch-delivery.decide';
import { decidePlanDelivery } from './plan-delivery.decide';
import { decideRecordDelivery } from './record-delivery.decide';
import { decideReportDeliveryFailed } from './report-delivery-failed.decide';

export const decide = (command: AidDeliveryCommand, state: AidDeliveryState): AidDeliveryEvent[] => {
  switch (command.type) {
    case 'PlanDelivery':
      return decidePlanDelivery(command, state);
    case 'DispatchDelivery':
      return decideDispatchDelivery(command, state);
    case 'RecordDelivery':
      return decideRecordDelivery(command, state);
    case 'ConfirmDelivery':
      return decideConfirmDelivery(command, state);
    case 'ReportDeliveryFailed':
      return decideReportDeliveryFailed(command, state);
    case 'CancelDelivery':
      return decideCancelDelivery(command, state);
    case 'CorrectDelivery':
      return decideCorrectDelivery(command, state);
    default: {
      const unknown: never = command;
      throw new Error(`unknown aid-delivery command ${(unknown as { type: string }).type}`);
    }
  }
};

export const aidDeliveryDecider: Decider<AidDeliveryCommand, AidDeliveryState, AidDeliveryEvent> = {
  initialState,
  evolve,
  decide,
};
