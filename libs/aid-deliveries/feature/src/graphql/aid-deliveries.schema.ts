export const aidDeliveriesTypeDefs = /* GraphQL */ `
  enum DeliveryStatus { PLANNED DISPATCHED DELIVERED CONFIRMED FAILED CANCELLED }
  enum FailureReason { ACCESS_DENIED INSECURITY LOGISTICS OTHER }

  type AidDelivery { id: ID! agency: Organization! implementingPartner: Organization sector: Sector! items: [DeliveryItem!]!
    destination: Location! plannedDate: Date! status: DeliveryStatus! targetedBeneficiaries: Int!
    reached: PeopleReached failureReason: FailureReason confirmedBy: Organization version: Int!
    "What was actually delivered, once recorded (items are what was planned)."
    deliveredItems: [DeliveryItem!]
    "Global log position of the last event applied to this record."
    position: String!
    updatedAt: DateTime! }
  type DeliveryItem { commodity: String! quantity: Float! unit: String! }
  """
  For readers outside the delivering organisations, a total under the disclosure threshold is not
  broken down: women, men, girls and boys are then 0 and breakdownRedacted is true.
  """
  type PeopleReached { women: Int! men: Int! girls: Int! boys: Int! total: Int! breakdownRedacted: Boolean! }

  input PictureFilter { adminCode: ID sector: Sector organizationId: ID from: Date to: Date status: [DeliveryStatus!] }
  type AidDeliveryConnection { nodes: [AidDelivery!]! pageInfo: PageInfo! totalCount: Int! }

  input ItemInput { commodity: String! quantity: Float! unit: String! }
  input PeopleInput { women: Int! men: Int! girls: Int! boys: Int! }

  input PlanDeliveryInput { commandId: ID sector: Sector! items: [ItemInput!]! adminCode: ID! plannedDate: Date! targetedBeneficiaries: Int! implementingPartnerId: ID }
  input DispatchDeliveryInput { commandId: ID deliveryId: ID! expectedVersion: Int }
  input RecordDeliveryInput { commandId: ID deliveryId: ID! deliveredItems: [ItemInput!]! reached: PeopleInput! expectedVersion: Int }
  input ConfirmDeliveryInput { commandId: ID deliveryId: ID! expectedVersion: Int }
  input ReportDeliveryFailedInput { commandId: ID deliveryId: ID! reason: FailureReason! note: String expectedVersion: Int }
  input CancelDeliveryInput { commandId: ID deliveryId: ID! reason: String! expectedVersion: Int }
  input CorrectDeliveryInput { commandId: ID deliveryId: ID! reason: String! items: [ItemInput!] reached: PeopleInput targetedBeneficiaries: Int adminCode: ID expectedVersion: Int
    "Corrects what was delivered (added to the outline's fields; the outline's items correct the plan)."
    deliveredItems: [ItemInput!] }

  extend type Query {
    aidDelivery(id: ID!): AidDelivery
    aidDeliveries(filter: PictureFilter, first: Int, after: String): AidDeliveryConnection!
  }

  extend type Mutation {
    planDelivery(input: PlanDeliveryInput!): Payload!
    dispatchDelivery(input: DispatchDeliveryInput!): Payload!
    recordDelivery(input: RecordDeliveryInput!): Payload!
    confirmDelivery(input: ConfirmDeliveryInput!): Payload!
    reportDeliveryFailed(input: ReportDeliveryFailedInput!): Payload!
    cancelDelivery(input: CancelDeliveryInput!): Payload!
    correctDelivery(input: CorrectDeliveryInput!): Payload!
  }
`;
