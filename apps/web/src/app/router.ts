import { useEffect, useState } from 'react';

/**
 * Hash routes (`#/deliveries/…`): the server serves one page at `/` and needs no route table, and a
 * link works offline from the browser's cache.
 */
export interface Route {
  readonly path: string;
  readonly segments: readonly string[];
  readonly params: URLSearchParams;
}

const readRoute = (): Route => {
  const raw = location.hash.replace(/^#/, '') || '/picture';
  const [path, query = ''] = raw.split('?');
  return { path, segments: path.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(query) };
};

export const useRoute = (): Route => {
  const [route, setRoute] = useState(readRoute);
  useEffect(() => {
    const onChange = () => setRoute(readRoute());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
};

export const href = (...segments: string[]) => `#/${segments.map(encodeURIComponent).join('/')}`;

export const navigate = (...segments: string[]) => {
  location.hash = href(...segments);
};
