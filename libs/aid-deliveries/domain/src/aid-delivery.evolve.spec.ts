import { fold } from '@coord/kernel';
import { aidDeliveryDecider } from './aid-delivery.decider';
import { dispatched, HISTORIES } from './testing/aid-delivery.fixtures';

describe('evolve', () => {
  it('refuses a stream that does not start with DeliveryPlanned: it is not an aid delivery', () => {
    expect(() => fold(aidDeliveryDecider, [dispatched()])).toThrow(/before it was planned/);
  });

  it('remembers the failure reason and who confirmed', () => {
    expect(fold(aidDeliveryDecider, HISTORIES['FAILED from DISPATCHED'])).toMatchObject({
      status: 'FAILED',
      failureReason: 'INSECURITY',
      confirmedBy: null,
    });
    expect(fold(aidDeliveryDecider, HISTORIES.CONFIRMED)).toMatchObject({ status: 'CONFIRMED', confirmedBy: 'org-community-gao' });
  });
});
