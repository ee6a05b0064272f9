import { deterministicUuid } from './deterministic-uuid';
import { decisionActionId, standingPlanId } from './standing-plan';

describe('deterministic ids', () => {
  it('are the same for the same namespace and name, and differ otherwise', () => {
    expect(deterministicUuid('ns', 'Committee-1#1')).toBe(deterministicUuid('ns', 'Committee-1#1'));
    expect(deterministicUuid('ns', 'Committee-1#2')).not.toBe(deterministicUuid('ns', 'Committee-1#1'));
    expect(deterministicUuid('other', 'Committee-1#1')).not.toBe(deterministicUuid('ns', 'Committee-1#1'));
    // The separator keeps ("ab", "c") and ("a", "bc") apart.
    expect(deterministicUuid('ab', 'c')).not.toBe(deterministicUuid('a', 'bc'));
  });

  it('are RFC 9562 UUIDs of version 8 and the RFC variant', () => {
    expect(deterministicUuid('ns', 'x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('name a committee’s standing plans and a decision’s action', () => {
    expect(standingPlanId('Committee-1', 1)).toMatch(/^ActionPlan-[0-9a-f-]{36}$/);
    expect(standingPlanId('Committee-1', 1)).not.toBe(standingPlanId('Committee-1', 2));
    expect(standingPlanId('Committee-1', 1)).not.toBe(standingPlanId('Committee-2', 1));
    expect(decisionActionId('d-1')).toBe(decisionActionId('d-1'));
  });
});
