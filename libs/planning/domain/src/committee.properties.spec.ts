import fc from 'fast-check';
import { fold, isDomainError, type Actor } from '@coord/kernel';
import type { CommitteeEvent } from '@coord/contracts';
import type { BookedSession, CommitteeCommand } from './committee.commands';
import { committeeDecider } from './committee.decider';
import type { CommitteeState, Session } from './committee.state';
import { overlaps } from './session-clashes.rules';
import {
  COMMITTEE_ID,
  GOVERNMENT,
  MEMBERS,
  NGO,
  OCHA,
  OTHER_COMMITTEE_ID,
  UNICEF,
  WFP,
  chairAdmin,
  chairLiaison,
  chairObserver,
  form,
  memberLiaison,
  outsiderLiaison,
} from './testing/committee.fixtures';

/*
 * Random command sequences against one committee stream. Slots sit on a coarse grid of one day so
 * that sessions collide often; three clocks put sessions before, during and after `at`, so moving,
 * cancelling and recording are all sometimes legal. Rejected commands are dropped, as the command
 * path would.
 */
const SESSION_IDS = ['s1', 's2', 's3', 's4'];
const DAY = '2026-03-10';
const instant = (hour: number) => new Date(`${DAY}T${String(hour).padStart(2, '0')}:00:00.000Z`);
const CLOCKS = [new Date('2026-03-02T09:30:00.000Z'), new Date(`${DAY}T11:30:00.000Z`), new Date('2026-03-12T00:00:00.000Z')];

const actorArb: fc.Arbitrary<Actor> = fc.oneof(
  { weight: 12, arbitrary: fc.constant(chairLiaison) },
  { weight: 1, arbitrary: fc.constantFrom(chairAdmin, chairObserver, memberLiaison, outsiderLiaison) },
);
const slotArb = fc
  .record({ start: fc.integer({ min: 6, max: 18 }), length: fc.oneof({ weight: 12, arbitrary: fc.integer({ min: 1, max: 3 }) }, { weight: 1, arbitrary: fc.constantFrom(0, -1) }) })
  .map(({ start, length }) => ({ startsAt: instant(start), endsAt: instant(start + length) }));
const bookedArb: fc.Arbitrary<BookedSession> = fc
  .record({
    slot: slotArb,
    memberIds: fc.subarray([WFP, UNICEF, NGO, GOVERNMENT], { minLength: 1 }),
    committeeId: fc.constantFrom(OTHER_COMMITTEE_ID, OTHER_COMMITTEE_ID, COMMITTEE_ID),
  })
  .map(({ slot, memberIds, committeeId }) => ({
    committeeId,
    sessionId: `elsewhere-${slot.startsAt.getUTCHours()}`,
    startsAt: slot.startsAt.toISOString(),
    endsAt: slot.endsAt.toISOString(),
    memberIds,
  }));
const common = fc.record({ actor: actorArb, at: fc.constantFrom(...CLOCKS), sessionId: fc.constantFrom(...SESSION_IDS) });
const slotRequest = fc.record({
  slot: slotArb,
  allowMemberClash: fc.boolean(),
  bookedElsewhere: fc.array(bookedArb, { maxLength: 2 }),
});
const base = { committeeId: COMMITTEE_ID };

const commandArb: fc.Arbitrary<CommitteeCommand> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.tuple(common, slotRequest).map(([c, s]) => ({
      ...base,
      ...c,
      type: 'ScheduleSession' as const,
      ...s.slot,
      allowMemberClash: s.allowMemberClash,
      bookedElsewhere: s.bookedElsewhere,
      venue: 'Gao',
      agenda: ['Accès'],
    })),
  },
  {
    weight: 4,
    arbitrary: fc.tuple(common, slotRequest).map(([c, s]) => ({
      ...base,
      ...c,
      type: 'RescheduleSession' as const,
      ...s.slot,
      allowMemberClash: s.allowMemberClash,
      bookedElsewhere: s.bookedElsewhere,
    })),
  },
  { weight: 1, arbitrary: common.map((c) => ({ ...base, ...c, type: 'CancelSession' as const, reason: 'Road closed' })) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(common, fc.subarray([...MEMBERS, NGO], { minLength: 1 }))
      .map(([c, organizationIds]) => ({ ...base, ...c, type: 'RecordAttendance' as const, organizationIds })),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(common, fc.uuid(), fc.constantFrom(WFP, OCHA, NGO)).map(([c, decisionId, responsibleId]) => ({
      ...base,
      ...c,
      type: 'RecordDecision' as const,
      decisionId,
      text: 'Decided',
      actionItem: { description: 'Act', responsibleId, dueDate: '2026-04-01', sector: null, adminCode: null },
    })),
  },
  { weight: 1, arbitrary: common.map((c) => ({ ...base, ...c, type: 'ConcludeSession' as const })) },
);
// Most runs open with a legal formation, so that the rest of the sequence has a committee to work on.
const commandsArb = fc
  .tuple(fc.option(fc.constant(form()), { freq: 8 }), fc.array(commandArb, { minLength: 1, maxLength: 40, size: 'max' }))
  .map(([opening, rest]) => (opening ? [opening, ...rest] : rest));

interface Step {
  readonly before: CommitteeState;
  readonly event: CommitteeEvent;
  readonly after: CommitteeState;
  readonly command: CommitteeCommand;
}

const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    Object.values(value).forEach(deepFreeze);
  }
  return value;
};

const run = (commands: readonly CommitteeCommand[], rejections?: Map<string, number>) => {
  const accepted: CommitteeEvent[] = [];
  const steps: Step[] = [];
  let state = committeeDecider.initialState();
  for (const command of commands) {
    let events: readonly CommitteeEvent[];
    try {
      events = committeeDecider.decide(command, state);
    } catch (error) {
      // Any other error would reach the client as INTERNAL: every rejection must be a DomainError.
      if (!isDomainError(error)) throw error;
      const key = error.details.reason ?? error.code;
      rejections?.set(key, (rejections.get(key) ?? 0) + 1);
      continue;
    }
    for (const event of events) {
      // Frozen so that an evolve or decide that mutates what it was given fails loudly.
      deepFreeze(event);
      const after = deepFreeze(committeeDecider.evolve(state, event));
      steps.push({ before: state, event, after, command });
      accepted.push(event);
      state = after;
    }
  }
  return { accepted, steps, state };
};

const sessionsOf = (state: CommitteeState): readonly Session[] => (state.status === 'None' ? [] : state.sessions);
const RUNS = { numRuns: 1000 };

describe('committee properties', () => {
  it('(a) no accepted sequence ever yields two overlapping non-cancelled sessions in one committee', () => {
    const rejections = new Map<string, number>();
    const seen = new Set<string>();
    fc.assert(
      fc.property(commandsArb, (commands) => {
        const { steps } = run(commands, rejections);
        for (const { after, event } of steps) {
          seen.add(event.type);
          const live = sessionsOf(after).filter((session) => session.status !== 'CANCELLED');
          live.forEach((session, index) => {
            for (const other of live.slice(index + 1)) expect(overlaps(session, other)).toBe(false);
          });
        }
      }),
      RUNS,
    );
    // Guards the generator: a property that never meets a collision or a move would prove little.
    expect(rejections.get('SESSION_OVERLAP')).toBeGreaterThan(0);
    expect(rejections.get('MEMBER_DOUBLE_BOOKED')).toBeGreaterThan(0);
    expect([...seen].sort()).toEqual(
      ['AttendanceRecorded', 'CommitteeFormed', 'DecisionRecorded', 'SessionCancelled', 'SessionConcluded', 'SessionRescheduled', 'SessionScheduled'],
    );
  });

  it('(b) folding the accepted events from scratch, twice and after a JSON round trip, gives the same state', () => {
    fc.assert(
      fc.property(commandsArb, (commands) => {
        const { accepted, state } = run(commands);
        const stored = JSON.parse(JSON.stringify(accepted)) as CommitteeEvent[];
        expect(fold(committeeDecider, accepted)).toEqual(state);
        expect(fold(committeeDecider, stored)).toEqual(state);
      }),
      RUNS,
    );
  });

  it('(c) nothing happens to a closed session, moves come before it starts and minutes after', () => {
    fc.assert(
      fc.property(commandsArb, (commands) => {
        for (const { before, event, command } of run(commands).steps) {
          if (event.type === 'CommitteeFormed' || event.type === 'SessionScheduled') continue;
          const session = sessionsOf(before).find((candidate) => candidate.sessionId === event.data.sessionId);
          expect(session?.status).toBe('SCHEDULED');
          const started = Date.parse(session!.startsAt) <= command.at.getTime();
          expect(started).toBe(!['SessionRescheduled', 'SessionCancelled'].includes(event.type));
        }
      }),
      RUNS,
    );
  });

  it('(d) only the chair’s liaison officers act, only members attend or answer for actions', () => {
    fc.assert(
      fc.property(commandsArb, (commands) => {
        for (const { event, command, after } of run(commands).steps) {
          if (event.type === 'CommitteeFormed') continue;
          expect(command.actor).toBe(chairLiaison);
          const members = after.status === 'None' ? [] : after.memberIds;
          if (event.type === 'AttendanceRecorded') for (const id of event.data.organizationIds) expect(members).toContain(id);
          if (event.type === 'DecisionRecorded' && event.data.actionItem) expect(members).toContain(event.data.actionItem.responsibleId);
        }
      }),
      RUNS,
    );
  });

  it('(e) a member is double-booked across committees only when forced, and the event says with whom', () => {
    fc.assert(
      fc.property(commandsArb, (commands) => {
        for (const { event, command } of run(commands).steps) {
          if (event.type !== 'SessionScheduled' && event.type !== 'SessionRescheduled') continue;
          if (command.type !== 'ScheduleSession' && command.type !== 'RescheduleSession') continue;
          const clashing = command.bookedElsewhere.filter(
            (booked) =>
              booked.committeeId !== COMMITTEE_ID &&
              booked.memberIds.some((id) => (MEMBERS as readonly string[]).includes(id)) &&
              overlaps(booked, event.data),
          );
          expect(event.data.memberClashes.map((clash) => clash.sessionId)).toEqual(clashing.map((booked) => booked.sessionId));
          if (clashing.length > 0) expect(event.data.allowMemberClash).toBe(true);
          // A clash names only organisations that really sit in both committees.
          for (const clash of event.data.memberClashes) {
            for (const id of clash.memberIds) expect(MEMBERS).toContain(id);
          }
        }
      }),
      RUNS,
    );
  });
});
