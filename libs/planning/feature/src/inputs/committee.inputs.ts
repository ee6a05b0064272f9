import { z } from 'zod';
import { SECTORS } from '@coord/contracts';
import { inputs } from '@coord/runtime';

// Rules of DOMAIN.md (end after start, members only, no overlap) live in the domain's decide
// functions; these schemas check what the domain takes for granted: lengths, shapes and plausible
// magnitudes. The DateTime scalar has already turned times with offsets into Dates.
const EARLIEST = Date.parse('2000-01-01T00:00:00Z');
const LATEST = Date.parse('2101-01-01T00:00:00Z');
const LONGEST_SESSION_MS = 7 * 24 * 60 * 60 * 1000;

const instant = z.date().refine((value) => value.getTime() >= EARLIEST && value.getTime() < LATEST, {
  message: 'must be between 2000 and 2100',
});
const plausibleDate = z.string().refine((value) => value >= '2000-01-01' && value <= '2100-12-31', {
  message: 'must be between 2000-01-01 and 2100-12-31',
});
const ids = (max: number, what: string) => z.array(inputs.id()).max(max, `at most ${max} ${what}`);

// A "session" of more than a week is a typo in a date, not a meeting.
const plausibleLength = (slot: { startsAt: Date; endsAt: Date }) => slot.endsAt.getTime() - slot.startsAt.getTime() <= LONGEST_SESSION_MS;
const lengthIssue = { message: 'a session lasts at most 7 days', path: ['endsAt'] };

const onCommittee = { commandId: inputs.commandId(), committeeId: inputs.id(), expectedVersion: inputs.expectedVersion() };
const onSession = { ...onCommittee, sessionId: inputs.id() };

export const formCommitteeInput = z.object({
  commandId: inputs.commandId(),
  name: inputs.text(200),
  chairId: inputs.id(),
  memberIds: ids(100, 'members'),
  adminCode: inputs.pcode().nullish(),
});

export const scheduleSessionInput = z
  .object({
    ...onCommittee,
    startsAt: instant,
    endsAt: instant,
    venue: inputs.text(200),
    agenda: z.array(inputs.text(500)).max(50, 'at most 50 agenda items'),
    allowMemberClash: z.boolean().nullish(),
  })
  .refine(plausibleLength, lengthIssue);

export const rescheduleSessionInput = z
  .object({ ...onSession, startsAt: instant, endsAt: instant, allowMemberClash: z.boolean().nullish() })
  .refine(plausibleLength, lengthIssue);

export const cancelSessionInput = z.object({ ...onSession, reason: inputs.text(2000) });

export const recordAttendanceInput = z.object({ ...onSession, organizationIds: ids(100, 'organisations') });

export const recordDecisionInput = z.object({
  ...onSession,
  text: inputs.text(4000),
  actionItem: z
    .object({
      description: inputs.text(2000),
      responsibleId: inputs.id(),
      dueDate: plausibleDate,
      sector: z.enum(SECTORS).nullish(),
      adminCode: inputs.pcode().nullish(),
    })
    .nullish(),
});

export const concludeSessionInput = z.object(onSession);
