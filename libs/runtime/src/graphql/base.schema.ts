/**
 * The shared part of the served schema; each context adds its own with `extend type …`. Names and
 * shapes follow ../shared/api/schema-outline.graphql exactly (a test checks the served schema
 * contains the outline's parts that are implemented).
 */
export const baseTypeDefs = /* GraphQL */ `
  scalar DateTime
  scalar Date

  enum OrganizationKind { PEACEKEEPING_MISSION UN_AGENCY NGO HOST_GOVERNMENT CIVIL_SOCIETY COMMUNITY }
  enum Sector { FOOD_SECURITY HEALTH WASH SHELTER EDUCATION PROTECTION NUTRITION LOGISTICS LIVELIHOODS SECURITY GOVERNANCE }
  enum Severity { LOW MEDIUM HIGH CRITICAL }

  type Organization { id: ID! name: String! acronym: String kind: OrganizationKind! }
  type Location { pcode: ID! name: String! level: Int! parent: Location latitude: Float longitude: Float }

  type HistoryEntry { position: String! version: Int! type: String! occurredAt: DateTime! actor: String! organization: Organization! data: String! }
  type PageInfo { endCursor: String hasNextPage: Boolean! }

  interface CommandPayload { id: ID! version: Int! position: String! }
  type Payload implements CommandPayload { id: ID! version: Int! position: String! }

  type Query {
    organizations: [Organization!]!
    locations(level: Int, parentCode: ID): [Location!]!
    history(id: ID!): [HistoryEntry!]!
  }

  type Mutation
`;
