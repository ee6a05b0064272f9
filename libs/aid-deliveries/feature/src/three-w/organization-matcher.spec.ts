import type { DirectoryOrganization } from '@coord/read-model';
import { importedOrganizationId, kindFromType, OrganizationMatcher } from './organization-matcher';

const known = (id: string, name: string, acronym: string | null = null, aliases: string[] = []): DirectoryOrganization => ({
  id,
  name,
  acronym,
  kind: 'NGO',
  aliases,
});
const spelling = (names: string[], acronyms: string[] = [], type: string | null = null) => ({ names, acronyms, type });

describe('OrganizationMatcher', () => {
  it('matches a name, an acronym or an alias whatever the case, accents, spaces and punctuation', () => {
    const matcher = new OrganizationMatcher([known('org-wfp', 'World Food Programme', 'WFP', ['PAM']), known('org-educo', 'Educo')]);
    for (const names of [['world food programme'], ['W.F.P.'], ['pam'], ['  PAM ']]) {
      expect(matcher.match(spelling(names))).toEqual({ kind: 'known', organizationId: 'org-wfp', newAliases: [] });
    }
    expect(matcher.match(spelling(['EDUCO']))).toEqual({ kind: 'known', organizationId: 'org-educo', newAliases: [] });
  });

  it('registers an organisation it does not know under a name-based id, and knows it on the next row', () => {
    const matcher = new OrganizationMatcher([]);
    const first = matcher.match(spelling(['ACTION AGAINST HUNGER', 'ACTION CONTRE LA FAIM'], ['ACF'], 'INTERNATIONAL NGO'));
    expect(first).toEqual({
      kind: 'new',
      organizationId: importedOrganizationId('Action against hunger'),
      name: 'ACTION AGAINST HUNGER',
      acronym: 'ACF',
      organizationKind: 'NGO',
      aliases: ['ACTION CONTRE LA FAIM'],
    });
    expect(matcher.match(spelling(['ACF']))).toEqual({ kind: 'known', organizationId: first.kind === 'new' ? first.organizationId : '', newAliases: [] });
  });

  it('adds the spellings a known organisation did not answer to yet as aliases (a merge), but not one that leads elsewhere', () => {
    const matcher = new OrganizationMatcher([known('org-acf', 'ACF'), known('org-other', 'Fonds', 'FNUAP')]);
    expect(matcher.match(spelling(['ACTION AGAINST HUNGER', 'ACTION CONTRE LA FAIM'], ['ACF', 'FNUAP']))).toEqual({
      kind: 'known',
      organizationId: 'org-acf',
      newAliases: ['ACTION AGAINST HUNGER', 'ACTION CONTRE LA FAIM'],
    });
  });

  it("never merges two organisations that share an acronym but not a name (Haiti's Swiss and Spanish SRC)", () => {
    const matcher = new OrganizationMatcher([known('org-swiss', 'SWISS RED CROSS', 'SRC', ['CROIX ROUGE SUISSE'])]);
    const spanish = matcher.match(spelling(['SPANISH RED CROSS', 'CROIX-ROUGE ESPAGNOLE'], ['SRC', 'CRE']));
    expect(spanish).toMatchObject({ kind: 'new', name: 'SPANISH RED CROSS', acronym: 'SRC', aliases: ['CROIX-ROUGE ESPAGNOLE', 'CRE'] });
    // From now on SRC alone could be either: refused, not guessed.
    const ambiguous = matcher.match(spelling(['SRC']));
    expect(ambiguous).toEqual({ kind: 'ambiguous', reason: expect.stringMatching(/^organisation SRC could be org-swiss \(SWISS RED CROSS\), Organization-.+ \(SPANISH RED CROSS\)/) });
  });

  it('matches a row with full names by its preferred acronym only: a second-language acronym is weak evidence', () => {
    // Mali's CRS is Catholic Relief Services; Haiti's French "CRS" is the Swiss Red Cross.
    const matcher = new OrganizationMatcher([known('org-crs', 'CRS')]);
    expect(matcher.match(spelling(['SWISS RED CROSS', 'CROIX ROUGE SUISSE'], ['SRC', 'CRS']))).toMatchObject({ kind: 'new', aliases: ['CROIX ROUGE SUISSE'] });
    expect(matcher.match(spelling(['CATHOLIC RELIEF SERVICES'], ['CRS']))).toEqual({
      kind: 'known',
      organizationId: 'org-crs',
      newAliases: ['CATHOLIC RELIEF SERVICES'],
    });
  });

  it("decides by an organisation's own name before an acronym that another one shares (what an export writes)", () => {
    const matcher = new OrganizationMatcher([known('org-msf-b', 'MSF B'), known('org-msf-belgium', 'MEDECINS SANS FRONTIERES BELGIUM', 'MSF-B2', ['msf b'])]);
    expect(matcher.match(spelling(['MSF B']))).toEqual({ kind: 'known', organizationId: 'org-msf-b', newAliases: [] });
  });
});

describe('kindFromType', () => {
  it.each([
    ['Nations Unies', 'UN_AGENCY'],
    ['UNITED NATIONS', 'UN_AGENCY'],
    ['ONG internationale', 'NGO'],
    ['MOUVEMENT  CROIX-ROUGE', 'NGO'],
    ['SOCIÉTÉ CIVILE', 'CIVIL_SOCIETY'],
    ['CIVILE SOCIETY', 'CIVIL_SOCIETY'],
    ['Gouvernement', 'HOST_GOVERNMENT'],
    ['Organisation communautaire', 'COMMUNITY'],
    [null, 'NGO'],
  ])('%j → %s', (type, kind) => {
    expect(kindFromType(type)).toBe(kind);
  });
});
