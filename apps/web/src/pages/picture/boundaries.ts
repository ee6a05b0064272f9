import type { GeometryCollection, Topology } from 'topojson-specification';

export type MappedCountry = 'CAF' | 'HTI';
export type MapLevel = 1 | 2;
export type BoundaryTopology = Topology<{ geom: GeometryCollection<Record<string, string>> }>;

// Files copied verbatim from ../shared/data/real/boundaries (see public/boundaries/README.md); each
// holds one object, `geom`, with the P-code and name of every area.
const FILES: Record<MappedCountry, string> = { CAF: 'caf', HTI: 'hti' };

// One download per file and page load, shared by the page (which starts it early, alongside the map's
// code, to save a round trip on a slow link) and the map: switching measures or filters redraws
// without another download.
const loaded = new Map<string, Promise<BoundaryTopology>>();

export const loadBoundaries = (country: MappedCountry, level: MapLevel): Promise<BoundaryTopology> => {
  const url = `/boundaries/${FILES[country]}-adm${level}.topojson`;
  let pending = loaded.get(url);
  if (!pending) {
    pending = fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      return response.json() as Promise<BoundaryTopology>;
    });
    // A failed download is tried again the next time the map is shown.
    pending.catch(() => loaded.delete(url));
    loaded.set(url, pending);
  }
  return pending;
};
