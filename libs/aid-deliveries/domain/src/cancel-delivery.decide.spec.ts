import { specFor } from '@coord/kernel/testing';
import { aidDeliveryDecider } from './aid-delivery.decider';
import { AT, DELIVERY_ID, HISTORIES, cancel, cancelled, otherAgencyOfficer } from './testing/aid-delivery.fixtures';

const given = specFor(aidDeliveryDecider);

describe('CancelDelivery', () => {
  it.each(['PLANNED', 'DISPATCHED'] as const)('cancels a %s delivery', (state) => {
    given(HISTORIES[state]).when(cancel()).then([cancelled()]);
  });

  it('keeps the reason as given', () => {
    given(HISTORIES.PLANNED)
      .when(cancel({ reason: '  merged with delivery 12 ' }))
      .then([
        {
          type: 'DeliveryCancelled',
          data: { deliveryId: DELIVERY_ID, reason: '  merged with delivery 12 ', cancelledAt: AT.toISOString() },
        },
      ]);
  });

  it.each(['', '   '])('refuses an empty reason %p', (reason) => {
    given(HISTORIES.PLANNED).when(cancel({ reason })).thenThrows('BAD_USER_INPUT', { field: 'reason' });
  });

  it.each(['DELIVERED', 'CONFIRMED', 'FAILED from PLANNED', 'CANCELLED from DISPATCHED'] as const)(
    'cannot cancel once %s',
    (state) => {
      given(HISTORIES[state]).when(cancel()).thenThrows('INVALID_TRANSITION');
    },
  );

  it('is refused to another agency', () => {
    given(HISTORIES.PLANNED).when(cancel({ actor: otherAgencyOfficer })).thenThrows('FORBIDDEN');
  });

  it('cannot cancel what does not exist', () => {
    given([]).when(cancel()).thenThrows('NOT_FOUND');
  });
});
