import { specFor } from '@coord/kernel/testing';
import { FAILURE_REASONS, type FailureReason } from '@coord/contracts';
import { aidDeliveryDecider } from './aid-delivery.decider';
import { AT, DELIVERY_ID, HISTORIES, failed, partnerOfficer, reportFailed } from './testing/aid-delivery.fixtures';

const given = specFor(aidDeliveryDecider);

describe('ReportDeliveryFailed', () => {
  it.each(['PLANNED', 'DISPATCHED'] as const)('fails a %s delivery', (state) => {
    given(HISTORIES[state]).when(reportFailed()).then([failed()]);
  });

  it.each(FAILURE_REASONS)('records the reason %s, without a note', (reason) => {
    given(HISTORIES.DISPATCHED)
      .when(reportFailed({ reason, note: undefined }))
      .then([{ type: 'DeliveryFailed', data: { deliveryId: DELIVERY_ID, reason, note: null, failedAt: AT.toISOString() } }]);
  });

  it('refuses a reason outside the list', () => {
    given(HISTORIES.PLANNED)
      .when(reportFailed({ reason: 'WEATHER' as FailureReason }))
      .thenThrows('BAD_USER_INPUT', { field: 'reason' });
  });

  it('cannot fail a delivery that arrived', () => {
    given(HISTORIES.DELIVERED).when(reportFailed()).thenThrows('INVALID_TRANSITION');
  });

  it('cannot fail twice', () => {
    given(HISTORIES['FAILED from DISPATCHED']).when(reportFailed()).thenThrows('INVALID_TRANSITION');
  });

  it('is refused to the implementing partner', () => {
    given(HISTORIES.DISPATCHED).when(reportFailed({ actor: partnerOfficer })).thenThrows('FORBIDDEN');
  });

  it('cannot fail what does not exist', () => {
    given([]).when(reportFailed()).thenThrows('NOT_FOUND');
  });
});
