import { specFor } from '@coord/kernel/testing';
import { aidDeliveryDecider } from './aid-delivery.decider';
import {
  COMMUNITY,
  GOVERNMENT,
  HISTORIES,
  MISSION,
  REACHED,
  agencyFocalPoint,
  agencyOfficer,
  communityFocalPoint,
  communityObserver,
  confirm,
  confirmed,
  corrected,
  governmentCounterpart,
  liaisonOfficer,
  missionAdmin,
  otherAgencyOfficer,
  partnerFocalPoint,
} from './testing/aid-delivery.fixtures';

const given = specFor(aidDeliveryDecider);

describe('ConfirmDelivery', () => {
  it.each([
    ['a community focal point', communityFocalPoint, COMMUNITY],
    ['a government counterpart', governmentCounterpart, GOVERNMENT],
    ['a liaison officer', liaisonOfficer, MISSION],
  ])('is confirmed by %s of another organisation', (_, actor, organizationId) => {
    given(HISTORIES.DELIVERED).when(confirm({ actor })).then([confirmed(organizationId)]);
  });

  describe('never by the organisations that delivered', () => {
    it.each([
      ['an agency officer of the delivering agency', agencyOfficer],
      ['a focal point of the delivering agency', agencyFocalPoint],
      ['a focal point of the implementing partner', partnerFocalPoint],
    ])('refuses %s', (_, actor) => {
      given(HISTORIES.DELIVERED).when(confirm({ actor })).thenThrows('FORBIDDEN');
    });
  });

  describe('only by a confirming role', () => {
    it.each([
      ['an agency officer of another agency', otherAgencyOfficer],
      ['an observer of the community', communityObserver],
      ['an admin', missionAdmin],
    ])('refuses %s', (_, actor) => {
      given(HISTORIES.DELIVERED).when(confirm({ actor })).thenThrows('FORBIDDEN');
    });
  });

  it('cannot confirm what does not exist', () => {
    given([]).when(confirm()).thenThrows('NOT_FOUND');
  });

  it('cannot confirm before delivery', () => {
    given(HISTORIES.DISPATCHED).when(confirm()).thenThrows('INVALID_TRANSITION');
  });

  it('cannot confirm a cancelled delivery', () => {
    given(HISTORIES['CANCELLED from DISPATCHED']).when(confirm()).thenThrows('INVALID_TRANSITION');
  });

  it('cannot confirm twice', () => {
    given(HISTORIES.CONFIRMED).when(confirm({ actor: governmentCounterpart })).thenThrows('INVALID_TRANSITION');
  });

  it('can confirm again once a correction withdrew the confirmation', () => {
    const reached = { ...REACHED, women: 150 };
    const withdrawn = corrected({ changes: { reached }, previous: { reached: REACHED }, confirmationWithdrawn: true });
    given([...HISTORIES.CONFIRMED, withdrawn]).when(confirm({ actor: governmentCounterpart })).then([confirmed(GOVERNMENT)]);
  });
});

