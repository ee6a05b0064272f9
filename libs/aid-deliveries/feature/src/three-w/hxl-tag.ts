/** An HXL hashtag with its attributes: `#org +name +i_en` is `{ hashtag: 'org', attributes: ['name', 'i_en'] }`. */
export interface HxlTag {
  readonly hashtag: string;
  readonly attributes: readonly string[];
}

const TAG = /^#([a-z][a-z0-9_]*)((?:\+[a-z][a-z0-9_]*)*)$/;
// HXL 1.0-alpha wrote the code of a thing as a suffix (`#adm1_id`, `#sector_code`); 1.1 writes `+code`.
const LEGACY_CODE_SUFFIX = /^(.+)_(id|code)$/;

/**
 * Reads a hashtag cell case- and space-insensitively (`#Org +Name` == `#org+name`), or null when the
 * cell is not a hashtag. Attributes keep their order but are compared as a set.
 */
export const parseHxlTag = (cell: string): HxlTag | null => {
  const match = TAG.exec(cell.replace(/\s+/g, '').toLowerCase());
  if (!match) return null;
  const attributes = match[2].split('+').filter(Boolean);
  const legacy = LEGACY_CODE_SUFFIX.exec(match[1]);
  return legacy ? { hashtag: legacy[1], attributes: [...attributes, 'code'] } : { hashtag: match[1], attributes };
};

export const formatHxlTag = (tag: HxlTag): string => `#${tag.hashtag}${tag.attributes.map((attribute) => `+${attribute}`).join('')}`;

/** The language of a bilingual column (`+i_fr`), or null. */
export const languageOf = (tag: HxlTag): string | null => {
  const language = tag.attributes.find((attribute) => /^i_[a-z]{2,3}$/.test(attribute));
  return language ? language.slice(2) : null;
};

/** The HXL hashtag row: the first row whose non-empty cells all start with `#` (and there is at least one). */
export const isHashtagRow = (cells: readonly string[]): boolean => {
  const filled = cells.map((cell) => cell.trim()).filter((cell) => cell !== '');
  return filled.length > 0 && filled.every((cell) => cell.startsWith('#'));
};
