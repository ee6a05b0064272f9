import { specFor } from '@coord/kernel/testing';
import type { Sector } from '@coord/contracts';
import { aidDeliveryDecider } from './aid-delivery.decider';
import {
  AGENCY,
  HISTORIES,
  HistoryName,
  OTHER_AGENCY,
  agencyObserver,
  communityFocalPoint,
  governmentCounterpart,
  missionAdmin,
  otherAgencyOfficer,
  plan,
  planned,
} from './testing/aid-delivery.fixtures';

const given = specFor(aidDeliveryDecider);

describe('PlanDelivery', () => {
  it('plans a new delivery for the officer’s own agency', () => {
    given([]).when(plan()).then([planned()]);
  });

  it('plans without an implementing partner', () => {
    given([]).when(plan({ implementingPartnerId: undefined })).then([planned({ implementingPartnerId: null })]);
    given([]).when(plan({ implementingPartnerId: null })).then([planned({ implementingPartnerId: null })]);
  });

  it('accepts zero targeted beneficiaries (a logistics delivery)', () => {
    given([]).when(plan({ targetedBeneficiaries: 0 })).then([planned({ targetedBeneficiaries: 0 })]);
  });

  it('keeps strings as given: trimming is the input layer’s job', () => {
    const items = [{ commodity: ' Sorghum ', quantity: 1, unit: 'MT ' }];
    given([]).when(plan({ items })).then([planned({ items })]);
  });

  describe('who may plan (only an AGENCY_OFFICER, for its own organisation)', () => {
    it.each([
      ['an observer of the agency', agencyObserver],
      ['a community focal point', communityFocalPoint],
      ['a government counterpart', governmentCounterpart],
      ['an admin', missionAdmin],
    ])('refuses %s', (_, actor) => {
      given([]).when(plan({ actor, agencyId: actor.organizationId })).thenThrows('FORBIDDEN');
    });

    it('refuses an agency officer planning for another organisation', () => {
      given([]).when(plan({ actor: otherAgencyOfficer, agencyId: AGENCY })).thenThrows('FORBIDDEN');
    });

    it('lets another agency plan its own delivery', () => {
      given([])
        .when(plan({ actor: otherAgencyOfficer, agencyId: OTHER_AGENCY }))
        .then([planned({ agencyId: OTHER_AGENCY })]);
    });
  });

  describe('the stream must be new', () => {
    it.each(Object.keys(HISTORIES) as HistoryName[])('refuses to plan again once %s', (state) => {
      given(HISTORIES[state]).when(plan()).thenThrows('CONFLICT', { reason: 'ALREADY_EXISTS' });
    });

    it('answers an outsider FORBIDDEN even when the id is taken', () => {
      given(HISTORIES.PLANNED).when(plan({ actor: otherAgencyOfficer })).thenThrows('FORBIDDEN');
    });
  });

  describe('values', () => {
    it('needs at least one item', () => {
      given([]).when(plan({ items: [] })).thenThrows('BAD_USER_INPUT', { field: 'items' });
    });

    it.each([0, -3, Number.NaN, Number.POSITIVE_INFINITY])('refuses a quantity of %s', (quantity) => {
      const items = [{ commodity: 'Sorghum', quantity: 1, unit: 'MT' }, { commodity: 'Oil', quantity, unit: 'L' }];
      given([]).when(plan({ items })).thenThrows('BAD_USER_INPUT', { field: 'items[1].quantity' });
    });

    it('accepts a fractional quantity', () => {
      const items = [{ commodity: 'Sorghum', quantity: 0.25, unit: 'MT' }];
      given([]).when(plan({ items })).then([planned({ items })]);
    });

    it.each([
      ['commodity', { commodity: '', quantity: 1, unit: 'MT' }],
      ['unit', { commodity: 'Sorghum', quantity: 1, unit: '  ' }],
    ])('refuses an empty %s', (part, item) => {
      given([]).when(plan({ items: [item] })).thenThrows('BAD_USER_INPUT', { field: `items[0].${part}` });
    });

    it.each([-1, 2.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s targeted beneficiaries', (targetedBeneficiaries) => {
      given([]).when(plan({ targetedBeneficiaries })).thenThrows('BAD_USER_INPUT', { field: 'targetedBeneficiaries' });
    });

    it('refuses the agency as its own implementing partner', () => {
      given([]).when(plan({ implementingPartnerId: AGENCY })).thenThrows('BAD_USER_INPUT', { field: 'implementingPartnerId' });
    });

    it('refuses an empty implementing partner id', () => {
      given([]).when(plan({ implementingPartnerId: '' })).thenThrows('BAD_USER_INPUT', { field: 'implementingPartnerId' });
    });

    it('refuses an unknown sector', () => {
      given([]).when(plan({ sector: 'COOKING' as Sector })).thenThrows('BAD_USER_INPUT', { field: 'sector' });
    });

    it.each(['2026-02-30', '10/03/2026', '2026-3-1', ''])('refuses the planned date %p', (plannedDate) => {
      given([]).when(plan({ plannedDate })).thenThrows('BAD_USER_INPUT', { field: 'plannedDate' });
    });

    it('refuses an empty destination', () => {
      given([]).when(plan({ destination: '' })).thenThrows('BAD_USER_INPUT', { field: 'adminCode' });
    });
  });
});
