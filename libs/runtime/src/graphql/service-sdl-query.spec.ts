import { OperationDefinitionNode, parse } from 'graphql';
import { isServiceSdlQuery } from './graphql.module';

const operation = (query: string) => parse(query).definitions[0] as OperationDefinitionNode;

describe('the one operation a subgraph answers without a token', () => {
  it("is the gateway's composition query", () => {
    expect(isServiceSdlQuery(operation('query __ApolloGetServiceDefinition__ { _service { sdl } }'))).toBe(true);
    expect(isServiceSdlQuery(operation('{ __typename _service { sdl } }'))).toBe(true);
  });

  it('is nothing else: no other field beside it, no fragment, no mutation', () => {
    expect(isServiceSdlQuery(operation('{ _service { sdl } organizations { id } }'))).toBe(false);
    expect(isServiceSdlQuery(operation('{ ...F } fragment F on Query { _service { sdl } }'))).toBe(false);
    expect(isServiceSdlQuery(operation('mutation { registerOrganization(input: {}) { id } }'))).toBe(false);
    expect(isServiceSdlQuery(operation('{ organizations { id } }'))).toBe(false);
    expect(isServiceSdlQuery(null)).toBe(false);
  });
});
