/**
 * The hashtag a 3W column means when its file has no HXL row (or leaves the column untagged), by its
 * header name in English or French, compared without case, accents or punctuation. Only names that
 * mean one thing in every country are here: `commune` is an adm2 in Haiti and an adm3 in Mali, so it
 * is not.
 */
const HEADER_TAGS: Readonly<Record<string, readonly string[]>> = {
  '#org+name': [
    'organisation',
    'organization',
    'org',
    'org name',
    'organisation name',
    'organization name',
    'nom de l organisation',
    'nom organisation',
    'acteur',
    'partenaire',
    'partner',
    'agence',
    'agency',
  ],
  '#org+acronym': [
    'acronym',
    'acronyme',
    'accronyme',
    'sigle',
    'org acronym',
    'organisation acronym',
    'organization acronym',
    'organisation acronyme',
    'organisation accronyme',
  ],
  '#org+type': [
    'type org',
    'org type',
    'type d organisation',
    'type organisation',
    'organisation type',
    'organization type',
    'type d acteur',
    'type acteur',
  ],
  '#sector': ['sector', 'secteur', 'cluster', 'secteur cluster'],
  '#activity': ['activity', 'activities', 'activite', 'activites', 'intervention'],
  '#adm1+name': ['region', 'province', 'prefecture', 'admin1', 'adm1', 'admin1 name', 'adm1 name', 'nom region'],
  '#adm1+code': [
    'pcode1',
    'admin1pcode',
    'admin1pcod',
    'admin1 pcode',
    'adm1 pcode',
    'adm1pcode',
    'admin1 code',
    'adm1 code',
    'code region',
    'pcode region',
    'code prefecture',
  ],
  '#adm2+name': ['cercle', 'district', 'sous prefecture', 'sousprefecture', 'admin2', 'adm2', 'admin2 name', 'adm2 name'],
  '#adm2+code': [
    'pcode2',
    'admin2pcode',
    'admin2pcod',
    'admin2 pcode',
    'adm2 pcode',
    'adm2pcode',
    'admin2 code',
    'adm2 code',
    'code cercle',
    'code district',
    'code sous prefecture',
  ],
  '#adm3+code': ['pcode3', 'admin3pcode', 'admin3pcod', 'admin3 pcode', 'adm3 pcode', 'adm3pcode', 'admin3 code', 'adm3 code'],
  '#targeted': ['targeted', 'people targeted', 'beneficiaries targeted', 'cibles', 'personnes ciblees', 'beneficiaires cibles'],
  '#reached': ['reached', 'people reached', 'beneficiaries reached', 'atteints', 'personnes atteintes', 'beneficiaires atteints'],
  '#date+start': ['start date', 'date start', 'start', 'date de debut', 'date debut', 'debut'],
  '#date+end': ['end date', 'date end', 'end', 'date de fin', 'date fin', 'fin'],
  '#meta+role': ['role'],
};

export const normalizeHeader = (header: string): string =>
  header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const BY_NAME = new Map(Object.entries(HEADER_TAGS).flatMap(([tag, names]) => names.map((name) => [name, tag] as const)));

/** The hashtag a header name stands for, or null. */
export const tagForHeader = (header: string): string | null => BY_NAME.get(normalizeHeader(header)) ?? null;
