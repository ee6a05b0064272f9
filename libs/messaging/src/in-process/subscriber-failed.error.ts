/** Names the subscriber that refused a batch, so the relay's logs say who holds the log back. */
export class SubscriberFailedError extends Error {
  constructor(
    readonly subscriber: string,
    readonly reason: unknown,
  ) {
    super(`subscriber "${subscriber}" failed: ${reason instanceof Error ? reason.message : String(reason)}`, {
      cause: reason,
    });
    this.name = 'SubscriberFailedError';
  }
}
