import type { ImportRunCompleted, ImportRunEvent } from '@coord/contracts';
import { conflict, forbidden, hasRole, type Actor, type Decider } from '@coord/kernel';

export type RecordImportRun = Readonly<{ type: 'RecordImportRun'; actor: Actor } & ImportRunCompleted['data']>;

export type ImportRunState = { readonly status: 'None' } | { readonly status: 'Recorded' };

/** An import run is recorded once, when it has recorded something (see `ImportRunCompleted`). */
export const importRunDecider: Decider<RecordImportRun, ImportRunState, ImportRunEvent> = {
  initialState: () => ({ status: 'None' }),
  evolve: () => ({ status: 'Recorded' }),
  decide: (command, state) => {
    // The same authority as the presences the run recorded (report-presence.decide.ts).
    if (!hasRole(command.actor, 'ADMIN', 'LIAISON_OFFICER')) throw forbidden('only an ADMIN or a LIAISON_OFFICER imports a 3W file');
    if (state.status === 'Recorded') throw conflict('ALREADY_EXISTS', `import ${command.importId} is already recorded`);
    const { actor: _actor, type: _type, ...data } = command;
    return [{ type: 'ImportRunCompleted', data }];
  },
};
