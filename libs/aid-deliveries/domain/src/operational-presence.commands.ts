import type { OperationalPresenceReported } from '@coord/contracts';
import type { Actor } from '@coord/kernel';

/**
 * "Organisation X works in sector S in location L over a period": from a 3W row or an agency's own
 * report. `presenceId` must be the stream id of the key (`presenceStreamId`).
 */
export type ReportPresence = Readonly<{ type: 'ReportPresence'; actor: Actor } & OperationalPresenceReported['data']>;

export type OperationalPresenceCommand = ReportPresence;
