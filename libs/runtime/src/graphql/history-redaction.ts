import { Injectable } from '@nestjs/common';
import type { Actor } from '@coord/kernel';
import type { HistoryEntryView } from '@coord/read-model';

/**
 * Rewrites the history of one stream for one reader: a context whose events carry sensitive fields
 * (DOMAIN.md "Who may do what") registers one for its stream prefix, and `history(id)` applies it,
 * so redaction holds on that path as on every other. It receives the whole stream, because who may
 * see a field often depends on later events (e.g. who was assigned a follow-up).
 */
export type HistoryRedactor = (entries: readonly HistoryEntryView[], reader: Actor) => readonly HistoryEntryView[];

@Injectable()
export class HistoryRedaction {
  private readonly redactors = new Map<string, HistoryRedactor>();

  register(aggregate: string, redactor: HistoryRedactor): void {
    if (this.redactors.has(aggregate)) throw new Error(`a history redactor for ${aggregate} is already registered`);
    this.redactors.set(aggregate, redactor);
  }

  apply(streamId: string, entries: readonly HistoryEntryView[], reader: Actor): readonly HistoryEntryView[] {
    const aggregate = streamId.slice(0, Math.max(0, streamId.indexOf('-')));
    const redactor = this.redactors.get(aggregate);
    return redactor ? redactor(entries, reader) : entries;
  }
}
