import type { CommitteeFormed, EventEnvelope } from '@coord/contracts';

/** What the decision → action policy needs of a committee; membership never changes after forming. */
export type CommitteeFacts = CommitteeFormed['data'];

/** Read from the committee's own stream, through the published event types only. */
export const committeeFacts = (stream: readonly EventEnvelope[]): CommitteeFacts | null => {
  const formed = stream.find((event) => event.type === 'CommitteeFormed');
  return formed ? (formed.data as CommitteeFacts) : null;
};
