import type { PictureFilter } from '../../generated/graphql';

/**
 * `GET /exports/3w.csv` needs the bearer token, which a plain link cannot send: the file is fetched
 * and handed to the browser as a download. The filter is PictureFilter's, as query parameters.
 */
export const downloadThreeW = async (token: string, filter: PictureFilter): Promise<void> => {
  const query = new URLSearchParams();
  for (const key of ['adminCode', 'sector', 'organizationId', 'from', 'to'] as const) {
    const value = filter[key];
    if (value != null && value !== '') query.set(key, String(value));
  }
  if (filter.status?.length) query.set('status', filter.status.join(','));
  const response = await fetch(`/exports/3w.csv${query.size ? `?${query}` : ''}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) {
    // REST errors carry the GraphQL codes: `{ error: { code, message } }` (CONTRACT.md).
    const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    throw new Error(body?.error?.message ? `${body.error.code}: ${body.error.message}` : `HTTP ${response.status}`);
  }
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = `3w${filter.adminCode ? `-${filter.adminCode}` : ''}.csv`;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // The click has started the download; the browser keeps its own copy.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
};
