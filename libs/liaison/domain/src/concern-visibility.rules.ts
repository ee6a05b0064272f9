/** Who a concern's text is shown to; `assigneeIds` are the organisations assigned a follow-up on it. */
export interface ConcernAudience {
  readonly hostId: string;
  readonly sensitive: boolean;
  readonly assigneeIds: readonly string[];
}

// DOMAIN.md "Who may do what": sensitive fields are shown only to the organisations that took part
// — for a concern, the host that heard it and the organisations asked to act on it — and redacted
// for the rest. Organisations, not roles: any of their users may read it.
export const mayReadConcernText = (concern: ConcernAudience, readerOrganizationId: string): boolean =>
  !concern.sensitive || readerOrganizationId === concern.hostId || concern.assigneeIds.includes(readerOrganizationId);
