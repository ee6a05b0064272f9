import { KeyboardEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { geoMercator, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { formatNumber } from '../../ui/format';
import { BoundaryTopology, loadBoundaries, MapLevel, MappedCountry } from './boundaries';
import { NAMESPACE } from './messages';


interface AreaProperties {
  readonly pcode: string;
  readonly name: string;
}

const toAreas = (topology: BoundaryTopology, level: MapLevel): FeatureCollection<Geometry, AreaProperties> => {
  const collection = feature(topology, topology.objects.geom) as FeatureCollection<Geometry, Record<string, string>>;
  return {
    type: 'FeatureCollection',
    features: collection.features.map(
      (area): Feature<Geometry, AreaProperties> => ({
        ...area,
        properties: { pcode: area.properties[`admin${level}Pcode`], name: area.properties[`admin${level}Name`] },
      }),
    ),
  };
};

// A sequential blue scale whose darker steps carry white-on-blue contrast in the legend; empty areas
// are a light grey so "nothing here" reads differently from "a little".
const EMPTY = '#eef1f4';
const STEPS = ['#c6dbef', '#8fbce0', '#4f93c9', '#2166ac', '#0b3d78'];

/** Up to five bins with integer bounds that cover 1…max. */
const binsFor = (max: number): { from: number; to: number }[] => {
  if (max <= 0) return [];
  const count = Math.min(STEPS.length, max);
  const bins: { from: number; to: number }[] = [];
  let from = 1;
  for (let index = 0; index < count; index += 1) {
    const to = index === count - 1 ? max : Math.max(from, Math.round(((index + 1) * max) / count));
    if (from > to) break;
    bins.push({ from, to });
    from = to + 1;
  }
  return bins;
};

const WIDTH = 640;
const HEIGHT = 460;

export interface AreaMapProps {
  readonly country: MappedCountry;
  readonly countryName: string;
  readonly level: MapLevel;
  readonly measureLabel: string;
  /** The value of an area drawn, by its P-code. */
  valueOf(pcode: string): number;
  isGap(pcode: string): boolean;
  readonly selected: string | null;
  /** The gazetteer's name of an area, when known: the files' names differ (English in Haiti's, no apostrophes in CAR's). */
  nameOf(pcode: string): string | undefined;
  onSelect(pcode: string, name: string): void;
}

const AreaMap = ({ country, countryName, level, measureLabel, valueOf, isGap, selected, nameOf, onSelect }: AreaMapProps) => {
  const { t } = useTranslation(NAMESPACE);
  const [areas, setAreas] = useState<FeatureCollection<Geometry, AreaProperties> | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [pointed, setPointed] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setAreas(null);
    setFailure(null);
    loadBoundaries(country, level).then(
      (topology) => current && setAreas(toAreas(topology, level)),
      (error: Error) => current && setFailure(error.message),
    );
    return () => {
      current = false;
    };
  }, [country, level]);

  const shapes = useMemo(() => {
    if (!areas) return [];
    const path = geoPath(geoMercator().fitExtent([[8, 8], [WIDTH - 8, HEIGHT - 8]], areas));
    return areas.features.map((area) => ({ ...area.properties, d: path(area) ?? '' }));
  }, [areas]);

  const drawn = shapes.map((shape) => ({ ...shape, name: nameOf(shape.pcode) ?? shape.name, value: valueOf(shape.pcode), gap: isGap(shape.pcode) }));
  const max = Math.max(0, ...drawn.map((shape) => shape.value));
  const bins = binsFor(max);
  const fillOf = (value: number) => {
    if (value <= 0) return EMPTY;
    const index = bins.findIndex((bin) => value >= bin.from && value <= bin.to);
    return STEPS[index < 0 ? bins.length - 1 : index];
  };
  const levelLabel = t(`levels.${level}`);

  if (failure) return <p className="alert error">{t('mapFailed', { message: failure })}</p>;
  if (!areas) return <p role="status">{t('mapLoading')}</p>;

  const onKey = (event: KeyboardEvent, pcode: string, name: string) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(pcode, name);
    }
  };

  // The selected area is drawn last so its thick outline is not hidden under its neighbours.
  const ordered = [...drawn].sort((a, b) => Number(a.pcode === selected) - Number(b.pcode === selected));
  return (
    <figure className="area-map">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="group"
        aria-label={t('mapLabel', { country: countryName, level: levelLabel, measure: measureLabel })}
        data-country={country}
        data-level={level}
      >
        {ordered.map((shape) => {
          const value = shape.value;
          const flags = [shape.pcode === selected ? t('areaSelected') : null, shape.gap ? t('areaGap') : null].filter(Boolean);
          const label = t('areaValue', { name: shape.name, measure: measureLabel, value: formatNumber(value) }) + (flags.length ? ` (${flags.join(', ')})` : '');
          return (
            <path
              key={shape.pcode}
              d={shape.d}
              fill={fillOf(value)}
              className={`area${shape.pcode === selected ? ' selected' : ''}${shape.gap ? ' gap' : ''}`}
              role="button"
              tabIndex={0}
              aria-label={label}
              aria-pressed={shape.pcode === selected}
              data-pcode={shape.pcode}
              data-value={value}
              onClick={() => onSelect(shape.pcode, shape.name)}
              onMouseEnter={() => setPointed(label)}
              onMouseLeave={() => setPointed(null)}
              onFocus={() => setPointed(label)}
              onBlur={() => setPointed(null)}
              onKeyDown={(event) => onKey(event, shape.pcode, shape.name)}
            >
              <title>{label}</title>
            </path>
          );
        })}
      </svg>
      {/* The pointed area at once, where a native tooltip waits a second; screen readers hear it on focus already. */}
      <p className="map-readout" aria-hidden="true">
        {pointed ?? '\u00a0'}
      </p>
      <figcaption>
        <p className="muted">{t('mapHelp')}</p>
        <div className="legend">
          <strong>{t('legend', { measure: measureLabel })}</strong>
          <ul>
            <li>
              <span className="swatch" style={{ background: EMPTY }} aria-hidden="true" /> {t('legendSingle', { value: `0 (${t('legendNone')})` })}
            </li>
            {bins.map((bin, index) => (
              <li key={bin.from}>
                <span className="swatch" style={{ background: STEPS[index] }} aria-hidden="true" />{' '}
                {bin.from === bin.to ? t('legendSingle', { value: formatNumber(bin.from) }) : t('legendRange', { from: formatNumber(bin.from), to: formatNumber(bin.to) })}
              </li>
            ))}
            <li>
              <span className="swatch selected" aria-hidden="true" /> {t('legendSelected')}
            </li>
          </ul>
        </div>
        <p className="muted attribution">{t('attribution')}</p>
      </figcaption>
    </figure>
  );
};

export default AreaMap;
