import type { LocationView, OrganizationView } from '@coord/read-model';

/**
 * A P-code the gazetteer does not know (an older boundary version kept from a 3W file) still
 * names a place where the schema promises one: shown by its code, at level -1.
 */
export const unknownPlace = (pcode: string): LocationView => ({
  pcode,
  name: pcode,
  level: -1,
  parentPcode: null,
  adm1Pcode: null,
  adm2Pcode: null,
  adm3Pcode: null,
  latitude: null,
  longitude: null,
  validFrom: null,
});

/** An organisation id no registration names (an ADMIN's org claim need not, CONTRACT.md): shown by its id. */
export const unregisteredOrganization = (id: string): OrganizationView => ({ id, name: id, acronym: null, kind: 'COMMUNITY', registeredAt: '' });
