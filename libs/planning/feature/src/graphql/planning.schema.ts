export const planningTypeDefs = /* GraphQL */ `
  enum SessionStatus { SCHEDULED CANCELLED CONCLUDED }

  type Committee { id: ID! name: String! chair: Organization! members: [Organization!]! location: Location sessions: [Session!]! version: Int!
    "Global log position of the last event applied to this record."
    position: String!
    formedAt: DateTime! }
  "A session of a committee, cancelled ones included; times are answered in UTC."
  type Session { id: ID! committeeId: ID! startsAt: DateTime! endsAt: DateTime! venue: String! agenda: [String!]! status: SessionStatus!
    "The member organisations recorded as attending."
    attendees: [Organization!]!
    "In the order they were taken."
    decisions: [Decision!]!
    cancellationReason: String }
  type Decision { id: ID! text: String! actionItem: ActionItem recordedAt: DateTime! }
  type ActionItem { description: String! responsible: Organization! dueDate: Date! sector: Sector location: Location }

  "The responsible organisation must be a member of the committee."
  input ActionItemInput { description: String! responsibleId: ID! dueDate: Date! sector: Sector adminCode: ID }

  input FormCommitteeInput { commandId: ID name: String! chairId: ID! memberIds: [ID!]! adminCode: ID }
  input ScheduleSessionInput { commandId: ID committeeId: ID! startsAt: DateTime! endsAt: DateTime! venue: String! agenda: [String!]! expectedVersion: Int
    "Schedule even though members sit in overlapping sessions of other committees; the event records the clashes."
    allowMemberClash: Boolean }
  input RescheduleSessionInput { commandId: ID committeeId: ID! sessionId: ID! startsAt: DateTime! endsAt: DateTime! expectedVersion: Int
    "Move even though members sit in overlapping sessions of other committees; the event records the clashes."
    allowMemberClash: Boolean }
  input CancelSessionInput { commandId: ID committeeId: ID! sessionId: ID! reason: String! expectedVersion: Int }
  "The complete attendance: it replaces any attendance recorded before."
  input RecordAttendanceInput { commandId: ID committeeId: ID! sessionId: ID! organizationIds: [ID!]! expectedVersion: Int }
  input RecordDecisionInput { commandId: ID committeeId: ID! sessionId: ID! text: String! actionItem: ActionItemInput expectedVersion: Int }
  input ConcludeSessionInput { commandId: ID committeeId: ID! sessionId: ID! expectedVersion: Int }

  extend type Query {
    committee(id: ID!): Committee
    committees: [Committee!]!
  }

  # A committee and its sessions share one stream: every payload's version is the committee's, and
  # is the expectedVersion of the next command on the committee or any of its sessions.
  extend type Mutation {
    "id = the committee id"
    formCommittee(input: FormCommitteeInput!): Payload!
    "id = the session id"
    scheduleSession(input: ScheduleSessionInput!): Payload!
    "id = the session id"
    rescheduleSession(input: RescheduleSessionInput!): Payload!
    "id = the session id"
    cancelSession(input: CancelSessionInput!): Payload!
    "id = the session id"
    recordAttendance(input: RecordAttendanceInput!): Payload!
    "id = the decision id"
    recordDecision(input: RecordDecisionInput!): Payload!
    "id = the session id"
    concludeSession(input: ConcludeSessionInput!): Payload!
  }
`;
