import { Client, fetchExchange, subscriptionExchange } from 'urql';
import { Cache, cacheExchange } from '@urql/exchange-graphcache';
import { createClient as createSocketClient } from 'graphql-ws';
import { MUTATION_FIELDS } from '../generated/graphql';

/**
 * The newest log position this browser's own commands reached. Sent as X-Min-Position with every
 * query, so a page read right after a command shows it (CONTRACT.md read-your-writes).
 */
let lastWritePosition: string | null = null;

const comparePositions = (a: string, b: string) => {
  const [a1, a2] = a.split(':').map(BigInt);
  const [b1, b2] = b.split(':').map(BigInt);
  return a1 === b1 ? (a2 === b2 ? 0 : a2 < b2 ? -1 : 1) : a1 < b1 ? -1 : 1;
};

export const rememberWritePosition = (position: string | null | undefined) => {
  if (!position || !/^\d+:\d+$/.test(position)) return;
  if (lastWritePosition === null || comparePositions(position, lastWritePosition) > 0) lastWritePosition = position;
};

// Types without an `id` of their own: stored inside their parent, never normalised.
const embedded = () => null;
const valueTypes = [
  'Payload', 'PictureRow', 'Gap', 'Overlap', 'HistoryEntry', 'Item', 'People', 'Indicator', 'Stakeholder',
  'ActionItem', 'PageInfo', 'AidDeliveryConnection', 'ReviewComment', 'ProgressReport', 'ActionPlanChange',
  'DeliveryItem', 'PeopleReached', 'FieldChange',
];

export const createApiClient = (token: string | null, onUnauthenticated: () => void): Client => {
  const socket = token
    ? createSocketClient({
        url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
        connectionParams: { authorization: `Bearer ${token}` },
        lazy: true,
        retryAttempts: Infinity,
        shouldRetry: () => true,
      })
    : null;
  return new Client({
    url: '/graphql',
    preferGetMethod: false,
    fetchOptions: () => ({
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(lastWritePosition ? { 'x-min-position': lastWritePosition } : {}),
      },
    }),
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      if (response.status === 401) onUnauthenticated();
      return response;
    },
    exchanges: [
      cacheExchange({
        keys: {
          Location: (location) => (location.pcode as string) ?? null,
          ...Object.fromEntries(valueTypes.map((type) => [type, embedded])),
        },
        updates: {
          // Every command can change several views of the shared picture (lists, counts, the
          // matrix): drop the cached root queries so mounted pages read again, with X-Min-Position.
          Mutation: Object.fromEntries(
            MUTATION_FIELDS.map((field) => [
              field,
              (result: Record<string, unknown>, _args: unknown, cache: Cache) => {
                rememberWritePosition((result[field] as { position?: string } | null)?.position);
                for (const query of cache.inspectFields('Query')) cache.invalidate('Query', query.fieldName, query.arguments ?? undefined);
              },
            ]),
          ),
        },
      }),
      ...(socket
        ? [
            subscriptionExchange({
              forwardSubscription: (request) => ({
                subscribe: (sink) => ({ unsubscribe: socket.subscribe({ ...request, query: request.query ?? '' }, sink) }),
              }),
            }),
          ]
        : []),
      fetchExchange,
    ],
  });
};
