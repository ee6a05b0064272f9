import { fold } from '@coord/kernel';
import { specFor } from '@coord/kernel/testing';
import type { DeliveryItem } from '@coord/contracts';
import type { CorrectDelivery } from './aid-delivery.commands';
import { aidDeliveryDecider } from './aid-delivery.decider';
import {
  DELIVERED_ITEMS,
  HISTORIES,
  HistoryName,
  ITEMS,
  REACHED,
  correct,
  corrected,
  partnerOfficer,
} from './testing/aid-delivery.fixtures';

const given = specFor(aidDeliveryDecider);

const NEW_ITEMS: DeliveryItem[] = [{ commodity: 'Sorghum', quantity: 10, unit: 'MT' }];
const NEW_REACHED = { ...REACHED, girls: REACHED.girls + 10 };
const NEW_DELIVERED: DeliveryItem[] = [{ commodity: 'Sorghum', quantity: 11, unit: 'MT' }];

describe('CorrectDelivery', () => {
  describe('planned facts (items, targeted beneficiaries, destination) in any state but CANCELLED', () => {
    it.each(['PLANNED', 'DISPATCHED', 'DELIVERED', 'CONFIRMED', 'FAILED from PLANNED', 'FAILED from DISPATCHED'] as const)(
      'corrects them once %s, keeping the previous values and any confirmation',
      (state) => {
        given(HISTORIES[state])
          .when(correct({ items: NEW_ITEMS, targetedBeneficiaries: 620, destination: 'ML070102' }))
          .then([
            corrected({
              changes: { items: NEW_ITEMS, targetedBeneficiaries: 620, destination: 'ML070102' },
              previous: { items: ITEMS, targetedBeneficiaries: 500, destination: 'ML070101' },
            }),
          ]);
      },
    );

    it.each(['CANCELLED from PLANNED', 'CANCELLED from DISPATCHED'] as const)('cannot correct once %s', (state) => {
      given(HISTORIES[state]).when(correct({ targetedBeneficiaries: 620 })).thenThrows('INVALID_TRANSITION');
    });

    it('applies them and keeps the status', () => {
      const state = fold(aidDeliveryDecider, [
        ...HISTORIES.CONFIRMED,
        corrected({ changes: { destination: 'ML070102' }, previous: { destination: 'ML070101' } }),
      ]);
      expect(state).toMatchObject({ status: 'CONFIRMED', destination: 'ML070102', confirmedBy: 'org-community-gao' });
    });
  });

  describe('delivered facts (reached, delivered items) only once DELIVERED or CONFIRMED', () => {
    it('corrects them on a delivered delivery', () => {
      given(HISTORIES.DELIVERED)
        .when(correct({ reached: NEW_REACHED, deliveredItems: NEW_DELIVERED }))
        .then([
          corrected({
            changes: { deliveredItems: NEW_DELIVERED, reached: NEW_REACHED },
            previous: { deliveredItems: DELIVERED_ITEMS, reached: REACHED },
          }),
        ]);
    });

    it('withdraws the confirmation of a confirmed delivery, which needs confirming again', () => {
      given(HISTORIES.CONFIRMED)
        .when(correct({ reached: NEW_REACHED }))
        .then([corrected({ changes: { reached: NEW_REACHED }, previous: { reached: REACHED }, confirmationWithdrawn: true })]);

      const state = fold(aidDeliveryDecider, [
        ...HISTORIES.CONFIRMED,
        corrected({ changes: { reached: NEW_REACHED }, previous: { reached: REACHED }, confirmationWithdrawn: true }),
      ]);
      expect(state).toMatchObject({ status: 'DELIVERED', reached: NEW_REACHED, confirmedBy: null });
    });

    it.each(['PLANNED', 'DISPATCHED', 'FAILED from DISPATCHED', 'CANCELLED from DISPATCHED'] as const)(
      'cannot correct them once %s: nothing was delivered',
      (state: HistoryName) => {
        given(HISTORIES[state]).when(correct({ reached: NEW_REACHED })).thenThrows('INVALID_TRANSITION');
        given(HISTORIES[state]).when(correct({ deliveredItems: NEW_DELIVERED })).thenThrows('INVALID_TRANSITION');
      },
    );
  });

  it('keeps the original in the history: each correction names what it replaced', () => {
    const first = corrected({ changes: { targetedBeneficiaries: 620 }, previous: { targetedBeneficiaries: 500 } });
    given([...HISTORIES.PLANNED, first])
      .when(correct({ targetedBeneficiaries: 640 }))
      .then([corrected({ changes: { targetedBeneficiaries: 640 }, previous: { targetedBeneficiaries: 620 } })]);
  });

  it('takes null for "unchanged", as GraphQL sends an omitted input field', () => {
    const command = { ...correct({ targetedBeneficiaries: 620 }), items: null, reached: null } as unknown as CorrectDelivery;
    given(HISTORIES.PLANNED)
      .when(command)
      .then([corrected({ changes: { targetedBeneficiaries: 620 }, previous: { targetedBeneficiaries: 500 } })]);
  });

  describe('a reason and a real change', () => {
    it.each(['', ' \t'])('refuses the empty reason %p', (reason) => {
      given(HISTORIES.PLANNED).when(correct({ reason, targetedBeneficiaries: 620 })).thenThrows('BAD_USER_INPUT', {
        field: 'reason',
      });
    });

    it('refuses a correction that changes nothing', () => {
      given(HISTORIES.DELIVERED).when(correct()).thenThrows('BAD_USER_INPUT', { reason: 'NO_CHANGES' });
    });

    it.each<[string, Partial<CorrectDelivery>]>([
      ['targetedBeneficiaries', { targetedBeneficiaries: 500 }],
      ['adminCode', { destination: 'ML070101' }],
      ['items', { items: ITEMS }],
      ['items', { items: [...ITEMS].reverse() }],
      ['deliveredItems', { deliveredItems: DELIVERED_ITEMS }],
      ['reached', { reached: { ...REACHED } }],
      ['targetedBeneficiaries', { reached: NEW_REACHED, targetedBeneficiaries: 500 }],
    ])('refuses an unchanged %s', (field, change) => {
      given(HISTORIES.DELIVERED).when(correct(change)).thenThrows('BAD_USER_INPUT', { field, reason: 'UNCHANGED' });
    });
  });

  describe('the same value rules as planning and recording', () => {
    it.each<[string, Partial<CorrectDelivery>]>([
      ['items', { items: [] }],
      ['items[0].quantity', { items: [{ commodity: 'Sorghum', quantity: 0, unit: 'MT' }] }],
      ['items[0].unit', { items: [{ commodity: 'Sorghum', quantity: 1, unit: '' }] }],
      ['deliveredItems', { deliveredItems: [] }],
      ['deliveredItems[1].quantity', { deliveredItems: [NEW_DELIVERED[0], { commodity: 'Oil', quantity: -2, unit: 'L' }] }],
      ['reached.boys', { reached: { ...REACHED, boys: -1 } }],
      ['reached.women', { reached: { ...REACHED, women: 3.5 } }],
      ['targetedBeneficiaries', { targetedBeneficiaries: -5 }],
      ['targetedBeneficiaries', { targetedBeneficiaries: 12.5 }],
      ['adminCode', { destination: '' }],
    ])('refuses a bad %s', (field, change) => {
      given(HISTORIES.DELIVERED).when(correct(change)).thenThrows('BAD_USER_INPUT', { field });
    });
  });

  it('is refused to the implementing partner', () => {
    given(HISTORIES.DELIVERED).when(correct({ actor: partnerOfficer, reached: NEW_REACHED })).thenThrows('FORBIDDEN');
  });

  it('cannot correct what does not exist', () => {
    given([]).when(correct({ targetedBeneficiaries: 620 })).thenThrows('NOT_FOUND');
  });
});
