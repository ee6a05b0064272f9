import { specFor } from '@coord/kernel/testing';
import { aidDeliveryDecider } from './aid-delivery.decider';
import { AT, DELIVERY_ID, HISTORIES, REACHED, partnerOfficer, record, recorded } from './testing/aid-delivery.fixtures';

const given = specFor(aidDeliveryDecider);

describe('RecordDelivery', () => {
  it('records delivered quantities and people reached on a dispatched delivery', () => {
    given(HISTORIES.DISPATCHED).when(record()).then([recorded()]);
  });

  it('accepts nobody reached in a group', () => {
    const reached = { women: 0, men: 0, girls: 0, boys: 0 };
    const deliveredItems = [{ commodity: 'Tarpaulin', quantity: 3, unit: 'pcs' }];
    given(HISTORIES.DISPATCHED)
      .when(record({ reached, deliveredItems }))
      .then([{ type: 'DeliveryRecorded', data: { deliveryId: DELIVERY_ID, deliveredItems, reached, deliveredAt: AT.toISOString() } }]);
  });

  it('cannot record without a dispatch', () => {
    given(HISTORIES.PLANNED).when(record()).thenThrows('INVALID_TRANSITION');
  });

  it('cannot record twice', () => {
    given(HISTORIES.DELIVERED).when(record()).thenThrows('INVALID_TRANSITION');
  });

  it('is refused to the implementing partner, who works for the agency but does not own its records', () => {
    given(HISTORIES.DISPATCHED).when(record({ actor: partnerOfficer })).thenThrows('FORBIDDEN');
  });

  it('needs at least one delivered item', () => {
    given(HISTORIES.DISPATCHED).when(record({ deliveredItems: [] })).thenThrows('BAD_USER_INPUT', { field: 'deliveredItems' });
  });

  it.each([0, -1, Number.NaN])('refuses a delivered quantity of %s', (quantity) => {
    given(HISTORIES.DISPATCHED)
      .when(record({ deliveredItems: [{ commodity: 'Sorghum', quantity, unit: 'MT' }] }))
      .thenThrows('BAD_USER_INPUT', { field: 'deliveredItems[0].quantity' });
  });

  it.each([
    ['women', -1],
    ['men', 1.5],
    ['girls', Number.NaN],
    ['boys', Number.POSITIVE_INFINITY],
  ] as const)('refuses reached.%s = %s', (group, count) => {
    given(HISTORIES.DISPATCHED)
      .when(record({ reached: { ...REACHED, [group]: count } }))
      .thenThrows('BAD_USER_INPUT', { field: `reached.${group}` });
  });
});
