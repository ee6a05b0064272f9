import { AID_DELIVERY_EVENT_TYPES, AidDeliveryEvent } from './aid-deliveries/aid-delivery.events';
import { OPERATIONAL_PRESENCE_EVENT_TYPES, OperationalPresenceEvent } from './aid-deliveries/operational-presence.events';
import { IMPORT_RUN_EVENT_TYPES, ImportRunEvent } from './aid-deliveries/import-run.events';
import type { LocationEvent, OrganizationEvent } from './reference/reference.events';
import { COMMITTEE_EVENT_TYPES, CommitteeEvent } from './planning/committee.events';
import { LIAISON_MEETING_EVENT_TYPES, LiaisonMeetingEvent } from './liaison/liaison-meeting.events';
import { ACTION_PLAN_EVENT_TYPES, ActionPlanEvent } from './action-plans/action-plan.events';

export type KnownEvent =
  | AidDeliveryEvent
  | OperationalPresenceEvent
  | ImportRunEvent
  | OrganizationEvent
  | LocationEvent
  | CommitteeEvent
  | LiaisonMeetingEvent
  | ActionPlanEvent;
export type KnownEventType = KnownEvent['type'];

export type ContextName = 'planning' | 'liaison' | 'action-plans' | 'aid-deliveries' | 'reference';

interface CatalogueEntry {
  readonly context: ContextName;
  readonly schemaVersion: number;
}

/**
 * Every event type the platform writes, its owning context (the Kafka topic
 * `coordination.<context>.events`) and its current schema version. libs/contracts/README.md lists
 * the same types with their fields.
 */
export const EVENT_CATALOGUE: Readonly<Record<KnownEventType, CatalogueEntry>> = {
  ...Object.fromEntries(
    AID_DELIVERY_EVENT_TYPES.map((type) => [type, { context: 'aid-deliveries', schemaVersion: 1 }]),
  ) as Record<AidDeliveryEvent['type'], CatalogueEntry>,
  ...Object.fromEntries(
    OPERATIONAL_PRESENCE_EVENT_TYPES.map((type) => [type, { context: 'aid-deliveries', schemaVersion: 1 }]),
  ) as Record<OperationalPresenceEvent['type'], CatalogueEntry>,
  ...Object.fromEntries(IMPORT_RUN_EVENT_TYPES.map((type) => [type, { context: 'aid-deliveries', schemaVersion: 1 }])) as Record<
    ImportRunEvent['type'],
    CatalogueEntry
  >,
  ...Object.fromEntries(COMMITTEE_EVENT_TYPES.map((type) => [type, { context: 'planning', schemaVersion: 1 }])) as Record<
    CommitteeEvent['type'],
    CatalogueEntry
  >,
  ...Object.fromEntries(LIAISON_MEETING_EVENT_TYPES.map((type) => [type, { context: 'liaison', schemaVersion: 1 }])) as Record<
    LiaisonMeetingEvent['type'],
    CatalogueEntry
  >,
  ...Object.fromEntries(ACTION_PLAN_EVENT_TYPES.map((type) => [type, { context: 'action-plans', schemaVersion: 1 }])) as Record<
    ActionPlanEvent['type'],
    CatalogueEntry
  >,
  OrganizationRegistered: { context: 'reference', schemaVersion: 1 },
  OrganizationAliasAdded: { context: 'reference', schemaVersion: 1 },
  OrganizationAliasRemoved: { context: 'reference', schemaVersion: 1 },
  LocationRegistered: { context: 'reference', schemaVersion: 1 },
  LocationUpdated: { context: 'reference', schemaVersion: 1 },
};

export const schemaVersionOf = (type: string): number =>
  (EVENT_CATALOGUE as Record<string, CatalogueEntry | undefined>)[type]?.schemaVersion ?? 1;

export const contextOf = (type: string): ContextName | undefined =>
  (EVENT_CATALOGUE as Record<string, CatalogueEntry | undefined>)[type]?.context;

type Upcaster = (data: unknown) => unknown;
/** Upcasters keyed by `<type>@<fromVersion>`: the domain only ever sees the current version. */
const UPCASTERS: Record<string, Upcaster> = {};

export const upcast = (type: string, schemaVersion: number, data: unknown): unknown => {
  let version = schemaVersion;
  let current = data;
  while (version < schemaVersionOf(type)) {
    const step = UPCASTERS[`${type}@${version}`];
    if (!step) throw new Error(`no upcaster for ${type} v${version}`);
    current = step(current);
    version += 1;
  }
  return current;
};
