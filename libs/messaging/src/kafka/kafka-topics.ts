import { ContextName, contextOf, EVENT_CATALOGUE } from '@coord/contracts';

/** CONTRACT.md "Events on the wire": one topic per context. */
export const topicOfContext = (context: ContextName): string => `coordination.${context}.events`;

/** Every context topic, in a stable order: what a subscriber of "everything" consumes. */
export const CONTEXT_TOPICS: readonly string[] = [...new Set(Object.values(EVENT_CATALOGUE).map((entry) => entry.context))]
  .sort()
  .map(topicOfContext);

/**
 * The topic of an event type. An unknown type is refused rather than parked on a guessed topic:
 * the relay then keeps retrying and reports it, which is how a process older than the log shows.
 */
export const topicOfEventType = (type: string): string => {
  const context = contextOf(type);
  if (!context) throw new Error(`event type "${type}" is not in the catalogue, so it has no topic`);
  return topicOfContext(context);
};
