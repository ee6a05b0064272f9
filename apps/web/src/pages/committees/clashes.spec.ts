import { describe, expect, it } from '@jest/globals';
import { findClashes } from './clashes';

describe('findClashes', () => {
  const committees = [
    { id: 'gao', members: [{ id: 'minusma' }, { id: 'wfp' }, { id: 'gov' }] },
    { id: 'ansongo', members: [{ id: 'wfp' }, { id: 'amss' }] },
    { id: 'kayes', members: [{ id: 'unicef' }] },
  ];
  const session = (id: string, committeeId: string, startsAt: string, endsAt: string, status = 'SCHEDULED') => ({ id, committeeId, startsAt, endsAt, status });

  it('flags both sessions of two committees that overlap and share a member, with the members shared', () => {
    const clashes = findClashes(committees, [
      session('a', 'gao', '2026-11-23T09:00:00Z', '2026-11-23T12:00:00Z'),
      session('b', 'ansongo', '2026-11-23T11:00:00Z', '2026-11-23T13:00:00Z'),
      session('c', 'kayes', '2026-11-23T09:00:00Z', '2026-11-23T12:00:00Z'),
    ]);
    expect(clashes.get('a')).toEqual([{ sessionId: 'b', committeeId: 'ansongo', memberIds: ['wfp'] }]);
    expect(clashes.get('b')).toEqual([{ sessionId: 'a', committeeId: 'gao', memberIds: ['wfp'] }]);
    expect(clashes.has('c')).toBe(false);
  });

  it('sees no clash between back-to-back sessions, with a cancelled session, or within one committee', () => {
    const clashes = findClashes(committees, [
      session('a', 'gao', '2026-11-23T09:00:00Z', '2026-11-23T10:00:00Z'),
      session('b', 'ansongo', '2026-11-23T10:00:00Z', '2026-11-23T11:00:00Z'),
      session('c', 'ansongo', '2026-11-23T09:30:00Z', '2026-11-23T09:45:00Z', 'CANCELLED'),
      session('d', 'gao', '2026-11-23T09:30:00Z', '2026-11-23T09:45:00Z'),
    ]);
    expect(clashes.size).toBe(0);
  });

  it('finds a clash with a long session that an earlier-ending one sits between', () => {
    const clashes = findClashes(committees, [
      session('long', 'gao', '2026-11-23T08:00:00Z', '2026-11-23T18:00:00Z'),
      session('short', 'gao', '2026-11-24T08:00:00Z', '2026-11-24T09:00:00Z'),
      session('late', 'ansongo', '2026-11-23T17:00:00Z', '2026-11-23T19:00:00Z'),
    ]);
    expect(clashes.get('late')?.map((clash) => clash.sessionId)).toEqual(['long']);
  });
});
