import { specFor } from '@coord/kernel/testing';
import { aidDeliveryDecider } from './aid-delivery.decider';
import {
  DELIVERY_ID,
  HISTORIES,
  agencyObserver,
  dispatch,
  otherAgencyOfficer,
  partnerOfficer,
} from './testing/aid-delivery.fixtures';

const given = specFor(aidDeliveryDecider);

describe('DispatchDelivery', () => {
  it('dispatches a planned delivery at the command’s time', () => {
    const at = new Date('2026-03-05T06:00:00.000Z');
    given(HISTORIES.PLANNED)
      .when(dispatch({ at }))
      .then([{ type: 'DeliveryDispatched', data: { deliveryId: DELIVERY_ID, dispatchedAt: at.toISOString() } }]);
  });

  it('cannot dispatch what was never planned', () => {
    given([]).when(dispatch()).thenThrows('NOT_FOUND');
  });

  it('cannot dispatch twice', () => {
    given(HISTORIES.DISPATCHED).when(dispatch()).thenThrows('INVALID_TRANSITION');
  });

  it.each([
    ['the implementing partner', partnerOfficer],
    ['another agency', otherAgencyOfficer],
    ['an observer of the agency', agencyObserver],
  ])('is refused to %s', (_, actor) => {
    given(HISTORIES.PLANNED).when(dispatch({ actor })).thenThrows('FORBIDDEN');
  });
});
