import { SECTORS, type Sector } from '@coord/contracts';
import { normalizeHeader } from './three-w-header-names';

/**
 * How 3W files name the platform's sectors (DOMAIN.md "Reference data": the humanitarian clusters),
 * in English and French, cluster codes included. Judgement calls, each reported as a fix: camp
 * coordination and management sits with shelter (one cluster in CAR, "Abris/NFI/CCCM"), emergency
 * telecommunications with logistics (both common services), cholera response with health, early
 * recovery with livelihoods. Coordination is not a sector of the platform: such rows are refused.
 */
const NAMES: Readonly<Record<Sector, readonly string[]>> = {
  FOOD_SECURITY: ['food security', 'food', 'securite alimentaire', 'secal', 'sa', 'fsc', 'fsl', 'food security and livelihoods', 'agriculture'],
  HEALTH: ['health', 'sante', 'hea', 'hlt', 'cholera', 'cholera response', 'reponse cholera'],
  WASH: ['wash', 'water sanitation and hygiene', 'water sanitation hygiene', 'eha', 'epah', 'eau hygiene et assainissement', 'eau hygiene assainissement', 'wsh'],
  SHELTER: [
    'shelter',
    'shelter nfi',
    'shelter and nfi',
    'shelter non food items',
    'nfi',
    'abris',
    'abris nfi',
    'abris bna',
    'abris et bna',
    'abris ana',
    'abri',
    'cccm',
    'camp coordination and camp management',
    'shl',
    'esnfi',
  ],
  EDUCATION: ['education', 'edu'],
  PROTECTION: ['protection', 'pro', 'prt', 'child protection', 'protection de l enfance', 'gbv', 'vbg'],
  NUTRITION: ['nutrition', 'nut'],
  LOGISTICS: ['logistics', 'logistique', 'log', 'telecom', 'telecoms', 'etc', 'emergency telecommunications', 'telecommunications d urgence'],
  LIVELIHOODS: ['livelihoods', 'moyens de subsistance', 'early recovery', 'relevement precoce', 'ery', 'relevement'],
  SECURITY: ['security', 'securite'],
  GOVERNANCE: ['governance', 'gouvernance'],
};

const BY_NAME = new Map<string, Sector>([
  ...SECTORS.map((sector) => [normalizeHeader(sector), sector] as const),
  ...Object.entries(NAMES).flatMap(([sector, names]) => names.map((name) => [name, sector as Sector] as const)),
]);

/** The sector a file's wording stands for, or null when the platform has none like it. */
export const sectorFor = (label: string): Sector | null => BY_NAME.get(normalizeHeader(label)) ?? null;
