import DataLoader from 'dataloader';
import type { DecisionView, PlanningQueries, SessionView } from '@coord/read-model';
import type { RequestContext } from '@coord/runtime';

/** Batches the sessions of every committee, and the decisions of every session, of one request. */
export interface PlanningLoaders {
  readonly sessionsByCommittee: DataLoader<string, readonly SessionView[]>;
  readonly decisionsBySession: DataLoader<string, readonly DecisionView[]>;
}

const groupBy = <T>(keys: readonly string[], rows: readonly T[], keyOf: (row: T) => string): T[][] => {
  const groups = new Map(keys.map((key) => [key, [] as T[]]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
};

// Keyed by the request's context object, which lives exactly as long as the request: loaders
// must not share their cache across requests, or one reader would see another's stale rows.
const perRequest = new WeakMap<RequestContext, PlanningLoaders>();

export const planningLoaders = (context: RequestContext, queries: PlanningQueries): PlanningLoaders => {
  let loaders = perRequest.get(context);
  if (!loaders) {
    loaders = {
      sessionsByCommittee: new DataLoader(async (ids) =>
        groupBy(ids, await queries.sessionsByCommitteeIds(ids), (session) => session.committeeId),
      ),
      decisionsBySession: new DataLoader(async (ids) =>
        groupBy(ids, await queries.decisionsBySessionIds(ids), (decision) => decision.sessionId),
      ),
    };
    perRequest.set(context, loaders);
  }
  return loaders;
};
