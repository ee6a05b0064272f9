import type { DeliveryItem, DeliveryStatus, FailureReason, OrganizationKind, Sector } from '@coord/contracts';
import { badInput } from '@coord/kernel';
import { Brackets, DataSource, In, SelectQueryBuilder } from 'typeorm';
import { AidDeliveryEntity } from '../entities/aid-delivery.entity';
import { HistoryEntryEntity } from '../entities/history-entry.entity';
import { LocationEntity } from '../entities/location.entity';
import { OrganizationEntity } from '../entities/organization.entity';
import { decodeDeliveryCursor, encodeDeliveryCursor } from './delivery-cursor';
import type {
  AidDeliveryView,
  DeliveryFilter,
  DeliveryPage,
  HistoryEntryView,
  LocationView,
  OrganizationView,
} from './read-model.views';

const DEFAULT_PAGE = 50;
const MAX_PAGE = 500;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const organizationView = (row: OrganizationEntity): OrganizationView => ({
  id: row.id,
  name: row.name,
  acronym: row.acronym,
  kind: row.kind as OrganizationKind,
  registeredAt: row.registeredAt,
});

const locationView = (row: LocationEntity): LocationView => ({
  pcode: row.pcode,
  name: row.name,
  level: row.level,
  parentPcode: row.parentPcode,
  adm1Pcode: row.adm1Pcode,
  adm2Pcode: row.adm2Pcode,
  adm3Pcode: row.adm3Pcode,
  latitude: row.latitude,
  longitude: row.longitude,
  validFrom: row.validFrom,
});

const deliveryView = (row: AidDeliveryEntity): AidDeliveryView => {
  const recorded =
    row.reachedWomen !== null && row.reachedMen !== null && row.reachedGirls !== null && row.reachedBoys !== null;
  return {
    id: row.id,
    agencyId: row.agencyId,
    implementingPartnerId: row.implementingPartnerId,
    sector: row.sector as Sector,
    items: JSON.parse(row.items) as DeliveryItem[],
    deliveredItems: row.deliveredItems === null ? null : (JSON.parse(row.deliveredItems) as DeliveryItem[]),
    destinationPcode: row.destinationPcode,
    adm1Pcode: row.adm1Pcode,
    adm2Pcode: row.adm2Pcode,
    adm3Pcode: row.adm3Pcode,
    plannedDate: row.plannedDate,
    status: row.status as DeliveryStatus,
    targetedBeneficiaries: row.targeted,
    reached: recorded
      ? {
          women: row.reachedWomen as number,
          men: row.reachedMen as number,
          girls: row.reachedGirls as number,
          boys: row.reachedBoys as number,
          total: (row.reachedWomen as number) + (row.reachedMen as number) + (row.reachedGirls as number) + (row.reachedBoys as number),
        }
      : null,
    failureReason: row.failureReason as FailureReason | null,
    confirmedById: row.confirmedBy,
    version: row.version,
    position: row.position,
    updatedAt: row.updatedAt,
  };
};

const historyView = (row: HistoryEntryEntity): HistoryEntryView => ({
  streamId: row.streamId,
  version: row.version,
  position: row.position,
  type: row.type,
  occurredAt: row.occurredAt,
  actorUserId: row.actorUserId,
  actorOrganizationId: row.actorOrganizationId,
  commandId: row.commandId,
  data: row.data,
});

const checkedDate = (field: 'from' | 'to', value: string | null | undefined): string | null => {
  if (value == null) return null;
  if (!ISO_DATE.test(value)) throw badInput(field, `${field} must be a date YYYY-MM-DD`);
  return value;
};

/**
 * The read side's queries (ARCHITECTURE.md "Query"): they read only the read model, never the log.
 * The `…By…s` look-ups answer the rows found, in no particular order, for DataLoader batches.
 */
export class ReadModelQueries {
  constructor(private readonly dataSource: DataSource) {}

  async organizations(): Promise<OrganizationView[]> {
    const rows = await this.dataSource.getRepository(OrganizationEntity).find({ order: { name: 'ASC', id: 'ASC' } });
    return rows.map(organizationView);
  }

  async organizationsByIds(ids: readonly string[]): Promise<OrganizationView[]> {
    if (ids.length === 0) return [];
    const rows = await this.dataSource.getRepository(OrganizationEntity).findBy({ id: In([...new Set(ids)]) });
    return rows.map(organizationView);
  }

  async locations(filter: { level?: number | null; parentCode?: string | null } = {}): Promise<LocationView[]> {
    const rows = await this.dataSource.getRepository(LocationEntity).find({
      where: {
        ...(filter.level != null ? { level: filter.level } : {}),
        ...(filter.parentCode != null ? { parentPcode: filter.parentCode } : {}),
      },
      order: { pcode: 'ASC' },
    });
    return rows.map(locationView);
  }

  async locationsByPcodes(pcodes: readonly string[]): Promise<LocationView[]> {
    if (pcodes.length === 0) return [];
    const rows = await this.dataSource.getRepository(LocationEntity).findBy({ pcode: In([...new Set(pcodes)]) });
    return rows.map(locationView);
  }

  async deliveryById(id: string): Promise<AidDeliveryView | null> {
    const row = await this.dataSource.getRepository(AidDeliveryEntity).findOneBy({ id });
    return row ? deliveryView(row) : null;
  }

  async deliveriesByIds(ids: readonly string[]): Promise<AidDeliveryView[]> {
    if (ids.length === 0) return [];
    const rows = await this.dataSource.getRepository(AidDeliveryEntity).findBy({ id: In([...new Set(ids)]) });
    return rows.map(deliveryView);
  }

  /**
   * Keyset pagination over (planned date, newest first; id): a page never skips or repeats a row
   * however deep the client pages, and costs the same at any depth.
   */
  async deliveries(filter: DeliveryFilter = {}, first?: number | null, after?: string | null): Promise<DeliveryPage> {
    const size = first ?? DEFAULT_PAGE;
    if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE) {
      throw badInput('first', `first must be an integer from 0 to ${MAX_PAGE}`);
    }
    const cursor = after ? decodeDeliveryCursor(after) : null;
    const filtered = await this.filteredDeliveries(filter);
    const totalCount = await filtered.clone().getCount();
    const page = filtered.clone().orderBy('d.plannedDate', 'DESC').addOrderBy('d.id', 'ASC').limit(size + 1);
    if (cursor) {
      page.andWhere(
        new Brackets((keyset) =>
          keyset
            .where('d.plannedDate < :cursorDate', { cursorDate: cursor.plannedDate })
            .orWhere('d.plannedDate = :cursorDate AND d.id > :cursorId', { cursorId: cursor.id }),
        ),
      );
    }
    const rows = await page.getMany();
    const nodes = rows.slice(0, size).map(deliveryView);
    const last = nodes[nodes.length - 1];
    return {
      nodes,
      totalCount,
      endCursor: last ? encodeDeliveryCursor({ plannedDate: last.plannedDate, id: last.id }) : null,
      hasNextPage: rows.length > size,
    };
  }

  async history(streamId: string): Promise<HistoryEntryView[]> {
    const rows = await this.dataSource
      .getRepository(HistoryEntryEntity)
      .find({ where: { streamId }, order: { version: 'ASC' } });
    return rows.map(historyView);
  }

  private async filteredDeliveries(filter: DeliveryFilter): Promise<SelectQueryBuilder<AidDeliveryEntity>> {
    const from = checkedDate('from', filter.from);
    const to = checkedDate('to', filter.to);
    const query = this.dataSource.getRepository(AidDeliveryEntity).createQueryBuilder('d');
    if (filter.adminCode != null) await this.whereUnder(query, filter.adminCode);
    if (filter.sector != null) query.andWhere('d.sector = :sector', { sector: filter.sector });
    if (filter.organizationId != null) {
      query.andWhere(
        new Brackets((either) =>
          either
            .where('d.agencyId = :organizationId', { organizationId: filter.organizationId })
            .orWhere('d.implementingPartnerId = :organizationId'),
        ),
      );
    }
    if (from) query.andWhere('d.plannedDate >= :from', { from });
    if (to) query.andWhere('d.plannedDate <= :to', { to });
    if (filter.status && filter.status.length > 0) query.andWhere('d.status IN (:...statuses)', { statuses: [...filter.status] });
    return query;
  }

  /**
   * Deliveries to `pcode` or below it. At admin levels 1–3 that is one indexed equality on the
   * copied ancestor; a country (level 0) is the union of its regions; an unknown code or a deeper
   * level can only be the destination itself.
   */
  private async whereUnder(query: SelectQueryBuilder<AidDeliveryEntity>, pcode: string): Promise<void> {
    const location = await this.dataSource.getRepository(LocationEntity).findOne({ where: { pcode }, select: { pcode: true, level: true } });
    const level = location?.level;
    if (level === 1 || level === 2 || level === 3) {
      query.andWhere(`d.adm${level}Pcode = :adminCode`, { adminCode: pcode });
    } else if (level === 0) {
      query.andWhere(
        new Brackets((country) =>
          country
            .where('d.destinationPcode = :adminCode', { adminCode: pcode })
            .orWhere('d.adm1Pcode IN (SELECT l.pcode FROM locations l WHERE l.parent_pcode = :adminCode)'),
        ),
      );
    } else {
      query.andWhere('d.destinationPcode = :adminCode', { adminCode: pcode });
    }
  }
}
