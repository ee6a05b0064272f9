import type { Actor } from '@coord/kernel';
import type { ConcernView } from '@coord/read-model';
import type { RequestContext } from '@coord/runtime';
import { ConcernResolver } from './concern.resolver';

const concern: ConcernView = {
  id: 'c-1',
  meetingId: 'LiaisonMeeting-1',
  hostId: 'org-mission',
  sector: 'PROTECTION',
  severity: 'CRITICAL',
  locationPcode: 'ML0701',
  text: 'Armed men near the well',
  sensitive: true,
  raisedAt: '2026-03-02T11:05:00.000Z',
  followUps: [
    { id: 'f-1', meetingId: 'LiaisonMeeting-1', concernId: 'c-1', assigneeId: 'org-ngo', dueDate: '2026-03-16', done: false, note: null, completedAt: null },
  ],
};
const as = (organizationId: string): RequestContext =>
  ({ actor: { userId: 'u', organizationId, roles: ['OBSERVER'] } as Actor, authError: null, minPosition: null }) as unknown as RequestContext;

describe('Concern.text, per reader', () => {
  const resolver = new ConcernResolver();

  it('given a sensitive concern, shows it to the host and to an assignee of a follow-up on it', () => {
    expect(resolver.text(concern, as('org-mission'))).toBe('Armed men near the well');
    expect(resolver.text(concern, as('org-ngo'))).toBe('Armed men near the well');
  });

  it('given a sensitive concern, answers null to everyone else', () => {
    expect(resolver.text(concern, as('org-unicef'))).toBeNull();
  });

  it('given a concern that is not sensitive, shows it to everyone', () => {
    expect(resolver.text({ ...concern, sensitive: false }, as('org-unicef'))).toBe('Armed men near the well');
  });

  it('given no reader, refuses', () => {
    expect(() => resolver.text(concern, { actor: null, authError: null } as unknown as RequestContext)).toThrow(/bearer token/);
  });
});
