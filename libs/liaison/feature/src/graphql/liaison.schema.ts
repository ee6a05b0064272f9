export const liaisonTypeDefs = /* GraphQL */ `
  enum MeetingStatus { SCHEDULED HELD CANCELLED }

  type LiaisonMeeting { id: ID! title: String! host: Organization! location: Location! startsAt: DateTime! status: MeetingStatus!
    stakeholders: [Stakeholder!]! attendanceWomen: Int attendanceMen: Int concerns: [Concern!]! version: Int!
    "Youth among the women and men attending, when counted."
    attendanceYouth: Int
    cancellationReason: String
    "Global log position of the last event applied to this record."
    position: String!
    updatedAt: DateTime! }
  type Stakeholder { name: String! group: String! }
  """
  A sensitive concern's text is shown only to the host organisation and to the organisations
  assigned a follow-up on it; everyone else reads null.
  """
  type Concern { id: ID! sector: Sector! severity: Severity! location: Location! text: String sensitive: Boolean! followUps: [FollowUp!]! raisedAt: DateTime!
    meetingId: ID! }
  "Overdue: past its due date (in UTC days) and not done."
  type FollowUp { id: ID! assignee: Organization! dueDate: Date! done: Boolean! overdue: Boolean! note: String
    concernId: ID!
    completedAt: DateTime }

  input StakeholderInput { name: String! group: String! }

  input ScheduleLiaisonMeetingInput { commandId: ID title: String! adminCode: ID! startsAt: DateTime! stakeholders: [StakeholderInput!]! }
  input RecordMeetingHeldInput { commandId: ID meetingId: ID! attendanceWomen: Int! attendanceMen: Int! expectedVersion: Int
    "Youth among the women and men attending, when counted (added to the outline's fields)."
    attendanceYouth: Int }
  input RaiseConcernInput { commandId: ID meetingId: ID! sector: Sector! severity: Severity! adminCode: ID! text: String! sensitive: Boolean expectedVersion: Int }
  input AssignFollowUpInput { commandId: ID meetingId: ID! concernId: ID! assigneeId: ID! dueDate: Date! expectedVersion: Int }
  input CompleteFollowUpInput { commandId: ID meetingId: ID! followUpId: ID! note: String expectedVersion: Int }
  input CancelLiaisonMeetingInput { commandId: ID meetingId: ID! reason: String! expectedVersion: Int }

  extend type Query {
    liaisonMeeting(id: ID!): LiaisonMeeting
    "Meetings at adminCode or anywhere below it (any admin level), starting between from and to (UTC days, inclusive)."
    liaisonMeetings(adminCode: ID, from: Date, to: Date): [LiaisonMeeting!]!
  }

  extend type Mutation {
    scheduleLiaisonMeeting(input: ScheduleLiaisonMeetingInput!): Payload!
    recordMeetingHeld(input: RecordMeetingHeldInput!): Payload!
    raiseConcern(input: RaiseConcernInput!): Payload!
    assignFollowUp(input: AssignFollowUpInput!): Payload!
    completeFollowUp(input: CompleteFollowUpInput!): Payload!
    cancelLiaisonMeeting(input: CancelLiaisonMeetingInput!): Payload!
  }

  type Subscription {
    "CRITICAL concerns, as soon as they are recorded, about a place at or below adminCode (any admin level; absent: everywhere)."
    earlyWarning(adminCode: ID): Concern!
  }
`;
