import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { AID_DELIVERY_STREAM } from '@coord/contracts';
import { Actor, newStreamId, notFound } from '@coord/kernel';
import { ReferenceChecks } from '@coord/read-model';
import { CommandExecutor, parseInput, RequestContext, requireActor } from '@coord/runtime';
import { AidDeliveryCommand, aidDeliveryDecider } from '@coord/aid-deliveries-domain';
import {
  cancelDeliveryInput,
  confirmDeliveryInput,
  correctDeliveryInput,
  dispatchDeliveryInput,
  planDeliveryInput,
  recordDeliveryInput,
  reportDeliveryFailedInput,
} from '../inputs/delivery.inputs';

type WithoutBase<C> = C extends unknown ? Omit<C, 'deliveryId' | 'actor' | 'at'> : never;

/** Every delivery mutation of the outline: validate, check references, run the decider. */
@Resolver()
export class AidDeliveryCommandsResolver {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly references: ReferenceChecks,
  ) {}

  @Mutation('planDelivery')
  async planDelivery(@Args('input') raw: unknown, @Context() context: RequestContext) {
    const actor = requireActor(context);
    const input = parseInput(planDeliveryInput, raw);
    await this.references.requireLocation(input.adminCode, 'adminCode');
    if (input.implementingPartnerId) await this.references.requireOrganization(input.implementingPartnerId, 'implementingPartnerId');
    const deliveryId = newStreamId(AID_DELIVERY_STREAM);
    return this.run(deliveryId, actor, input, {
      type: 'PlanDelivery',
      agencyId: actor.organizationId,
      implementingPartnerId: input.implementingPartnerId ?? null,
      sector: input.sector,
      items: input.items,
      destination: input.adminCode,
      plannedDate: input.plannedDate,
      targetedBeneficiaries: input.targetedBeneficiaries,
    });
  }

  @Mutation('dispatchDelivery')
  dispatchDelivery(@Args('input') raw: unknown, @Context() context: RequestContext) {
    const input = parseInput(dispatchDeliveryInput, raw);
    return this.run(input.deliveryId, requireActor(context), input, { type: 'DispatchDelivery' });
  }

  @Mutation('recordDelivery')
  recordDelivery(@Args('input') raw: unknown, @Context() context: RequestContext) {
    const input = parseInput(recordDeliveryInput, raw);
    return this.run(input.deliveryId, requireActor(context), input, {
      type: 'RecordDelivery',
      deliveredItems: input.deliveredItems,
      reached: input.reached,
    });
  }

  @Mutation('confirmDelivery')
  confirmDelivery(@Args('input') raw: unknown, @Context() context: RequestContext) {
    const input = parseInput(confirmDeliveryInput, raw);
    return this.run(input.deliveryId, requireActor(context), input, { type: 'ConfirmDelivery' });
  }

  @Mutation('reportDeliveryFailed')
  reportDeliveryFailed(@Args('input') raw: unknown, @Context() context: RequestContext) {
    const input = parseInput(reportDeliveryFailedInput, raw);
    return this.run(input.deliveryId, requireActor(context), input, {
      type: 'ReportDeliveryFailed',
      reason: input.reason,
      note: input.note,
    });
  }

  @Mutation('cancelDelivery')
  cancelDelivery(@Args('input') raw: unknown, @Context() context: RequestContext) {
    const input = parseInput(cancelDeliveryInput, raw);
    return this.run(input.deliveryId, requireActor(context), input, { type: 'CancelDelivery', reason: input.reason });
  }

  @Mutation('correctDelivery')
  async correctDelivery(@Args('input') raw: unknown, @Context() context: RequestContext) {
    const actor = requireActor(context);
    const input = parseInput(correctDeliveryInput, raw);
    if (input.adminCode) await this.references.requireLocation(input.adminCode, 'adminCode');
    return this.run(input.deliveryId, actor, input, {
      type: 'CorrectDelivery',
      reason: input.reason,
      ...(input.items ? { items: input.items } : {}),
      ...(input.deliveredItems ? { deliveredItems: input.deliveredItems } : {}),
      ...(input.reached ? { reached: input.reached } : {}),
      ...(input.targetedBeneficiaries != null ? { targetedBeneficiaries: input.targetedBeneficiaries } : {}),
      ...(input.adminCode ? { destination: input.adminCode } : {}),
    });
  }

  private run(
    deliveryId: string,
    actor: Actor,
    input: { commandId?: string | null; expectedVersion?: number | null },
    command: WithoutBase<AidDeliveryCommand>,
  ) {
    if (!deliveryId.startsWith(`${AID_DELIVERY_STREAM}-`)) throw notFound(`no aid delivery ${deliveryId}`, 'deliveryId');
    const full = { ...command, deliveryId, actor, at: this.executor.now() } as AidDeliveryCommand;
    return this.executor.execute(full.type, deliveryId, aidDeliveryDecider, full, {
      actor,
      commandId: input.commandId,
      expectedVersion: input.expectedVersion,
    });
  }
}
