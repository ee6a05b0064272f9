export const referenceDataTypeDefs = /* GraphQL */ `
  input RegisterOrganizationInput { commandId: ID name: String! acronym: String kind: OrganizationKind! }

  extend type Mutation {
    registerOrganization(input: RegisterOrganizationInput!): Payload!
  }
`;
