import {
  buildSchema,
  DocumentNode,
  getNamedType,
  GraphQLField,
  GraphQLFieldConfigMap,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLSchema,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  Kind,
  parse,
  print,
  printSchema,
  visit,
} from 'graphql';

/** The subgraph that serves every query, every subscription and the mutations no context owns. */
export const READ_MODEL_SUBGRAPH = 'read-model';

const ROOTS = new Set(['Query', 'Mutation', 'Subscription']);

export const FEDERATION_LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@shareable"])';

/** The Mutation fields a context's own type definitions add (`extend type Mutation { … }`). */
const mutationFieldsOf = (typeDefs: string): string[] => {
  const fields: string[] = [];
  for (const definition of parse(typeDefs).definitions) {
    if (
      (definition.kind === Kind.OBJECT_TYPE_EXTENSION || definition.kind === Kind.OBJECT_TYPE_DEFINITION) &&
      definition.name.value === 'Mutation'
    ) {
      fields.push(...(definition.fields ?? []).map((field) => field.name.value));
    }
  }
  return fields;
};

/** Names of every type a root's kept fields reach, abstract types' implementations included. */
const reachableTypes = (schema: GraphQLSchema, roots: readonly GraphQLField<unknown, unknown>[]): Set<string> => {
  const seen = new Set<string>();
  const queue: GraphQLNamedType[] = [];
  const add = (type: GraphQLNamedType) => {
    if (seen.has(type.name)) return;
    seen.add(type.name);
    queue.push(type);
  };
  for (const field of roots) {
    add(getNamedType(field.type));
    for (const arg of field.args) add(getNamedType(arg.type));
  }
  while (queue.length > 0) {
    const type = queue.pop()!;
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        add(getNamedType(field.type));
        for (const arg of field.args) add(getNamedType(arg.type));
      }
      for (const implemented of type.getInterfaces()) add(implemented);
      if (isInterfaceType(type)) for (const possible of schema.getPossibleTypes(type)) add(possible);
    } else if (isUnionType(type)) {
      for (const member of type.getTypes()) add(member);
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) add(getNamedType(field.type));
    }
  }
  return seen;
};

const rootWith = (type: GraphQLObjectType | null | undefined, keep: (name: string) => boolean): GraphQLObjectType | undefined => {
  if (!type) return undefined;
  const config = type.toConfig();
  const fields: GraphQLFieldConfigMap<unknown, unknown> = {};
  for (const [name, field] of Object.entries(config.fields)) if (keep(name)) fields[name] = field;
  return Object.keys(fields).length > 0 ? new GraphQLObjectType({ ...config, fields }) : undefined;
};

/** Marks the named object types @shareable: several subgraphs resolve them (Payload in every one). */
const withShareable = (sdl: string, shared: ReadonlySet<string>): string => {
  const document: DocumentNode = visit(parse(sdl), {
    ObjectTypeDefinition(node) {
      if (!shared.has(node.name.value)) return undefined;
      return { ...node, directives: [...(node.directives ?? []), { kind: Kind.DIRECTIVE, name: { kind: Kind.NAME, value: 'shareable' }, arguments: [] }] };
    },
  });
  return print(document);
};

export interface SubgraphSplit {
  /** Federation 2 SDL per subgraph name: each context's name, and READ_MODEL_SUBGRAPH. */
  readonly sdl: Readonly<Record<string, string>>;
  /** Which subgraph owns each Mutation field. */
  readonly mutationOwner: Readonly<Record<string, string>>;
}

/**
 * Cuts the one merged schema into Federation 2 subgraphs, so that the schema clients see through
 * the gateway is by construction the platform's (no second copy of the SDL to drift):
 * each context subgraph keeps its own Mutation fields and the types they reach; the read-model
 * subgraph keeps Query, Subscription and every other mutation. Object types found in more than
 * one subgraph are marked @shareable (they are plain values, such as Payload).
 */
export const splitSubgraphs = (
  baseTypeDefs: string,
  contexts: Readonly<Record<string, string>>,
  readModelTypeDefs: readonly string[],
): SubgraphSplit => {
  const schema = buildSchema([baseTypeDefs, ...Object.values(contexts), ...readModelTypeDefs].join('\n'));
  const mutationOwner: Record<string, string> = {};
  for (const [context, typeDefs] of Object.entries(contexts)) {
    for (const field of mutationFieldsOf(typeDefs)) mutationOwner[field] = context;
  }
  for (const field of Object.keys(schema.getMutationType()?.getFields() ?? {})) mutationOwner[field] ??= READ_MODEL_SUBGRAPH;

  const names = [...Object.keys(contexts), READ_MODEL_SUBGRAPH];
  const parts = names.map((name) => {
    const readModel = name === READ_MODEL_SUBGRAPH;
    const query = readModel ? rootWith(schema.getQueryType(), () => true) : undefined;
    const mutation = rootWith(schema.getMutationType(), (field) => mutationOwner[field] === name);
    const subscription = readModel ? rootWith(schema.getSubscriptionType(), () => true) : undefined;
    const fields = [query, mutation, subscription].flatMap((root) => (root ? Object.values(root.getFields()) : []));
    const types = reachableTypes(schema, fields);
    const part = new GraphQLSchema({
      query,
      mutation,
      subscription,
      types: [...types].map((type) => schema.getType(type)!).filter((type) => !ROOTS.has(type.name)),
    });
    return { name, part, objects: [...types].filter((type) => isObjectType(schema.getType(type)) && !ROOTS.has(type)) };
  });

  const counts = new Map<string, number>();
  for (const { objects } of parts) for (const type of objects) counts.set(type, (counts.get(type) ?? 0) + 1);
  const shared = new Set([...counts].filter(([, count]) => count > 1).map(([type]) => type));

  const sdl: Record<string, string> = {};
  for (const { name, part } of parts) sdl[name] = `${FEDERATION_LINK}\n\n${withShareable(printSchema(part), shared)}`;
  return { sdl, mutationOwner };
};
