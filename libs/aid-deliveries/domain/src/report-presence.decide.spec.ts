import fc from 'fast-check';
import { OperationalPresenceEvent, presenceStreamId, type OperationalPresenceReported } from '@coord/contracts';
import { fold, type Actor } from '@coord/kernel';
import { specFor } from '@coord/kernel/testing';
import type { ReportPresence } from './operational-presence.commands';
import { operationalPresenceDecider } from './operational-presence.decider';

const given = specFor(operationalPresenceDecider);

const importer: Actor = { userId: 'im-officer', organizationId: 'org-ocha', roles: ['LIAISON_OFFICER'] };
const admin: Actor = { userId: 'admin', organizationId: 'platform', roles: ['ADMIN'] };
const agencyOfficer: Actor = { userId: 'officer', organizationId: 'org-educo', roles: ['AGENCY_OFFICER'] };
const otherOfficer: Actor = { userId: 'other', organizationId: 'org-wfp', roles: ['AGENCY_OFFICER'] };
const observer: Actor = { userId: 'reader', organizationId: 'org-ocha', roles: ['OBSERVER'] };

const KEY = { organizationId: 'org-educo', sector: 'EDUCATION', location: 'ML0506', periodStart: '2022-01-01', periodEnd: '2022-03-31', role: 'IMPLEMENTING' } as const;
const SOURCE = { kind: 'IMPORT', importId: 'import-1', file: 'mli-5w.csv', row: 3 } as const;

const data = (extra: Partial<OperationalPresenceReported['data']> = {}): OperationalPresenceReported['data'] => {
  const merged = {
    presenceId: '',
    ...KEY,
    organizationLabel: 'Educo',
    sectorLabel: 'Education',
    locationLevel: 2,
    parentLocation: 'ML05',
    locationUnknown: false,
    boundaryVersion: '2021-12-20',
    activity: null,
    targeted: 1200,
    reached: null,
    source: SOURCE,
    fixes: [{ field: '#adm1+code', from: 'MLI05', to: 'ML05', rule: 'country-prefix' }],
    ...extra,
  };
  return { ...merged, presenceId: extra.presenceId ?? presenceStreamId(merged) };
};
const report = (extra: Partial<OperationalPresenceReported['data']> = {}, actor: Actor = importer): ReportPresence => ({
  type: 'ReportPresence',
  actor,
  ...data(extra),
});
const REPORTED: OperationalPresenceEvent = { type: 'OperationalPresenceReported', data: data() };

describe('ReportPresence', () => {
  it('records a new presence with its source row and the fixes made to it', () => {
    given([]).when(report()).then([REPORTED]);
  });

  it('records nothing when the same key comes again with the same figures (a re-import)', () => {
    given([REPORTED])
      .when(report({ source: { ...SOURCE, importId: 'import-2', file: 'renamed.csv', row: 9 }, organizationLabel: 'EDUCO', fixes: [] }))
      .then([]);
  });

  it('updates the figures, keeping the previous ones', () => {
    const source = { ...SOURCE, importId: 'import-2' };
    given([REPORTED])
      .when(report({ targeted: 1500, reached: 700, activity: 'Écoles temporaires', source }))
      .then([
        {
          type: 'OperationalPresenceUpdated',
          data: {
            presenceId: data().presenceId,
            activity: 'Écoles temporaires',
            targeted: 1500,
            reached: 700,
            previous: { activity: null, targeted: 1200, reached: null },
            source,
          },
        },
      ]);
  });

  it('puts a withdrawn presence on record again', () => {
    given([REPORTED, { type: 'OperationalPresenceWithdrawn', data: { presenceId: data().presenceId, reason: 'closed' } }])
      .when(report())
      .then([REPORTED]);
  });

  it('keeps a P-code the gazetteer does not know, flagged', () => {
    const unknown = report({ location: 'CF713', parentLocation: 'CF71', locationUnknown: true, boundaryVersion: null });
    given([]).when(unknown).then([{ type: 'OperationalPresenceReported', data: data({ location: 'CF713', parentLocation: 'CF71', locationUnknown: true, boundaryVersion: null }) }]);
  });

  it('takes a presence without a sector (a 3W that names none)', () => {
    given([]).when(report({ sector: null, sectorLabel: null })).then([
      { type: 'OperationalPresenceReported', data: data({ sector: null, sectorLabel: null }) },
    ]);
  });

  it('lets an ADMIN import too', () => {
    given([]).when(report({}, admin)).then([REPORTED]);
  });

  it('lets an agency officer report their own organisation directly', () => {
    const direct = report({ source: { kind: 'DIRECT' }, fixes: [] }, agencyOfficer);
    given([]).when(direct).then([{ type: 'OperationalPresenceReported', data: data({ source: { kind: 'DIRECT' }, fixes: [] }) }]);
  });

  it.each([
    ['an agency officer importing a file', report({}, agencyOfficer)],
    ['an observer importing a file', report({}, observer)],
    ["an officer reporting another organisation's presence", report({ source: { kind: 'DIRECT' } }, otherOfficer)],
    ['a liaison officer reporting directly', report({ source: { kind: 'DIRECT' } }, importer)],
  ])('refuses %s', (_, command) => {
    given([]).when(command).thenThrows('FORBIDDEN');
  });

  it.each([
    ['presenceId', { presenceId: 'Presence-not-its-key' }],
    ['organizationLabel', { organizationLabel: ' ' }],
    ['sector', { sector: 'CATERING' as never }],
    ['role', { role: 'WATCHING' as never }],
    ['location', { location: 'ml0506' }],
    ['parentLocation', { parentLocation: 'bad code' }],
    ['locationLevel', { locationLevel: 4 }],
    ['periodStart', { periodStart: '2022-02-30' }],
    ['periodEnd', { periodEnd: '2021-12-31' }],
    ['boundaryVersion', { boundaryVersion: '20-12-2021' }],
    ['targeted', { targeted: -1 }],
    ['reached', { reached: 2.5 }],
    ['activity', { activity: 'x'.repeat(1001) }],
  ])('refuses a bad %s', (field, extra) => {
    given([]).when(report(extra as Partial<OperationalPresenceReported['data']>)).thenThrows('BAD_USER_INPUT', { field });
  });

  it('never records anything the second time the same report is decided on (fast-check)', () => {
    const figures = fc.record({
      activity: fc.option(fc.string({ maxLength: 20 }), { nil: null }),
      targeted: fc.option(fc.nat(100_000), { nil: null }),
      reached: fc.option(fc.nat(100_000), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(figures, { minLength: 1, maxLength: 6 }), (reports) => {
        let history: OperationalPresenceEvent[] = [];
        for (const figure of reports) {
          const command = report(figure);
          history = [...history, ...operationalPresenceDecider.decide(command, fold(operationalPresenceDecider, history))];
          expect(operationalPresenceDecider.decide(command, fold(operationalPresenceDecider, history))).toEqual([]);
        }
        expect(history[0].type).toBe('OperationalPresenceReported');
        expect(history.slice(1).every((event) => event.type === 'OperationalPresenceUpdated')).toBe(true);
      }),
    );
  });
});
