import { mayReadConcernText } from './concern-visibility.rules';

describe('who reads a concern’s text', () => {
  const sensitive = { hostId: 'org-mission', sensitive: true, assigneeIds: ['org-ngo'] };

  it('given a concern that is not sensitive, everyone reads it', () => {
    expect(mayReadConcernText({ ...sensitive, sensitive: false }, 'org-outsider')).toBe(true);
  });

  it('given a sensitive concern, the host reads it', () => {
    expect(mayReadConcernText(sensitive, 'org-mission')).toBe(true);
  });

  it('given a sensitive concern, an organisation assigned a follow-up on it reads it', () => {
    expect(mayReadConcernText(sensitive, 'org-ngo')).toBe(true);
  });

  it('given a sensitive concern, every other organisation does not', () => {
    expect(mayReadConcernText(sensitive, 'org-outsider')).toBe(false);
    expect(mayReadConcernText({ ...sensitive, assigneeIds: [] }, 'org-ngo')).toBe(false);
  });
});
