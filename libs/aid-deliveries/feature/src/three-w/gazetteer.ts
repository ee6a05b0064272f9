import type { GazetteerPlace } from '@coord/read-model';
import { normalizeHeader } from './three-w-header-names';

/**
 * The gazetteer as an import sees it: places by P-code, and the prefix each country's P-codes use,
 * which is not always its ISO3 code (Mali's regions are `ML01`…, not `MLI01`…).
 */
export class Gazetteer {
  private readonly places: ReadonlyMap<string, GazetteerPlace>;
  private readonly prefixes = new Map<string, string>();

  constructor(places: readonly GazetteerPlace[]) {
    this.places = new Map(places.map((place) => [place.pcode, place]));
    const counts = new Map<string, Map<string, number>>();
    for (const place of places) {
      if (place.level !== 1 || !place.parentPcode) continue;
      const prefix = /^[A-Z]+/.exec(place.pcode)?.[0];
      if (!prefix) continue;
      const byPrefix = counts.get(place.parentPcode) ?? new Map<string, number>();
      byPrefix.set(prefix, (byPrefix.get(prefix) ?? 0) + 1);
      counts.set(place.parentPcode, byPrefix);
    }
    for (const [country, byPrefix] of counts) {
      const [prefix] = [...byPrefix].sort((a, b) => b[1] - a[1])[0];
      this.prefixes.set(country, prefix);
    }
  }

  get(pcode: string): GazetteerPlace | undefined {
    return this.places.get(pcode);
  }

  /** The place's ancestor at `level` (itself at its own level), or undefined. */
  ancestorAt(pcode: string, level: number): GazetteerPlace | undefined {
    let place = this.places.get(pcode);
    while (place && place.level > level) place = place.parentPcode ? this.places.get(place.parentPcode) : undefined;
    return place?.level === level ? place : undefined;
  }

  /** `MLI05` → `ML05`: the code with the country's own P-code prefix, when the gazetteer knows that code. */
  withCountryPrefix(code: string): string | undefined {
    const country = code.slice(0, 3);
    const prefix = this.prefixes.get(country);
    if (!prefix || prefix === country) return undefined;
    const candidate = prefix + code.slice(3);
    return this.places.has(candidate) ? candidate : undefined;
  }

  /** Whether a row's name for a place is the gazetteer's (`BAMAKO` and `Bamako` are). */
  static sameName(a: string, b: string): boolean {
    return normalizeHeader(a) === normalizeHeader(b);
  }
}
