import type { OperationalPresenceEvent } from '@coord/contracts';
import type { Decider } from '@coord/kernel';
import type { OperationalPresenceCommand } from './operational-presence.commands';
import { evolvePresence } from './operational-presence.evolve';
import { initialPresenceState, type OperationalPresenceState } from './operational-presence.state';
import { decideReportPresence } from './report-presence.decide';

export const operationalPresenceDecider: Decider<OperationalPresenceCommand, OperationalPresenceState, OperationalPresenceEvent> = {
  initialState: initialPresenceState,
  evolve: evolvePresence,
  decide: decideReportPresence,
};
