export const ROLES = [
  'ADMIN',
  'LIAISON_OFFICER',
  'AGENCY_OFFICER',
  'GOVERNMENT_COUNTERPART',
  'COMMUNITY_FOCAL_POINT',
  'OBSERVER',
] as const;
export type Role = (typeof ROLES)[number];

/** Who is acting: every event records the user and the organisation on whose behalf they acted. */
export interface Actor {
  readonly userId: string;
  readonly organizationId: string;
  readonly roles: readonly Role[];
  readonly name?: string;
}

export const hasRole = (actor: Actor, ...roles: Role[]): boolean => roles.some((role) => actor.roles.includes(role));
