import { specFor } from '@coord/kernel/testing';
import type { Actor } from '@coord/kernel';
import { liaisonMeetingDecider } from './liaison-meeting.decider';
import {
  GOVERNMENT,
  HISTORIES,
  NGO,
  assigned,
  complete,
  completed,
  governmentCounterpart,
  liaisonOfficer,
  missionAdmin,
  ngoObserver,
} from './testing/liaison-meeting.fixtures';

const given = specFor(liaisonMeetingDecider);

describe('CompleteFollowUp', () => {
  it('is completed by its assignee organisation, with a note', () => {
    given(HISTORIES['HELD with a follow-up']).when(complete()).then([completed()]);
  });

  it('is completed without a note', () => {
    given(HISTORIES['HELD with a follow-up']).when(complete({ note: undefined })).then([completed({ note: null })]);
  });

  it.each<[string, Actor]>([
    ['a liaison officer', { userId: 'u1', organizationId: NGO, roles: ['LIAISON_OFFICER'] }],
    ['a government counterpart', { userId: 'u2', organizationId: NGO, roles: ['GOVERNMENT_COUNTERPART'] }],
    ['a community focal point', { userId: 'u3', organizationId: NGO, roles: ['COMMUNITY_FOCAL_POINT'] }],
  ])('is completed by %s of the assignee', (_, actor) => {
    given(HISTORIES['HELD with a follow-up']).when(complete({ actor })).then([completed()]);
  });

  describe('never by anyone but the assignee organisation', () => {
    it.each([
      ['the host’s liaison officer who assigned it', liaisonOfficer],
      ['another organisation', governmentCounterpart],
      ['an observer of the assignee', ngoObserver],
      ['an admin', { ...missionAdmin, organizationId: NGO }],
    ])('refuses %s', (_, actor) => {
      given(HISTORIES['HELD with a follow-up']).when(complete({ actor })).thenThrows('FORBIDDEN');
      given(HISTORIES['HELD with a completed follow-up']).when(complete({ actor })).thenThrows('FORBIDDEN');
    });
  });

  it('cannot complete at a meeting that does not exist', () => {
    given([]).when(complete()).thenThrows('NOT_FOUND', { field: 'meetingId' });
  });

  it('cannot complete a follow-up that was never assigned', () => {
    given(HISTORIES['HELD with a concern']).when(complete()).thenThrows('NOT_FOUND', { field: 'followUpId' });
    given(HISTORIES.CANCELLED).when(complete()).thenThrows('NOT_FOUND', { field: 'followUpId' });
  });

  it('completes a follow-up once', () => {
    given(HISTORIES['HELD with a completed follow-up']).when(complete()).thenThrows('INVALID_TRANSITION');
  });

  it('completes only its own follow-up: a second assignee’s stays open', () => {
    const second = 'f0110000-0000-4000-8000-000000000002';
    const history = [...HISTORIES['HELD with a follow-up'], assigned({ followUpId: second, assigneeId: GOVERNMENT })];
    given(history).when(complete({ actor: governmentCounterpart })).thenThrows('FORBIDDEN');
    given(history).when(complete({ actor: governmentCounterpart, followUpId: second })).then([completed({ followUpId: second })]);
  });
});
