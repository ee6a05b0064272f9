import { z } from 'zod';
import { SECTORS, SEVERITIES } from '@coord/contracts';
import { inputs } from '@coord/runtime';

// Rules of DOMAIN.md and the issue (counts ≥ 0, due date not before the meeting, at least one
// stakeholder) live in the domain's decide functions; these schemas check what the domain takes for
// granted: lengths, shapes and plausible magnitudes.
const plausibleInstant = z
  .date()
  .refine((value) => value >= new Date('2000-01-01T00:00:00Z') && value < new Date('2101-01-01T00:00:00Z'), {
    message: 'must be between 2000 and 2100',
  });
const plausibleDate = z.string().refine((value) => value >= '2000-01-01' && value <= '2100-12-31', {
  message: 'must be between 2000-01-01 and 2100-12-31',
});
const headCount = z.number().int().max(1_000_000, 'is implausibly large');
const stakeholder = z.object({ name: inputs.text(200), group: inputs.text(100) });

const onMeeting = { commandId: inputs.commandId(), meetingId: inputs.id(), expectedVersion: inputs.expectedVersion() };

export const scheduleLiaisonMeetingInput = z.object({
  commandId: inputs.commandId(),
  title: inputs.text(200),
  adminCode: inputs.pcode(),
  startsAt: plausibleInstant,
  stakeholders: z.array(stakeholder).max(100, 'at most 100 stakeholders per meeting'),
});

export const recordMeetingHeldInput = z.object({
  ...onMeeting,
  attendanceWomen: headCount,
  attendanceMen: headCount,
  attendanceYouth: headCount.nullish(),
});

export const raiseConcernInput = z.object({
  ...onMeeting,
  sector: z.enum(SECTORS),
  severity: z.enum(SEVERITIES),
  adminCode: inputs.pcode(),
  text: inputs.text(4000),
  sensitive: z.boolean().nullish(),
});

export const assignFollowUpInput = z.object({
  ...onMeeting,
  concernId: inputs.id(),
  assigneeId: inputs.id(),
  dueDate: plausibleDate,
});

export const completeFollowUpInput = z.object({ ...onMeeting, followUpId: inputs.id(), note: inputs.optionalText(2000) });

export const cancelLiaisonMeetingInput = z.object({ ...onMeeting, reason: inputs.text(2000) });
