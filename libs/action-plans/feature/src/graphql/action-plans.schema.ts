export const actionPlansTypeDefs = /* GraphQL */ `
  enum ActionPlanStatus { DRAFT SUBMITTED CHANGES_REQUESTED APPROVED CLOSED }
  enum ActionStatus { PLANNED IN_PROGRESS DONE BLOCKED CANCELLED }
  enum ReviewVerdict { CHANGES_REQUESTED APPROVED }

  type ActionPlan { id: ID! title: String! lead: Organization! counterpart: Organization! location: Location
    periodStart: Date! periodEnd: Date! status: ActionPlanStatus! actions: [Action!]! reviewComments: [ReviewComment!]! version: Int!
    "The committee whose standing plan this is: its decisions with an action item become actions here."
    committeeId: ID
    "The last submission."
    submittedAt: DateTime
    approvedAt: DateTime
    closedAt: DateTime
    "Global log position of the last event applied to this record."
    position: String!
    updatedAt: DateTime! }
  "Overdue: past its due date (in UTC days) and neither DONE nor CANCELLED."
  type Action { id: ID! description: String! responsible: Organization! sector: Sector! location: Location! startDate: Date! dueDate: Date!
    status: ActionStatus! indicator: Indicator overdue: Boolean!
    planId: ID!
    "The committee decision the action carries out, when it came from one."
    sourceDecisionId: ID
    "The note of the last progress report."
    note: String
    progressReportedAt: DateTime }
  "actual: the last value reported, null until one is."
  type Indicator { name: String! unit: String! baseline: Float! target: Float! actual: Float }
  type ReviewComment { author: Organization! text: String! at: DateTime!
    verdict: ReviewVerdict! }

  enum ActionPlanChangeKind { PLAN_DRAFTED PLAN_AMENDED ACTION_ADDED ACTION_AMENDED ACTION_REMOVED PLAN_SUBMITTED CHANGES_REQUESTED PLAN_APPROVED PROGRESS_REPORTED PLAN_CLOSED }
  "A field an amendment changed; values other than text are written as JSON (12, null)."
  type FieldChange { field: String! from: String to: String }
  "One change of a plan: what moved, who (user and organisation) and when."
  type ActionPlanChange { kind: ActionPlanChangeKind! at: DateTime! actor: String! organization: Organization!
    "The plan's stream revision after the change, and its global log position."
    version: Int! position: String!
    previousStatus: ActionPlanStatus status: ActionPlanStatus!
    "The action concerned, as it then was."
    actionId: ID actionDescription: String responsible: Organization
    fields: [FieldChange!]!
    previousActionStatus: ActionStatus actionStatus: ActionStatus
    previousActual: Float actual: Float
    "A review comment, a progress note, or why an action was removed."
    comment: String }

  input IndicatorInput { name: String! unit: String! baseline: Float! target: Float! }

  input DraftActionPlanInput { commandId: ID title: String! counterpartId: ID! adminCode: ID periodStart: Date! periodEnd: Date! }
  "Absent fields are unchanged."
  input AmendActionPlanInput { commandId: ID planId: ID! title: String adminCode: ID periodStart: Date periodEnd: Date expectedVersion: Int }
  input AddActionInput { commandId: ID planId: ID! description: String! responsibleId: ID! sector: Sector! adminCode: ID! startDate: Date! dueDate: Date! indicator: IndicatorInput expectedVersion: Int }
  "Absent fields are unchanged; an indicator given replaces the action's whole."
  input AmendActionInput { commandId: ID planId: ID! actionId: ID! description: String responsibleId: ID sector: Sector adminCode: ID startDate: Date dueDate: Date indicator: IndicatorInput expectedVersion: Int }
  input RemoveActionInput { commandId: ID planId: ID! actionId: ID! reason: String expectedVersion: Int }
  input SubmitActionPlanInput { commandId: ID planId: ID! expectedVersion: Int }
  input ApproveActionPlanInput { commandId: ID planId: ID! expectedVersion: Int
    "An optional word with the approval, kept among the review comments."
    comment: String }
  input RequestActionPlanChangesInput { commandId: ID planId: ID! comment: String! expectedVersion: Int }
  input ReportActionProgressInput { commandId: ID planId: ID! actionId: ID! status: ActionStatus! actual: Float note: String expectedVersion: Int }
  input CloseActionPlanInput { commandId: ID planId: ID! expectedVersion: Int }

  extend type Query {
    actionPlan(id: ID!): ActionPlan
    actionPlans(status: ActionPlanStatus): [ActionPlan!]!
    "The action a committee decision became (decision → action → progress), null while it has none."
    actionForDecision(decisionId: ID!): Action
    "Actions overdue now, at adminCode or anywhere below it (any admin level; absent: everywhere), oldest due first."
    overdueActions(adminCode: ID): [Action!]!
    "What changed in a plan strictly after since, oldest first: for a committee's next session."
    actionPlanChanges(id: ID!, since: DateTime!): [ActionPlanChange!]!
  }

  # Actions share their plan's stream: every payload's version is the plan's, and is the
  # expectedVersion of the next command on the plan or any of its actions.
  extend type Mutation {
    "id = the plan id"
    draftActionPlan(input: DraftActionPlanInput!): Payload!
    "id = the plan id"
    amendActionPlan(input: AmendActionPlanInput!): Payload!
    "id = the action id"
    addAction(input: AddActionInput!): Payload!
    "id = the action id"
    amendAction(input: AmendActionInput!): Payload!
    "id = the action id"
    removeAction(input: RemoveActionInput!): Payload!
    "id = the plan id"
    submitActionPlan(input: SubmitActionPlanInput!): Payload!
    "id = the plan id"
    approveActionPlan(input: ApproveActionPlanInput!): Payload!
    "id = the plan id"
    requestActionPlanChanges(input: RequestActionPlanChangesInput!): Payload!
    "id = the action id"
    reportActionProgress(input: ReportActionProgressInput!): Payload!
    "id = the plan id"
    closeActionPlan(input: CloseActionPlanInput!): Payload!
  }

  extend type Subscription {
    "A plan as it is after each change applied to the read model (absent id: every plan)."
    actionPlanChanged(id: ID): ActionPlan!
  }
`;
