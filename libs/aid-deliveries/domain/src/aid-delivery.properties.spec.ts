import fc from 'fast-check';
import { fold, isDomainError, type Actor, type Role } from '@coord/kernel';
import { FAILURE_REASONS, type AidDeliveryEvent, type DeliveryItem, type PeopleReached } from '@coord/contracts';
import type { AidDeliveryCommand, CorrectDelivery } from './aid-delivery.commands';
import { aidDeliveryDecider } from './aid-delivery.decider';
import type { AidDeliveryState } from './aid-delivery.state';
import { AGENCY, AT, DELIVERY_ID, OTHER_AGENCY, PARTNER } from './testing/aid-delivery.fixtures';

/*
 * Random command sequences against one stream. Most actors come from a cast that matters (the
 * agency, its partner, confirmers, a rival agency) so that legal moves are common enough to reach
 * every state; the rest are arbitrary. Rejected commands are dropped, as the command path would.
 */
const ORGANIZATIONS = [AGENCY, PARTNER, OTHER_AGENCY, 'org-community', 'org-gov'];
const ROLES: Role[] = ['AGENCY_OFFICER', 'COMMUNITY_FOCAL_POINT', 'GOVERNMENT_COUNTERPART', 'LIAISON_OFFICER', 'OBSERVER', 'ADMIN'];
const member = (organizationId: string, ...roles: Role[]): Actor => ({ userId: `u-${organizationId}`, organizationId, roles });

const actorArb: fc.Arbitrary<Actor> = fc.oneof(
  { weight: 6, arbitrary: fc.constant(member(AGENCY, 'AGENCY_OFFICER')) },
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      member(AGENCY, 'AGENCY_OFFICER', 'COMMUNITY_FOCAL_POINT'),
      member(PARTNER, 'AGENCY_OFFICER'),
      member(PARTNER, 'COMMUNITY_FOCAL_POINT', 'GOVERNMENT_COUNTERPART'),
      member(OTHER_AGENCY, 'AGENCY_OFFICER'),
      member('org-community', 'COMMUNITY_FOCAL_POINT'),
      member('org-gov', 'GOVERNMENT_COUNTERPART'),
    ),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      userId: fc.constantFrom('u1', 'u2'),
      organizationId: fc.constantFrom(...ORGANIZATIONS),
      roles: fc.subarray(ROLES, { minLength: 1, maxLength: 2 }),
    }),
  },
);
const quantityArb = fc.oneof(
  { weight: 20, arbitrary: fc.constantFrom(1, 2.5, 10, 800) },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, Number.NaN, Number.POSITIVE_INFINITY) },
);
const itemArb: fc.Arbitrary<DeliveryItem> = fc.record({
  commodity: fc.oneof({ weight: 20, arbitrary: fc.constantFrom('Sorghum', 'Oil') }, { weight: 1, arbitrary: fc.constant('') }),
  quantity: quantityArb,
  unit: fc.constantFrom('MT', 'L'),
});
const itemsArb: fc.Arbitrary<DeliveryItem[]> = fc.oneof(
  { weight: 20, arbitrary: fc.array(itemArb, { minLength: 1, maxLength: 2 }) },
  { weight: 1, arbitrary: fc.constant<DeliveryItem[]>([]) },
);
const countArb = fc.oneof({ weight: 20, arbitrary: fc.nat(3) }, { weight: 1, arbitrary: fc.constantFrom(-1, 1.5) });
const reachedArb: fc.Arbitrary<PeopleReached> = fc.record({ women: countArb, men: countArb, girls: countArb, boys: countArb });
const reasonArb = fc.constantFrom('late', '', 'duplicate');

// One fact at a time mostly, so that a correction is not refused merely for mixing planned and
// delivered facts on a delivery that has not arrived.
const correctionArb: fc.Arbitrary<Omit<CorrectDelivery, 'type' | 'deliveryId' | 'actor' | 'at' | 'reason'>> = fc.oneof(
  itemsArb.map((items) => ({ items })),
  itemsArb.map((deliveredItems) => ({ deliveredItems })),
  reachedArb.map((reached) => ({ reached })),
  countArb.map((targetedBeneficiaries) => ({ targetedBeneficiaries })),
  fc.constantFrom('ML0701', 'ML0702').map((destination) => ({ destination })),
  fc.record({ items: itemsArb, reached: reachedArb, destination: fc.constantFrom('ML0701', 'ML0702') }, { requiredKeys: [] }),
);

const base = (actor: Actor) => ({ deliveryId: DELIVERY_ID, actor, at: AT });

// Fail and cancel end a delivery, so they come less often than the moves that carry it forward.
const commandArb: fc.Arbitrary<AidDeliveryCommand> = fc.oneof(
  {
    weight: 2,
    arbitrary: actorArb.chain((actor) =>
      fc
        .record({
          agencyId: fc.oneof({ weight: 6, arbitrary: fc.constant(actor.organizationId) }, fc.constantFrom(...ORGANIZATIONS)),
          implementingPartnerId: fc.constantFrom(null, ...ORGANIZATIONS),
          items: itemsArb,
          targetedBeneficiaries: countArb,
        })
        .map((fields) => ({
          ...base(actor),
          type: 'PlanDelivery' as const,
          sector: 'FOOD_SECURITY' as const,
          destination: 'ML0701',
          plannedDate: '2026-03-10',
          ...fields,
        })),
    ),
  },
  { weight: 3, arbitrary: actorArb.map((actor) => ({ ...base(actor), type: 'DispatchDelivery' as const })) },
  {
    weight: 5,
    arbitrary: fc.record({ actor: actorArb, items: itemsArb, reached: reachedArb }).map(({ actor, items, reached }) => ({
      ...base(actor),
      type: 'RecordDelivery' as const,
      deliveredItems: items,
      reached,
    })),
  },
  { weight: 3, arbitrary: actorArb.map((actor) => ({ ...base(actor), type: 'ConfirmDelivery' as const })) },
  {
    weight: 1,
    arbitrary: fc.record({ actor: actorArb, reason: fc.constantFrom(...FAILURE_REASONS) }).map(({ actor, reason }) => ({
      ...base(actor),
      type: 'ReportDeliveryFailed' as const,
      reason,
    })),
  },
  {
    weight: 1,
    arbitrary: fc.record({ actor: actorArb, reason: reasonArb }).map(({ actor, reason }) => ({
      ...base(actor),
      type: 'CancelDelivery' as const,
      reason,
    })),
  },
  {
    weight: 4,
    arbitrary: fc
      .record({ actor: actorArb, reason: reasonArb, change: correctionArb })
      .map(({ actor, reason, change }) => ({ ...base(actor), type: 'CorrectDelivery' as const, reason, ...change })),
  },
);

interface Run {
  readonly accepted: AidDeliveryEvent[];
  /** The state before and after each accepted event, in order. */
  readonly steps: { before: AidDeliveryState; event: AidDeliveryEvent; after: AidDeliveryState; command: AidDeliveryCommand }[];
  readonly state: AidDeliveryState;
}

const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    Object.values(value).forEach(deepFreeze);
  }
  return value;
};

const run = (commands: readonly AidDeliveryCommand[]): Run => {
  const accepted: AidDeliveryEvent[] = [];
  const steps: Run['steps'] = [];
  let state = aidDeliveryDecider.initialState();
  for (const command of commands) {
    let events: readonly AidDeliveryEvent[];
    try {
      events = aidDeliveryDecider.decide(command, state);
    } catch (error) {
      // Any other error would reach the client as INTERNAL: every rejection must be a DomainError.
      if (isDomainError(error)) continue;
      throw error;
    }
    for (const event of events) {
      // Frozen so that an evolve or decide that mutates what it was given fails loudly.
      deepFreeze(event);
      const after = deepFreeze(aidDeliveryDecider.evolve(state, event));
      steps.push({ before: state, event, after, command });
      accepted.push(event);
      state = after;
    }
  }
  return { accepted, steps, state };
};

// DOMAIN.md lifecycle as labelled edges; corrections keep the status, except that a correction of
// delivered facts sends a CONFIRMED delivery back to DELIVERED.
const LEGAL_EDGES = new Set([
  'None -DeliveryPlanned-> PLANNED',
  'PLANNED -DeliveryDispatched-> DISPATCHED',
  'DISPATCHED -DeliveryRecorded-> DELIVERED',
  'DELIVERED -DeliveryConfirmed-> CONFIRMED',
  'PLANNED -DeliveryFailed-> FAILED',
  'DISPATCHED -DeliveryFailed-> FAILED',
  'PLANNED -DeliveryCancelled-> CANCELLED',
  'DISPATCHED -DeliveryCancelled-> CANCELLED',
  ...['PLANNED', 'DISPATCHED', 'DELIVERED', 'CONFIRMED', 'FAILED'].map((s) => `${s} -DeliveryCorrected-> ${s}`),
  'CONFIRMED -DeliveryCorrected-> DELIVERED',
]);

const legalPlan: AidDeliveryCommand = {
  ...base(member(AGENCY, 'AGENCY_OFFICER')),
  type: 'PlanDelivery',
  agencyId: AGENCY,
  implementingPartnerId: PARTNER,
  sector: 'FOOD_SECURITY',
  items: [{ commodity: 'Sorghum', quantity: 10, unit: 'MT' }],
  destination: 'ML0701',
  plannedDate: '2026-03-10',
  targetedBeneficiaries: 3,
};
// Most runs open with a legal plan, so that the rest of the sequence has a delivery to work on.
const commandsArb = fc
  .tuple(fc.option(fc.constant(legalPlan), { freq: 5 }), fc.array(commandArb, { minLength: 1, maxLength: 40, size: 'max' }))
  .map(([opening, rest]) => (opening ? [opening, ...rest] : rest));
const RUNS = { numRuns: 1000 };

describe('aid delivery properties', () => {
  it('(a) accepted events only ever move along the lifecycle graph, and every state is reached', () => {
    const visited = new Set<string>();
    fc.assert(
      fc.property(commandsArb, (commands) => {
        const { steps } = run(commands);
        for (const { before, event, after } of steps) {
          const edge = `${before.status} -${event.type}-> ${after.status}`;
          expect(LEGAL_EDGES).toContain(edge);
          visited.add(edge);
        }
      }),
      RUNS,
    );
    // Guards the generator: a property that never reaches CONFIRMED would prove little.
    expect([...LEGAL_EDGES].filter((edge) => !visited.has(edge))).toEqual([]);
  });

  it('(b) folding the accepted events from scratch, twice and after a JSON round trip, gives the same state', () => {
    fc.assert(
      fc.property(commandsArb, (commands) => {
        const { accepted, state } = run(commands);
        const stored = JSON.parse(JSON.stringify(accepted)) as AidDeliveryEvent[];
        expect(fold(aidDeliveryDecider, accepted)).toEqual(state);
        expect(fold(aidDeliveryDecider, accepted)).toEqual(fold(aidDeliveryDecider, accepted));
        expect(fold(aidDeliveryDecider, stored)).toEqual(state);
      }),
      RUNS,
    );
  });

  it('(c) no accepted sequence lets the delivering organisation or its partner confirm', () => {
    fc.assert(
      fc.property(commandsArb, (commands) => {
        const { steps, state } = run(commands);
        for (const { before, event, command } of steps) {
          if (event.type !== 'DeliveryConfirmed' || before.status === 'None') continue;
          const deliverers = [before.agencyId, before.implementingPartnerId];
          expect(deliverers).not.toContain(event.data.confirmedBy);
          expect(deliverers).not.toContain(command.actor.organizationId);
        }
        if (state.status === 'CONFIRMED') {
          expect([state.agencyId, state.implementingPartnerId]).not.toContain(state.confirmedBy);
        }
      }),
      RUNS,
    );
  });
});
