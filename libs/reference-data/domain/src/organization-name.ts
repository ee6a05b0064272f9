/**
 * How organisation names, acronyms and aliases are compared: `Educo`, `EDUCO ` and `educo` are one
 * spelling, as are `Croix-Rouge` and `Croix Rouge`, or `P.A.M.` and `PAM`. Letters of any script are
 * kept; accents, case, spaces and punctuation are not.
 */
export const normalizeOrganizationName = (value: string): string =>
  value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
