import type { OrganizationKind } from '@coord/contracts';
import { nameBasedUuid } from '@coord/kernel';
import type { DirectoryOrganization } from '@coord/read-model';
import { normalizeOrganizationName } from '@coord/reference-data-domain';
import type { OrganizationSpelling } from './three-w-row';

export type OrganizationMatch =
  | { readonly kind: 'known'; readonly organizationId: string; readonly newAliases: readonly string[] }
  | {
      readonly kind: 'new';
      readonly organizationId: string;
      readonly name: string;
      readonly acronym: string | null;
      readonly organizationKind: OrganizationKind;
      readonly aliases: readonly string[];
    }
  | { readonly kind: 'ambiguous'; readonly reason: string };

interface Known {
  readonly id: string;
  readonly name: string;
  /** The registered name, compared: an exact name decides before any other spelling. */
  readonly nameKey: string;
  /** Every compared spelling: name, acronym, aliases. */
  readonly keys: Set<string>;
  /** The spellings that are full names (with a space), to tell two organisations sharing an acronym apart. */
  readonly fullNames: Set<string>;
}

// A full name has words and length: `SWISS RED CROSS` is one, `MSF B` or `AVS-Mali` are not (files
// that give one organisation column put acronyms in it as often as names).
const FULL_NAME_LENGTH = 12;
const isFullName = (spelling: string): boolean => /\s/.test(spelling.trim()) && normalizeOrganizationName(spelling).length >= FULL_NAME_LENGTH;

/** Registered by an import: the id follows from the name, so a file imported twice registers it once. */
export const importedOrganizationId = (name: string): string => `Organization-${nameBasedUuid(`organization:${normalizeOrganizationName(name)}`)}`;

/** DOMAIN.md's organisation kinds from the type a 3W file gives (`ONG internationale`, `UNITED NATIONS`…). */
export const kindFromType = (type: string | null): OrganizationKind => {
  const text = ` ${(type ?? '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]+/g, ' ')} `;
  if (/ (nations unies|united nations|un agency|onu|agence des nations) /.test(text)) return 'UN_AGENCY';
  if (/ (peacekeeping|maintien de la paix|mission) /.test(text)) return 'PEACEKEEPING_MISSION';
  if (/ (gouvernement|government|governmental|ministere|ministry|etat|state|public) /.test(text)) return 'HOST_GOVERNMENT';
  if (/ (societe civile|civil society|civile society|osc|cso) /.test(text)) return 'CIVIL_SOCIETY';
  if (/ (communaute|community|communautaire|cbo) /.test(text)) return 'COMMUNITY';
  return 'NGO';
};

/**
 * Finds which organisation a row means (DOMAIN.md "Reference data"; issue 5: organisations matched
 * by normalised acronym and name). Spellings are tried in the row's order of preference (English
 * first): full names first, then acronyms; the first spelling that leads to exactly one organisation
 * decides. An acronym is weaker evidence than a name: Haiti's file has two `SRC`s (Swiss and Spanish
 * Red Cross) and its French `CRS` is the Swiss Red Cross while Mali's `CRS` is Catholic Relief
 * Services. So a row that gives full names is matched by its preferred acronym only, and never to an
 * organisation whose full names all differ from the row's. Nothing decides and more than one
 * organisation was possible: the row is refused rather than guessed (an admin settles it with an
 * alias). A spelling the chosen organisation does not answer to yet becomes an alias (an event, so the
 * merge can be undone), unless it already leads to another organisation. The matcher learns as it
 * goes, so later rows of the same file see the earlier rows' registrations.
 */
export class OrganizationMatcher {
  private readonly byKey = new Map<string, Set<string>>();
  private readonly organizations = new Map<string, Known>();

  constructor(directory: readonly DirectoryOrganization[]) {
    for (const organization of directory) {
      this.remember(organization.id, organization.name, [organization.acronym ?? '', ...organization.aliases]);
    }
  }

  match(spelling: OrganizationSpelling): OrganizationMatch {
    const names = spelling.names.filter((name) => normalizeOrganizationName(name) !== '');
    const acronyms = spelling.acronyms.filter((acronym) => normalizeOrganizationName(acronym) !== '');
    const rowFullNames = new Set(names.filter(isFullName).map(normalizeOrganizationName));
    const seen: Known[] = [];
    const unique = (values: readonly string[], admits: (known: Known, key: string) => boolean): Known | undefined => {
      for (const value of values) {
        const key = normalizeOrganizationName(value);
        const candidates = this.lookup(key).filter((known) => admits(known, key));
        if (candidates.length === 1) return candidates[0];
        seen.push(...candidates);
      }
      return undefined;
    };
    // An organisation's own name first (what an export writes), then any spelling it answers to.
    const chosen =
      unique(names, (known, key) => known.nameKey === key) ??
      unique(names, () => true) ??
      unique(rowFullNames.size > 0 ? acronyms.slice(0, 1) : acronyms, (known) =>
        rowFullNames.size === 0 || known.fullNames.size === 0 || [...known.fullNames].some((name) => rowFullNames.has(name)),
      );
    const spellings = [...names, ...acronyms];
    if (!chosen && seen.length > 0) {
      const who = [...new Set(seen)].map((known) => `${known.id} (${known.name})`).join(', ');
      return {
        kind: 'ambiguous',
        reason: `organisation ${spellings.join(' / ')} could be ${who}: add an alias to the right one (addOrganizationAlias), or remove the wrong one's`,
      };
    }
    if (chosen) {
      const newAliases = this.freeSpellings(spellings, chosen.keys);
      this.remember(chosen.id, chosen.name, newAliases);
      return { kind: 'known', organizationId: chosen.id, newAliases };
    }
    const name = names[0] ?? acronyms[0];
    const acronym = names.length > 0 ? (acronyms[0] ?? null) : null;
    const organizationId = importedOrganizationId(name);
    const aliases = this.freeSpellings(spellings, new Set([name, acronym ?? ''].map(normalizeOrganizationName)));
    this.remember(organizationId, name, [acronym ?? '', ...aliases]);
    return { kind: 'new', organizationId, name, acronym, organizationKind: kindFromType(spelling.type), aliases };
  }

  /** The spellings to add as aliases: new to the organisation, and leading to no other one. */
  private freeSpellings(spellings: readonly string[], taken: ReadonlySet<string>): string[] {
    return distinct(spellings).filter((value) => {
      const key = normalizeOrganizationName(value);
      return !taken.has(key) && !this.byKey.has(key);
    });
  }

  private lookup(key: string): Known[] {
    return [...(this.byKey.get(key) ?? [])].map((id) => this.organizations.get(id) as Known);
  }

  private remember(id: string, name: string, spellings: readonly string[]): void {
    const known = this.organizations.get(id) ?? { id, name, nameKey: normalizeOrganizationName(name), keys: new Set<string>(), fullNames: new Set<string>() };
    this.organizations.set(id, known);
    for (const spelling of [name, ...spellings]) {
      const key = normalizeOrganizationName(spelling);
      if (key === '') continue;
      known.keys.add(key);
      if (isFullName(spelling)) known.fullNames.add(key);
      this.byKey.set(key, (this.byKey.get(key) ?? new Set()).add(id));
    }
  }
}

/** Spellings that differ once normalised, in their first-seen form. */
const distinct = (values: readonly string[]): string[] => {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = normalizeOrganizationName(value);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};
