import type { Actor } from '@coord/kernel';
import type { ConcernRaised, FollowUpAssigned, LiaisonMeetingScheduled } from '@coord/contracts';
import { mayReadConcernText } from '@coord/liaison-domain';
import type { HistoryEntryView } from '@coord/read-model';
import type { HistoryRedactor } from '@coord/runtime';

/**
 * `history(id)` of a liaison meeting shows a sensitive concern's text to the same organisations as
 * the queries do. Who they are depends on later events of the stream (the follow-ups assigned), so
 * the whole stream is read first.
 */
export const redactLiaisonMeetingHistory: HistoryRedactor = (entries: readonly HistoryEntryView[], reader: Actor) => {
  let hostId: string | null = null;
  const assignees = new Map<string, string[]>();
  for (const entry of entries) {
    if (entry.type === 'LiaisonMeetingScheduled') {
      hostId = (JSON.parse(entry.data) as LiaisonMeetingScheduled['data']).hostId;
    } else if (entry.type === 'FollowUpAssigned') {
      const { concernId, assigneeId } = JSON.parse(entry.data) as FollowUpAssigned['data'];
      assignees.set(concernId, [...(assignees.get(concernId) ?? []), assigneeId]);
    }
  }
  return entries.map((entry) => {
    if (entry.type !== 'ConcernRaised') return entry;
    const data = JSON.parse(entry.data) as ConcernRaised['data'];
    // Without the scheduling event there is no host to show the text to: redact rather than guess.
    const audience = { hostId: hostId ?? '', sensitive: data.sensitive, assigneeIds: assignees.get(data.concernId) ?? [] };
    return mayReadConcernText(audience, reader.organizationId) ? entry : { ...entry, data: JSON.stringify({ ...data, text: null }) };
  });
};
