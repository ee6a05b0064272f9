import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { COMMITTEE_STREAM } from '@coord/contracts';
import { Actor, newId, newStreamId, notFound } from '@coord/kernel';
import { PlanningQueries, ReferenceChecks } from '@coord/read-model';
import { CommandExecutor, parseInput, RequestContext, requireActor } from '@coord/runtime';
import { BookedSession, CommitteeCommand, committeeDecider } from '@coord/planning-domain';
import {
  cancelSessionInput,
  concludeSessionInput,
  formCommitteeInput,
  recordAttendanceInput,
  recordDecisionInput,
  rescheduleSessionInput,
  scheduleSessionInput,
} from '../inputs/committee.inputs';

type WithoutBase<C> = C extends unknown ? Omit<C, 'committeeId' | 'actor' | 'at'> : never;

/**
 * Every joint-planning mutation of the outline: validate, check references (ReferenceChecks),
 * make the ids decide may not make, run the committee decider. A session command answers
 * the session's id, a decision the decision's, and every version is the committee stream's.
 */
@Resolver()
export class CommitteeCommandsResolver {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly references: ReferenceChecks,
    private readonly planning: PlanningQueries,
  ) {}

  @Mutation('formCommittee')
  async formCommittee(@Args('input') raw: unknown, @Context() context: RequestContext) {
    const actor = requireActor(context);
    const input = parseInput(formCommitteeInput, raw);
    await this.references.requireOrganization(input.chairId, 'chairId');
    await this.references.requireOrganizations(input.memberIds, 'memberIds');
    if (input.adminCode) await this.references.requireLocation(input.adminCode, 'adminCode');
    return this.run(newStreamId(COMMITTEE_STREAM), actor, input, {
      type: 'FormCommittee',
      name: input.name,
      chairId: input.chairId,
      memberIds: input.memberIds,
      adminCode: input.adminCode ?? null,
    });
  }

  @Mutation('scheduleSession')
  async scheduleSession(@Args('input') raw: unknown, @Context() context: RequestContext) {
    const actor = requireActor(context);
    const input = parseInput(scheduleSessionInput, raw);
    const sessionId = newId();
    return this.run(
      input.committeeId,
      actor,
      input,
      {
        type: 'ScheduleSession',
        sessionId,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        venue: input.venue,
        agenda: input.agenda,
        allowMemberClash: input.allowMemberClash ?? false,
        bookedElsewhere: await this.bookedElsewhere(input.startsAt, input.endsAt, input.committeeId),
      },
      sessionId,
    );
  }

  @Mutation('rescheduleSession')
  async rescheduleSession(@Args('input') raw: unknown, @Context() context: RequestContext) {
    const actor = requireActor(context);
    const input = parseInput(rescheduleSessionInput, raw);
    return this.run(
      input.committeeId,
      actor,
      input,
      {
        type: 'RescheduleSession',
        sessionId: input.sessionId,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        allowMemberClash: input.allowMemberClash ?? false,
        bookedElsewhere: await this.bookedElsewhere(input.startsAt, input.endsAt, input.committeeId),
      },
      input.sessionId,
    );
  }

  @Mutation('cancelSession')
  cancelSession(@Args('input') raw: unknown, @Context() context: RequestContext) {
    const input = parseInput(cancelSessionInput, raw);
    return this.run(
      input.committeeId,
      requireActor(context),
      input,
      { type: 'CancelSession', sessionId: input.sessionId, reason: input.reason },
      input.sessionId,
    );
  }

  @Mutation('recordAttendance')
  recordAttendance(@Args('input') raw: unknown, @Context() context: RequestContext) {
    const input = parseInput(recordAttendanceInput, raw);
    return this.run(
      input.committeeId,
      requireActor(context),
      input,
      { type: 'RecordAttendance', sessionId: input.sessionId, organizationIds: input.organizationIds },
      input.sessionId,
    );
  }

  @Mutation('recordDecision')
  async recordDecision(@Args('input') raw: unknown, @Context() context: RequestContext) {
    const actor = requireActor(context);
    const input = parseInput(recordDecisionInput, raw);
    const { actionItem } = input;
    if (actionItem) {
      await this.references.requireOrganization(actionItem.responsibleId, 'actionItem.responsibleId');
      if (actionItem.adminCode) await this.references.requireLocation(actionItem.adminCode, 'actionItem.adminCode');
    }
    const decisionId = newId();
    return this.run(
      input.committeeId,
      actor,
      input,
      {
        type: 'RecordDecision',
        sessionId: input.sessionId,
        decisionId,
        text: input.text,
        actionItem: actionItem
          ? {
              description: actionItem.description,
              responsibleId: actionItem.responsibleId,
              dueDate: actionItem.dueDate,
              sector: actionItem.sector ?? null,
              adminCode: actionItem.adminCode ?? null,
            }
          : null,
      },
      decisionId,
    );
  }

  @Mutation('concludeSession')
  concludeSession(@Args('input') raw: unknown, @Context() context: RequestContext) {
    const input = parseInput(concludeSessionInput, raw);
    return this.run(input.committeeId, requireActor(context), input, { type: 'ConcludeSession', sessionId: input.sessionId }, input.sessionId);
  }

  /**
   * DOMAIN.md: a member that sits in two committees is not booked into two overlapping sessions.
   * Two committees are two streams, and no append spans two streams, so this rule reads the read
   * model's session calendar instead of deciding on the log. That is acceptable because the rule is
   * soft by the domain's own words ("warn, or reject unless forced"): any scheduler may override it
   * with allowMemberClash, so a missed clash costs a reschedule, never a broken invariant, and every
   * booking stays visible in the calendar where a clash is found afterwards. Enforcing it strictly
   * would mean a stream per member organisation's calendar that every committee writes to, turning
   * every scheduling into a contended cross-committee transaction.
   * What it can let through: a session of another committee that the read model has not applied yet
   * (projection lag, a few milliseconds in one process, longer in distributed mode), and two
   * schedulers in different committees booking the same member at the same time: each reads a
   * calendar without the other's session, and both are accepted unforced. Sessions of the same
   * committee are not affected: the stream's optimistic concurrency decides those.
   */
  private async bookedElsewhere(startsAt: Date, endsAt: Date, committeeId: string): Promise<BookedSession[]> {
    if (endsAt.getTime() <= startsAt.getTime()) return [];
    return this.planning.sessionsBookedDuring(startsAt, endsAt, committeeId);
  }

  private run(
    committeeId: string,
    actor: Actor,
    input: { commandId?: string | null; expectedVersion?: number | null },
    command: WithoutBase<CommitteeCommand>,
    resultId?: string,
  ) {
    if (!committeeId.startsWith(`${COMMITTEE_STREAM}-`)) throw notFound(`no committee ${committeeId}`, 'committeeId');
    const full = { ...command, committeeId, actor, at: this.executor.now() } as CommitteeCommand;
    return this.executor.execute(full.type, committeeId, committeeDecider, full, {
      actor,
      commandId: input.commandId,
      expectedVersion: input.expectedVersion,
      resultId,
    });
  }
}
