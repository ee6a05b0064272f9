import type { OrganizationEvent } from '@coord/contracts';
import type { Actor } from '@coord/kernel';
import { specFor } from '@coord/kernel/testing';
import { normalizeOrganizationName } from './organization-name';
import { AddOrganizationAlias, organizationDecider, RegisterOrganization, RemoveOrganizationAlias } from './organization.decider';

const given = specFor(organizationDecider);
const ID = 'Organization-wfp';
const admin: Actor = { userId: 'admin', organizationId: 'platform', roles: ['ADMIN'] };
const officer: Actor = { userId: 'officer', organizationId: ID, roles: ['AGENCY_OFFICER'] };
const AT = new Date('2026-03-02T09:30:00.000Z');

const register = (extra: Partial<RegisterOrganization> = {}): RegisterOrganization => ({
  type: 'RegisterOrganization',
  organizationId: ID,
  name: 'World Food Programme',
  acronym: 'WFP',
  kind: 'UN_AGENCY',
  actor: admin,
  at: AT,
  ...extra,
});
const addAlias = (alias: string, extra: Partial<AddOrganizationAlias> = {}): AddOrganizationAlias => ({
  type: 'AddOrganizationAlias',
  organizationId: ID,
  alias,
  source: 'admin',
  actor: admin,
  ...extra,
});
const removeAlias = (alias: string, extra: Partial<RemoveOrganizationAlias> = {}): RemoveOrganizationAlias => ({
  type: 'RemoveOrganizationAlias',
  organizationId: ID,
  alias,
  reason: 'PAM is not WFP in this file',
  actor: admin,
  ...extra,
});

const REGISTERED: OrganizationEvent = {
  type: 'OrganizationRegistered',
  data: { organizationId: ID, name: 'World Food Programme', acronym: 'WFP', kind: 'UN_AGENCY', registeredAt: AT.toISOString() },
};
const PAM_ADDED: OrganizationEvent = {
  type: 'OrganizationAliasAdded',
  data: { organizationId: ID, alias: 'PAM', normalized: 'pam', source: 'import:1' },
};

describe('normalizeOrganizationName', () => {
  it.each([
    ['Educo', 'educo'],
    ['EDUCO ', 'educo'],
    ['  Croix-Rouge   Espagnole', 'croixrougeespagnole'],
    ['MÉDECINS SANS FRONTIÈRES', 'medecinssansfrontieres'],
    ['AVS-Mali ', 'avsmali'],
    ['P.A.M.', 'pam'],
    ['الهلال الأحمر', 'الهلالالاحمر'],
  ])('%j → %j', (raw, normalized) => {
    expect(normalizeOrganizationName(raw)).toBe(normalized);
  });
});

describe('RegisterOrganization', () => {
  it('registers a new organisation', () => {
    given([]).when(register()).then([REGISTERED]);
  });

  it('refuses a second registration of the same stream', () => {
    given([REGISTERED]).when(register()).thenThrows('CONFLICT', { reason: 'ALREADY_EXISTS' });
  });

  it('is for admins only', () => {
    given([]).when(register({ actor: officer })).thenThrows('FORBIDDEN');
  });
});

describe('AddOrganizationAlias', () => {
  it('records a new spelling, trimmed, with its normalised form', () => {
    given([REGISTERED])
      .when(addAlias(' PAM ', { source: 'import:1' }))
      .then([PAM_ADDED]);
  });

  it.each([['pam'], ['P.A.M.'], ['wfp'], ['World  Food programme']])('records nothing for a spelling already known (%s)', (alias) => {
    given([REGISTERED, PAM_ADDED]).when(addAlias(alias)).then([]);
  });

  it('adds a removed alias again', () => {
    given([REGISTERED, PAM_ADDED, { type: 'OrganizationAliasRemoved', data: { organizationId: ID, alias: 'PAM', normalized: 'pam', reason: 'x' } }])
      .when(addAlias('PAM', { source: 'import:1' }))
      .then([PAM_ADDED]);
  });

  it('needs a registered organisation', () => {
    given([]).when(addAlias('PAM')).thenThrows('NOT_FOUND', { field: 'organizationId' });
  });

  it.each([[''], ['  -- '], ['x'.repeat(201)]])('refuses an alias without letters or too long (%j)', (alias) => {
    given([REGISTERED]).when(addAlias(alias)).thenThrows('BAD_USER_INPUT', { field: 'alias' });
  });

  it('is for admins only', () => {
    given([REGISTERED]).when(addAlias('PAM', { actor: officer })).thenThrows('FORBIDDEN');
  });
});

describe('RemoveOrganizationAlias', () => {
  it('undoes a merge by any spelling of the alias, keeping the reason', () => {
    given([REGISTERED, PAM_ADDED])
      .when(removeAlias('pam'))
      .then([{ type: 'OrganizationAliasRemoved', data: { organizationId: ID, alias: 'PAM', normalized: 'pam', reason: 'PAM is not WFP in this file' } }]);
  });

  it('cannot remove what is not an alias (the name and acronym are not aliases)', () => {
    given([REGISTERED, PAM_ADDED]).when(removeAlias('WFP')).thenThrows('NOT_FOUND', { field: 'alias' });
  });

  it('needs a reason', () => {
    given([REGISTERED, PAM_ADDED]).when(removeAlias('PAM', { reason: ' ' })).thenThrows('BAD_USER_INPUT', { field: 'reason' });
  });

  it('is for admins only', () => {
    given([REGISTERED, PAM_ADDED]).when(removeAlias('PAM', { actor: officer })).thenThrows('FORBIDDEN');
  });
});
