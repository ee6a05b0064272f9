import type { GraphQLResponse, TestPlatform } from './platform';

type GraphQLError = NonNullable<GraphQLResponse['errors']>[number];

/** What every command answers. */
export interface Payload {
  id: string;
  version: number;
  position: string;
}

/**
 * The three calls a journey makes over GraphQL, bound to a platform that `beforeAll` starts later
 * (hence the getter). `onAccepted` sees every accepted payload, for suites that read at the
 * position of their last write.
 */
export const graphqlCalls = (platform: () => TestPlatform, onAccepted: (payload: Payload) => void = () => undefined) => ({
  /** A mutation that must be accepted: its payload. */
  ok: async (query: string, input: Record<string, unknown>, token: string): Promise<Payload> => {
    const response = await platform().graphql(query, { input }, { token });
    expect(response.errors).toBeUndefined();
    const payload = Object.values(response.data!)[0] as Payload;
    onAccepted(payload);
    return payload;
  },

  /** A mutation that must be refused with `code` (and the details given) and answer nothing: the error. */
  refused: async (
    query: string,
    input: Record<string, unknown>,
    token: string,
    code: string,
    details: { field?: string; reason?: string } = {},
  ): Promise<GraphQLError> => {
    const response = await platform().graphql(query, { input }, { token });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code, ...details });
    expect(response.data ? Object.values(response.data)[0] : null).toBeNull();
    return response.errors![0];
  },

  /** A query's first field, answered once the read model has applied the log up to `position`. */
  read: async <T = any>(query: string, variables: Record<string, unknown>, token: string, position?: string): Promise<T> => {
    const response = await platform().graphql(query, variables, { token, headers: position ? { 'x-min-position': position } : {} });
    expect(response.errors).toBeUndefined();
    return Object.values(response.data!)[0] as T;
  },
});
