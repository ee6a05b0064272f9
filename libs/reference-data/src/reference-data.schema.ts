export const referenceDataTypeDefs = /* GraphQL */ `
  input RegisterOrganizationInput { commandId: ID name: String! acronym: String kind: OrganizationKind! }
  "Another spelling that leads a 3W import to this organisation (a merge)."
  input AddOrganizationAliasInput { commandId: ID organizationId: ID! alias: String! expectedVersion: Int }
  "Undoes a merge: the spelling no longer leads to this organisation."
  input RemoveOrganizationAliasInput { commandId: ID organizationId: ID! alias: String! reason: String! expectedVersion: Int }

  extend type Query {
    "The spellings, besides its name and acronym, that imports match to this organisation."
    organizationAliases(organizationId: ID!): [String!]!
  }

  extend type Mutation {
    registerOrganization(input: RegisterOrganizationInput!): Payload!
    addOrganizationAlias(input: AddOrganizationAliasInput!): Payload!
    removeOrganizationAlias(input: RemoveOrganizationAliasInput!): Payload!
  }
`;
