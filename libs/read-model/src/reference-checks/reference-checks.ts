import { locationStreamId, ORGANIZATION_STREAM, type OrganizationRegistered } from '@coord/contracts';
import type { EventStore } from '@coord/event-store';
import { DomainError, forbidden, notFound } from '@coord/kernel';
import { ReadModelQueries } from '../queries/read-model.queries';
import type { OrganizationView } from '../queries/read-model.views';

/**
 * The reference checks every mutation makes before it decides (the organisations and places a
 * command names must exist). The read model answers almost always; a record it has not applied yet
 * (projection lag: the PostgreSQL log reader waits below the oldest open transaction, and a read
 * model fed through Kafka lags further) is looked up in its own stream, which the store reads as
 * soon as the append commits. So a command that names a record registered a moment ago is never
 * refused, and the log is read only for names the read model does not know: the unknown ones and
 * the very new ones.
 *
 * It lives beside the read model, not in the reference-data feature, because context features may
 * depend on infrastructure libraries but not on another feature library (eslint.config.mjs). Like the
 * queries, it is a plain class that the infrastructure module provides.
 */
export class ReferenceChecks {
  constructor(
    private readonly queries: ReadModelQueries,
    private readonly store: EventStore,
  ) {}

  /** The registered organisation, or null. */
  async organization(id: string): Promise<OrganizationView | null> {
    const [known] = await this.queries.organizationsByIds([id]);
    return known ?? (await this.organizationInLog(id));
  }

  /** The organisation a command names, refused NOT_FOUND on `field` when it is not registered. */
  async requireOrganization(id: string, field: string): Promise<OrganizationView> {
    const organization = await this.organization(id);
    if (!organization) throw notRegistered(id, field);
    return organization;
  }

  /**
   * Every id names a registered organisation, or the first that does not (in the order given) is
   * refused on `field`. One read-model query for all; the log only for the ids it lacks, one at a
   * time and stopping at the first unknown, so a list of made-up ids costs one stream read.
   */
  async requireOrganizations(ids: readonly string[], field: string): Promise<void> {
    if (ids.length === 0) return;
    const known = new Set((await this.queries.organizationsByIds(ids)).map((organization) => organization.id));
    for (const id of new Set(ids)) {
      if (known.has(id)) continue;
      if (!(await this.organizationInLog(id))) throw notRegistered(id, field);
    }
  }

  /**
   * Every reader of the record is shown the organisation in the caller's token (a host, a lead), so
   * a token naming an organisation the platform does not know may not create one.
   */
  async requireTokenOrganization(organizationId: string): Promise<void> {
    if (!(await this.organization(organizationId))) {
      throw forbidden(`the organisation ${organizationId} in the token is not registered`);
    }
  }

  /** The P-code is in the gazetteer, or the command is refused NOT_FOUND on `field`. */
  async requireLocation(pcode: string, field: string): Promise<void> {
    const [known] = await this.queries.locationsByPcodes([pcode]);
    if (known || (await this.locationInLog(pcode))) return;
    throw new DomainError('NOT_FOUND', `no location with P-code ${pcode} in the gazetteer`, { field });
  }

  private async organizationInLog(id: string): Promise<OrganizationView | null> {
    // An organisation's id is its stream's id; anything else cannot name one, and reading it (a
    // delivery's stream, say) would only cost a round trip.
    if (!id.startsWith(`${ORGANIZATION_STREAM}-`)) return null;
    const registered = (await this.store.readStream(id)).find((event) => event.type === 'OrganizationRegistered');
    if (!registered) return null;
    const data = registered.data as OrganizationRegistered['data'];
    return { id: data.organizationId, name: data.name, acronym: data.acronym, kind: data.kind, registeredAt: data.registeredAt };
  }

  private async locationInLog(pcode: string): Promise<boolean> {
    // The gazetteer import records each place in its own stream, `Location-<pcode>`.
    const events = await this.store.readStream(locationStreamId(pcode));
    return events.some((event) => event.type === 'LocationRegistered');
  }
}

const notRegistered = (id: string, field: string): DomainError => notFound(`no registered organisation ${id}`, field);
