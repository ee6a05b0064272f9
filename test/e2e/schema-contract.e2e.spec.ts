import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  buildSchema,
  GraphQLField,
  GraphQLInputObjectType,
  GraphQLInterfaceType,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { startTestPlatform, TestPlatform } from '../support/platform';

/**
 * The served schema must contain the outline (docs/api/schema-outline.graphql, a copy of the shared
 * contract) with the same names and shapes, nullability included. What later issues will add is
 * listed here; the test fails when something is served that is still listed, so the list shrinks.
 */
const NOT_YET_SERVED = new Set<string>([]);

const ROOTS = new Set(['Query', 'Mutation', 'Subscription']);

const fieldSignature = (field: GraphQLField<unknown, unknown>) =>
  `${String(field.type)}(${field.args.map((arg) => `${arg.name}: ${String(arg.type)}`).join(', ')})`;

const differences = (outline: GraphQLSchema, served: GraphQLSchema): string[] => {
  const problems: string[] = [];
  const unexpectedlyServed: string[] = [];
  for (const outlined of Object.values(outline.getTypeMap())) {
    if (outlined.name.startsWith('__') || isScalarType(outlined) && ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(outlined.name)) continue;
    const actual: GraphQLNamedType | undefined = served.getType(outlined.name);
    const pending = NOT_YET_SERVED.has(outlined.name);
    if (!actual) {
      if (!pending) problems.push(`type ${outlined.name} is missing`);
      continue;
    }
    if (pending && !ROOTS.has(outlined.name)) unexpectedlyServed.push(outlined.name);
    if (actual.constructor !== outlined.constructor) problems.push(`${outlined.name} is a ${actual.constructor.name}, not a ${outlined.constructor.name}`);
    if (isEnumType(outlined) && isEnumType(actual)) {
      const values = actual.getValues().map((value) => value.name);
      for (const value of outlined.getValues()) if (!values.includes(value.name)) problems.push(`enum ${outlined.name} lacks ${value.name}`);
    }
    if ((isObjectType(outlined) || isInterfaceType(outlined)) && (isObjectType(actual) || isInterfaceType(actual))) {
      const actualFields = (actual as GraphQLObjectType | GraphQLInterfaceType).getFields();
      for (const field of Object.values(outlined.getFields())) {
        const key = `${outlined.name}.${field.name}`;
        const servedField = actualFields[field.name];
        if (!servedField) {
          if (!NOT_YET_SERVED.has(key)) problems.push(`${key} is missing`);
          continue;
        }
        if (NOT_YET_SERVED.has(key)) unexpectedlyServed.push(key);
        if (fieldSignature(servedField) !== fieldSignature(field)) problems.push(`${key} is ${fieldSignature(servedField)}, the outline says ${fieldSignature(field)}`);
      }
      if (isObjectType(outlined) && isObjectType(actual)) {
        const interfaces = actual.getInterfaces().map((item) => item.name);
        for (const item of outlined.getInterfaces()) if (!interfaces.includes(item.name)) problems.push(`${outlined.name} does not implement ${item.name}`);
      }
    }
    if (isInputObjectType(outlined) && isInputObjectType(actual)) {
      const actualFields = (actual as GraphQLInputObjectType).getFields();
      for (const field of Object.values(outlined.getFields())) {
        const servedField = actualFields[field.name];
        if (!servedField) problems.push(`${outlined.name}.${field.name} is missing`);
        else if (String(servedField.type) !== String(field.type)) problems.push(`${outlined.name}.${field.name} is ${servedField.type}, the outline says ${field.type}`);
      }
      for (const field of Object.values(actualFields)) {
        // An added input field must be optional, or clients written against the outline break.
        if (!outlined.getFields()[field.name] && String(field.type).endsWith('!')) problems.push(`${outlined.name}.${field.name} is an added required field`);
      }
    }
  }
  return [...problems, ...unexpectedlyServed.map((name) => `${name} is served: remove it from NOT_YET_SERVED`)];
};

describe('the served schema contains the public outline', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform();
  });
  afterAll(() => platform?.close());

  it('serves every outlined name with the outlined shape', () => {
    const outline = buildSchema(readFileSync(join(__dirname, '..', '..', 'docs', 'api', 'schema-outline.graphql'), 'utf8'));
    const served = platform.app.get(GraphQLSchemaHost).schema;
    expect(differences(outline, served)).toEqual([]);
  });

  it('notices a renamed field (the check can fail)', () => {
    const outline = buildSchema('type Query { aidDelivery(id: ID!): AidDelivery } type AidDelivery { id: ID! status: String! }');
    const served = buildSchema('type Query { aidDelivery(id: ID!): AidDelivery } type AidDelivery { id: ID! state: String! }');
    expect(differences(outline, served)).toEqual(['AidDelivery.status is missing']);
  });
});
