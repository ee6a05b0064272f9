import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { buildSchema, isObjectType, lexicographicSortSchema, parse, printSchema } from 'graphql';
import { baseTypeDefs, READ_MODEL_SUBGRAPH } from '@coord/runtime';
import { actionPlansTypeDefs } from '@coord/action-plans-feature';
import { aidDeliveriesTypeDefs } from '@coord/aid-deliveries-feature';
import { liaisonTypeDefs } from '@coord/liaison-feature';
import { pictureTypeDefs } from '@coord/picture-feature';
import { planningTypeDefs } from '@coord/planning-feature';
import { referenceDataTypeDefs } from '@coord/reference-data';
import { subgraphs } from './subgraphs';

/** What the all-in-one platform serves after the base (apps/platform/src/served-type-defs.ts; apps cannot import apps). */
const contextTypeDefs = [referenceDataTypeDefs, aidDeliveriesTypeDefs, planningTypeDefs, liaisonTypeDefs, actionPlansTypeDefs, pictureTypeDefs];

const sorted = (sdl: string) => printSchema(lexicographicSortSchema(buildSchema(sdl)));

describe('the subgraphs cut from the platform schema', () => {
  const split = subgraphs();

  it('compose into exactly the schema the all-in-one platform serves', () => {
    const composed = composeServices(Object.entries(split.sdl).map(([name, sdl]) => ({ name, typeDefs: parse(sdl), url: `http://${name}/graphql` })));
    expect(composed.errors ?? []).toEqual([]);
    const api = Supergraph.build(composed.supergraphSdl!).apiSchema().toGraphQLJSSchema();
    const platform = buildSchema([baseTypeDefs, ...contextTypeDefs].join('\n'));
    expect(printSchema(lexicographicSortSchema(api))).toBe(printSchema(lexicographicSortSchema(platform)));
  });

  it('give each context service its own mutations only, and the read-model service every query and subscription', () => {
    const fields = (sdl: string, root: string) => {
      const type = buildSchema(sdl.replace(/^extend schema.*$/m, ''), { assumeValidSDL: true }).getType(root);
      return isObjectType(type) ? Object.keys(type.getFields()) : [];
    };
    expect(fields(split.sdl.planning, 'Mutation')).toContain('formCommittee');
    expect(fields(split.sdl.planning, 'Mutation')).not.toContain('planDelivery');
    expect(fields(split.sdl.planning, 'Query')).toEqual([]);
    expect(fields(split.sdl['aid-deliveries'], 'Mutation').sort()).toEqual(
      ['cancelDelivery', 'confirmDelivery', 'correctDelivery', 'dispatchDelivery', 'planDelivery', 'recordDelivery', 'reportDeliveryFailed'],
    );
    expect(fields(split.sdl[READ_MODEL_SUBGRAPH], 'Mutation').sort()).toEqual(['addOrganizationAlias', 'registerOrganization', 'removeOrganizationAlias']);
    expect(fields(split.sdl[READ_MODEL_SUBGRAPH], 'Subscription')).toContain('deliveryChanged');
    expect(split.mutationOwner.formCommittee).toBe('planning');
    // Payload is resolved by every subgraph: marked shareable everywhere it appears.
    for (const sdl of Object.values(split.sdl)) expect(sdl).toMatch(/type Payload implements CommandPayload @shareable/);
  });

  it('the sorted print tells two schemas apart (the comparison can fail)', () => {
    expect(sorted('type Query { a: Int }')).not.toBe(sorted('type Query { a: String }'));
  });
});
