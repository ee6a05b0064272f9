import {
  OperationalPresenceEvent,
  PRESENCE_ROLES,
  presenceStreamId,
  SECTORS,
  type OperationalPresenceReported,
} from '@coord/contracts';
import { badInput, forbidden, hasRole } from '@coord/kernel';
import type { ReportPresence } from './operational-presence.commands';
import type { OperationalPresenceState } from './operational-presence.state';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
// Upper-case letters and digits: most P-codes start with a country code (ML0506), Tajikistan's are all digits.
const PCODE = /^[A-Z0-9]{2,20}$/;
const MAX_TEXT = 1_000;

const isIsoDate = (value: string): boolean => {
  if (!ISO_DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
};

const isCount = (value: number | null): boolean => value === null || (Number.isSafeInteger(value) && value >= 0);

const validate = (command: ReportPresence): void => {
  if (command.presenceId !== presenceStreamId(command)) {
    throw badInput('presenceId', 'a presence lives in the stream of its key (organisation, sector, location, period, role)');
  }
  if (command.organizationLabel.trim() === '' || command.organizationLabel.length > MAX_TEXT) {
    throw badInput('organizationLabel', 'the organisation as the source wrote it must not be empty');
  }
  // DOMAIN.md "Reference data": a sector is one of the clusters; a source that names none leaves it null.
  if (command.sector !== null && !SECTORS.includes(command.sector)) throw badInput('sector', `unknown sector ${String(command.sector)}`);
  if (!PRESENCE_ROLES.includes(command.role)) throw badInput('role', `role must be one of ${PRESENCE_ROLES.join(', ')}`);
  if (!PCODE.test(command.location)) throw badInput('location', 'location must be a P-code: upper-case letters and digits');
  if (command.parentLocation !== null && !PCODE.test(command.parentLocation)) {
    throw badInput('parentLocation', 'parentLocation must be a P-code: upper-case letters and digits');
  }
  if (!Number.isInteger(command.locationLevel) || command.locationLevel < 0 || command.locationLevel > 3) {
    throw badInput('locationLevel', 'locationLevel is an admin level from 0 to 3');
  }
  for (const field of ['periodStart', 'periodEnd', 'boundaryVersion'] as const) {
    const value = command[field];
    if (value !== null && !isIsoDate(value)) throw badInput(field, `${field} must be a calendar date YYYY-MM-DD`);
  }
  if (command.periodStart && command.periodEnd && command.periodEnd < command.periodStart) {
    throw badInput('periodEnd', 'a period ends on or after its start');
  }
  for (const field of ['targeted', 'reached'] as const) {
    if (!isCount(command[field])) throw badInput(field, `${field} must be a whole number of people, 0 or more`);
  }
  if (command.activity !== null && command.activity.length > MAX_TEXT) throw badInput('activity', `activity is at most ${MAX_TEXT} characters`);
};

const sameFigures = (a: { activity: string | null; targeted: number | null; reached: number | null }, b: typeof a): boolean =>
  a.activity === b.activity && a.targeted === b.targeted && a.reached === b.reached;

/**
 * A report of a presence already on record changes only its figures, and only when they differ: a
 * re-imported file records nothing. A withdrawn presence reported again is on record again.
 */
export const decideReportPresence = (command: ReportPresence, state: OperationalPresenceState): OperationalPresenceEvent[] => {
  const { actor, type: _type, ...data } = command;
  // DOMAIN.md "Who may do what": an agency reports its own presence; a 3W file speaks for many
  // organisations, so importing one is a coordination task (ADMIN or LIAISON_OFFICER).
  if (data.source.kind === 'IMPORT') {
    if (!hasRole(actor, 'ADMIN', 'LIAISON_OFFICER')) throw forbidden('only an ADMIN or a LIAISON_OFFICER imports a 3W file');
  } else if (!hasRole(actor, 'AGENCY_OFFICER') || actor.organizationId !== data.organizationId) {
    throw forbidden("an agency officer reports only their own organisation's presence");
  }
  validate(command);
  if (state.status !== 'Active') {
    const reported: OperationalPresenceReported = { type: 'OperationalPresenceReported', data };
    return [reported];
  }
  if (sameFigures(state, data)) return [];
  return [
    {
      type: 'OperationalPresenceUpdated',
      data: {
        presenceId: data.presenceId,
        activity: data.activity,
        targeted: data.targeted,
        reached: data.reached,
        previous: { activity: state.activity, targeted: state.targeted, reached: state.reached },
        source: data.source,
      },
    },
  ];
};
