import type { Route } from './router';

/** What every page receives: the route it was opened with (`#/deliveries/<id>?…`). */
export interface PageProps {
  readonly route: Route;
}
