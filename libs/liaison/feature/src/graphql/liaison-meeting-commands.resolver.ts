import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { LIAISON_MEETING_STREAM } from '@coord/contracts';
import { Actor, hasRole, newId, newStreamId, notFound } from '@coord/kernel';
import { ReferenceChecks } from '@coord/read-model';
import { CommandExecutor, parseInput, RequestContext, requireActor } from '@coord/runtime';
import { LiaisonMeetingCommand, liaisonMeetingDecider } from '@coord/liaison-domain';
import {
  assignFollowUpInput,
  cancelLiaisonMeetingInput,
  completeFollowUpInput,
  raiseConcernInput,
  recordMeetingHeldInput,
  scheduleLiaisonMeetingInput,
} from '../inputs/liaison-meeting.inputs';

type WithoutBase<C> = C extends unknown ? Omit<C, 'meetingId' | 'actor' | 'at'> : never;

/** Every liaison-meeting mutation of the outline: validate, check references, run the decider. */
@Resolver()
export class LiaisonMeetingCommandsResolver {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly references: ReferenceChecks,
  ) {}

  @Mutation('scheduleLiaisonMeeting')
  async scheduleLiaisonMeeting(@Args('input') raw: unknown, @Context() context: RequestContext) {
    const actor = requireActor(context);
    const input = parseInput(scheduleLiaisonMeetingInput, raw);
    // Every reader is shown the host: an organisation the platform does not know cannot host.
    if (hasRole(actor, 'LIAISON_OFFICER')) await this.references.requireTokenOrganization(actor.organizationId);
    await this.references.requireLocation(input.adminCode, 'adminCode');
    return this.run(newStreamId(LIAISON_MEETING_STREAM), actor, input, {
      type: 'ScheduleLiaisonMeeting',
      hostId: actor.organizationId,
      title: input.title,
      location: input.adminCode,
      startsAt: input.startsAt,
      stakeholders: input.stakeholders,
    });
  }

  @Mutation('recordMeetingHeld')
  recordMeetingHeld(@Args('input') raw: unknown, @Context() context: RequestContext) {
    const input = parseInput(recordMeetingHeldInput, raw);
    return this.run(input.meetingId, requireActor(context), input, {
      type: 'RecordMeetingHeld',
      attendanceWomen: input.attendanceWomen,
      attendanceMen: input.attendanceMen,
      attendanceYouth: input.attendanceYouth,
    });
  }

  @Mutation('raiseConcern')
  async raiseConcern(@Args('input') raw: unknown, @Context() context: RequestContext) {
    const actor = requireActor(context);
    const input = parseInput(raiseConcernInput, raw);
    await this.references.requireLocation(input.adminCode, 'adminCode');
    const concernId = newId();
    return this.run(
      input.meetingId,
      actor,
      input,
      {
        type: 'RaiseConcern',
        concernId,
        sector: input.sector,
        severity: input.severity,
        location: input.adminCode,
        text: input.text,
        sensitive: input.sensitive ?? false,
      },
      concernId,
    );
  }

  @Mutation('assignFollowUp')
  async assignFollowUp(@Args('input') raw: unknown, @Context() context: RequestContext) {
    const actor = requireActor(context);
    const input = parseInput(assignFollowUpInput, raw);
    // The rule: the assignee is a registered organisation, since it alone completes the follow-up.
    await this.references.requireOrganization(input.assigneeId, 'assigneeId');
    const followUpId = newId();
    return this.run(
      input.meetingId,
      actor,
      input,
      { type: 'AssignFollowUp', followUpId, concernId: input.concernId, assigneeId: input.assigneeId, dueDate: input.dueDate },
      followUpId,
    );
  }

  @Mutation('completeFollowUp')
  completeFollowUp(@Args('input') raw: unknown, @Context() context: RequestContext) {
    const input = parseInput(completeFollowUpInput, raw);
    return this.run(input.meetingId, requireActor(context), input, {
      type: 'CompleteFollowUp',
      followUpId: input.followUpId,
      note: input.note,
    });
  }

  @Mutation('cancelLiaisonMeeting')
  cancelLiaisonMeeting(@Args('input') raw: unknown, @Context() context: RequestContext) {
    const input = parseInput(cancelLiaisonMeetingInput, raw);
    return this.run(input.meetingId, requireActor(context), input, { type: 'CancelLiaisonMeeting', reason: input.reason });
  }

  private run(
    meetingId: string,
    actor: Actor,
    input: { commandId?: string | null; expectedVersion?: number | null },
    command: WithoutBase<LiaisonMeetingCommand>,
    resultId?: string,
  ) {
    if (!meetingId.startsWith(`${LIAISON_MEETING_STREAM}-`)) throw notFound(`no liaison meeting ${meetingId}`, 'meetingId');
    const full = { ...command, meetingId, actor, at: this.executor.now() } as LiaisonMeetingCommand;
    return this.executor.execute(full.type, meetingId, liaisonMeetingDecider, full, {
      actor,
      commandId: input.commandId,
      expectedVersion: input.expectedVersion,
      resultId,
    });
  }
}
