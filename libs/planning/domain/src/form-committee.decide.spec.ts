import { specFor } from '@coord/kernel/testing';
import { committeeDecider } from './committee.decider';
import {
  GOVERNMENT,
  HISTORIES,
  HistoryName,
  MISSION,
  OCHA,
  WFP,
  chairAdmin,
  chairAgencyOfficer,
  chairObserver,
  form,
  formed,
  memberLiaison,
} from './testing/committee.fixtures';

const given = specFor(committeeDecider);

describe('FormCommittee', () => {
  it('is formed by a liaison officer of the chair organisation', () => {
    given([]).when(form()).then([formed()]);
  });

  it('may be formed by an admin of the chair organisation', () => {
    given([]).when(form({ actor: chairAdmin })).then([formed()]);
  });

  it('needs no location', () => {
    given([]).when(form({ adminCode: undefined })).then([formed({ adminCode: null })]);
    given([]).when(form({ adminCode: null })).then([formed({ adminCode: null })]);
  });

  it('lets a member organisation form a committee it chairs itself', () => {
    given([])
      .when(form({ actor: memberLiaison, chairId: WFP, memberIds: [WFP, OCHA] }))
      .then([formed({ chairId: WFP, memberIds: [WFP, OCHA] })]);
  });

  describe('who may form (a LIAISON_OFFICER or ADMIN, with its own organisation in the chair)', () => {
    it.each([
      ['an observer of the chair', chairObserver],
      ['an agency officer of the chair', chairAgencyOfficer],
    ])('refuses %s', (_, actor) => {
      given([]).when(form({ actor })).thenThrows('FORBIDDEN');
    });

    it('refuses a liaison officer putting another organisation in the chair', () => {
      given([]).when(form({ actor: memberLiaison })).thenThrows('FORBIDDEN');
    });
  });

  describe('the stream must be new', () => {
    it.each(Object.keys(HISTORIES) as HistoryName[])('refuses to form again once %s', (name) => {
      given(HISTORIES[name]).when(form()).thenThrows('CONFLICT', { reason: 'ALREADY_EXISTS' });
    });
  });

  describe('values', () => {
    it('refuses an empty name', () => {
      given([]).when(form({ name: '  ' })).thenThrows('BAD_USER_INPUT', { field: 'name' });
    });

    it('puts the chair among the members', () => {
      given([]).when(form({ memberIds: [OCHA, WFP] })).thenThrows('BAD_USER_INPUT', { field: 'memberIds', reason: 'CHAIR_NOT_MEMBER' });
    });

    it('needs at least one member besides the chair', () => {
      given([]).when(form({ memberIds: [MISSION] })).thenThrows('BAD_USER_INPUT', { field: 'memberIds' });
      given([]).when(form({ memberIds: [] })).thenThrows('BAD_USER_INPUT', { field: 'memberIds' });
    });

    it('refuses a member listed twice', () => {
      given([]).when(form({ memberIds: [MISSION, OCHA, OCHA] })).thenThrows('BAD_USER_INPUT', { field: 'memberIds[2]' });
    });

    it('refuses an empty member id', () => {
      given([]).when(form({ memberIds: [MISSION, '', GOVERNMENT] })).thenThrows('BAD_USER_INPUT', { field: 'memberIds[1]' });
    });

    it('refuses an empty location', () => {
      given([]).when(form({ adminCode: ' ' })).thenThrows('BAD_USER_INPUT', { field: 'adminCode' });
    });
  });
});
