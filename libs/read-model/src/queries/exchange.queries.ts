import type { DeliveryItem } from '@coord/contracts';
import { badInput } from '@coord/kernel';
import { Brackets, DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { AidDeliveryEntity } from '../entities/aid-delivery.entity';
import { LocationEntity } from '../entities/location.entity';
import { OperationalPresenceEntity } from '../entities/operational-presence.entity';
import { OrganizationAliasEntity } from '../entities/organization-alias.entity';
import { OrganizationEntity } from '../entities/organization.entity';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The filters of the picture, as `GET /exports/3w.csv` takes them. */
export interface ExchangeFilter {
  readonly adminCode?: string | null;
  readonly sector?: string | null;
  readonly organizationId?: string | null;
  readonly from?: string | null;
  readonly to?: string | null;
  /** Delivery statuses and presence statuses (`ACTIVE`, `WITHDRAWN`); absent = every delivery and the active presences. */
  readonly status?: readonly string[] | null;
}

/** One line of a 3W: a delivery or a presence, with what the CSV needs and nothing sensitive. */
export interface ExchangeRecord {
  readonly kind: 'DELIVERY' | 'PRESENCE';
  readonly id: string;
  readonly organizationName: string | null;
  readonly organizationAcronym: string | null;
  readonly role: string;
  readonly sector: string | null;
  readonly adm1: string | null;
  readonly adm2: string | null;
  /** The record's own P-code when it is below adm2 (or unknown to the gazetteer). */
  readonly location: string;
  readonly locationLevel: number | null;
  readonly activity: string | null;
  readonly targeted: number | null;
  /** A total only: the breakdown by women, men, girls and boys is never exported. */
  readonly reached: number | null;
  readonly start: string | null;
  readonly end: string | null;
  readonly status: string;
}

export interface DirectoryOrganization {
  readonly id: string;
  readonly name: string;
  readonly acronym: string | null;
  readonly kind: string;
  readonly aliases: readonly string[];
}

export interface GazetteerPlace {
  readonly pcode: string;
  readonly name: string;
  readonly level: number;
  readonly parentPcode: string | null;
  readonly validFrom: string | null;
}

export interface PresenceCount {
  readonly pcode: string;
  readonly presences: number;
}

const checkedDate = (field: 'from' | 'to', value: string | null | undefined): string | null => {
  if (value == null || value === '') return null;
  // The pattern alone would let 30 February through; the date must read back as given.
  const parsed = new Date(`${value}T00:00:00.000Z`);
  if (!ISO_DATE.test(value) || Number.isNaN(parsed.getTime()) || !parsed.toISOString().startsWith(value)) {
    throw badInput(field, `${field} must be a date YYYY-MM-DD`);
  }
  return value;
};

const itemsText = (items: readonly DeliveryItem[]): string =>
  items.map((item) => `${item.commodity} ${item.quantity} ${item.unit}`).join('; ');

const numberOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

const PRESENCE_STATUSES = ['ACTIVE', 'WITHDRAWN'];

/**
 * What the 3W exchange reads (DOMAIN.md "Exchange"): the organisation directory and the gazetteer an
 * import matches against, and the records an export writes, page by page so that an export of a
 * million deliveries never sits in memory at once.
 */
export class ExchangeQueries {
  constructor(private readonly dataSource: DataSource) {}

  async organizationDirectory(): Promise<DirectoryOrganization[]> {
    const [organizations, aliases] = await Promise.all([
      this.dataSource.getRepository(OrganizationEntity).find({ order: { id: 'ASC' } }),
      this.dataSource.getRepository(OrganizationAliasEntity).find({ order: { organizationId: 'ASC', normalized: 'ASC' } }),
    ]);
    const byOrganization = new Map<string, string[]>();
    for (const alias of aliases) byOrganization.set(alias.organizationId, [...(byOrganization.get(alias.organizationId) ?? []), alias.alias]);
    return organizations.map((organization) => ({
      id: organization.id,
      name: organization.name,
      acronym: organization.acronym,
      kind: organization.kind,
      aliases: byOrganization.get(organization.id) ?? [],
    }));
  }

  async aliasesOf(organizationId: string): Promise<string[]> {
    const rows = await this.dataSource.getRepository(OrganizationAliasEntity).find({ where: { organizationId }, order: { alias: 'ASC' } });
    return rows.map((row) => row.alias);
  }

  async gazetteer(): Promise<GazetteerPlace[]> {
    const rows = await this.dataSource
      .getRepository(LocationEntity)
      .find({ select: { pcode: true, name: true, level: true, parentPcode: true, validFrom: true } });
    return rows.map((row) => ({ pcode: row.pcode, name: row.name, level: row.level, parentPcode: row.parentPcode, validFrom: row.validFrom }));
  }

  /** Active presences per admin code at one level, for checks against a file's own counts. */
  async presenceCounts(level: 1 | 2 | 3): Promise<PresenceCount[]> {
    const column = `p.adm${level}Pcode`;
    const rows: { pcode: string | null; presences: string | number }[] = await this.dataSource
      .getRepository(OperationalPresenceEntity)
      .createQueryBuilder('p')
      .select(column, 'pcode')
      .addSelect('COUNT(*)', 'presences')
      .where("p.status = 'ACTIVE'")
      .groupBy(column)
      .orderBy(column)
      .getRawMany();
    return rows.filter((row) => row.pcode !== null).map((row) => ({ pcode: row.pcode as string, presences: Number(row.presences) }));
  }

  /** Deliveries, then presences, in pages of `pageSize` (keyset by id: constant cost at any depth). */
  async *exportRecords(filter: ExchangeFilter, pageSize = 2_000): AsyncGenerator<ExchangeRecord[]> {
    const from = checkedDate('from', filter.from);
    const to = checkedDate('to', filter.to);
    if (from && to && from > to) throw badInput('to', 'to must not be before from');
    const level = filter.adminCode ? await this.levelOf(filter.adminCode) : null;
    const statuses = filter.status && filter.status.length > 0 ? [...filter.status] : null;

    const deliveryStatuses = statuses?.filter((status) => !PRESENCE_STATUSES.includes(status)) ?? null;
    if (deliveryStatuses === null || deliveryStatuses.length > 0) {
      yield* this.pages(pageSize, (after) => {
        const query = this.deliveryQuery(filter, level, from, to, deliveryStatuses);
        return (after ? query.andWhere('d.id > :after', { after }) : query).orderBy('d.id', 'ASC').limit(pageSize).getRawMany();
      }, (row) => this.deliveryRecord(row));
    }
    const presenceStatuses = statuses ? statuses.filter((status) => PRESENCE_STATUSES.includes(status)) : ['ACTIVE'];
    if (presenceStatuses.length > 0) {
      yield* this.pages(pageSize, (after) => {
        const query = this.presenceQuery(filter, level, from, to, presenceStatuses);
        return (after ? query.andWhere('p.id > :after', { after }) : query).orderBy('p.id', 'ASC').limit(pageSize).getRawMany();
      }, (row) => this.presenceRecord(row));
    }
  }

  private async *pages(
    pageSize: number,
    page: (after: string | null) => Promise<Record<string, unknown>[]>,
    toRecord: (row: Record<string, unknown>) => ExchangeRecord,
  ): AsyncGenerator<ExchangeRecord[]> {
    let after: string | null = null;
    for (;;) {
      const rows = await page(after);
      if (rows.length === 0) return;
      yield rows.map(toRecord);
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1].id as string;
    }
  }

  private deliveryQuery(filter: ExchangeFilter, level: number | null, from: string | null, to: string | null, statuses: string[] | null) {
    const query = this.dataSource
      .getRepository(AidDeliveryEntity)
      .createQueryBuilder('d')
      .leftJoin(OrganizationEntity, 'o', 'o.id = d.agencyId')
      .leftJoin(LocationEntity, 'l', 'l.pcode = d.destinationPcode')
      .select([
        'd.id AS id',
        'o.name AS organization_name',
        'o.acronym AS organization_acronym',
        'd.sector AS sector',
        'd.adm1Pcode AS adm1',
        'd.adm2Pcode AS adm2',
        'd.destinationPcode AS location',
        'l.level AS location_level',
        'd.items AS items',
        'd.targeted AS targeted',
        'd.reachedWomen AS reached_women',
        'd.reachedMen AS reached_men',
        'd.reachedGirls AS reached_girls',
        'd.reachedBoys AS reached_boys',
        'd.plannedDate AS planned_date',
        'd.status AS status',
      ]);
    if (filter.adminCode) this.whereUnder(query, 'd', 'destinationPcode', filter.adminCode, level);
    if (filter.sector) query.andWhere('d.sector = :sector', { sector: filter.sector });
    if (filter.organizationId) {
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
    if (statuses) query.andWhere('d.status IN (:...statuses)', { statuses });
    return query;
  }

  private presenceQuery(filter: ExchangeFilter, level: number | null, from: string | null, to: string | null, statuses: string[]) {
    const query = this.dataSource
      .getRepository(OperationalPresenceEntity)
      .createQueryBuilder('p')
      .leftJoin(OrganizationEntity, 'o', 'o.id = p.organizationId')
      .select([
        'p.id AS id',
        'o.name AS organization_name',
        'o.acronym AS organization_acronym',
        'p.organizationLabel AS organization_label',
        'p.role AS role',
        'p.sector AS sector',
        'p.adm1Pcode AS adm1',
        'p.adm2Pcode AS adm2',
        'p.locationPcode AS location',
        'p.locationLevel AS location_level',
        'p.activity AS activity',
        'p.targeted AS targeted',
        'p.reached AS reached',
        'p.periodStart AS period_start',
        'p.periodEnd AS period_end',
        'p.status AS status',
      ])
      .where('p.status IN (:...presenceStatuses)', { presenceStatuses: statuses });
    if (filter.adminCode) this.whereUnder(query, 'p', 'locationPcode', filter.adminCode, level);
    if (filter.sector) query.andWhere('p.sector = :sector', { sector: filter.sector });
    if (filter.organizationId) query.andWhere('p.organizationId = :organizationId', { organizationId: filter.organizationId });
    // A presence holds over its period: it is in the window when the two overlap (an open end overlaps).
    if (from) query.andWhere('(p.periodEnd IS NULL OR p.periodEnd >= :from)', { from });
    if (to) query.andWhere('(p.periodStart IS NULL OR p.periodStart <= :to)', { to });
    return query;
  }

  /**
   * At admin levels 1–3 one indexed equality on the copied ancestor; a country is the union of its
   * regions; a code the gazetteer does not know can still be a presence's own (older) code.
   */
  private whereUnder<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, alias: string, own: string, code: string, level: number | null) {
    if (level === 1 || level === 2 || level === 3) {
      query.andWhere(`${alias}.adm${level}Pcode = :adminCode`, { adminCode: code });
    } else if (level === 0) {
      query.andWhere(
        new Brackets((country) =>
          country
            .where(`${alias}.${own} = :adminCode`, { adminCode: code })
            .orWhere(`${alias}.adm1Pcode IN (SELECT c.pcode FROM locations c WHERE c.parent_pcode = :adminCode)`),
        ),
      );
    } else {
      query.andWhere(
        new Brackets((any) =>
          any
            .where(`${alias}.${own} = :adminCode`, { adminCode: code })
            .orWhere(`${alias}.adm1Pcode = :adminCode`)
            .orWhere(`${alias}.adm2Pcode = :adminCode`)
            .orWhere(`${alias}.adm3Pcode = :adminCode`),
        ),
      );
    }
  }

  private async levelOf(pcode: string): Promise<number | null> {
    const location = await this.dataSource.getRepository(LocationEntity).findOne({ where: { pcode }, select: { pcode: true, level: true } });
    return location?.level ?? null;
  }

  private deliveryRecord(row: Record<string, unknown>): ExchangeRecord {
    const parts = [row.reached_women, row.reached_men, row.reached_girls, row.reached_boys];
    const reached = parts.every((part) => part !== null && part !== undefined) ? parts.reduce<number>((sum, part) => sum + Number(part), 0) : null;
    return {
      kind: 'DELIVERY',
      id: row.id as string,
      organizationName: (row.organization_name as string | null) ?? null,
      organizationAcronym: (row.organization_acronym as string | null) ?? null,
      role: 'IMPLEMENTING',
      sector: row.sector as string,
      adm1: (row.adm1 as string | null) ?? null,
      adm2: (row.adm2 as string | null) ?? null,
      location: row.location as string,
      locationLevel: numberOrNull(row.location_level),
      activity: itemsText(JSON.parse(row.items as string) as DeliveryItem[]),
      targeted: numberOrNull(row.targeted),
      reached,
      start: row.planned_date as string,
      end: null,
      status: row.status as string,
    };
  }

  private presenceRecord(row: Record<string, unknown>): ExchangeRecord {
    return {
      kind: 'PRESENCE',
      id: row.id as string,
      organizationName: (row.organization_name as string | null) ?? (row.organization_label as string),
      organizationAcronym: (row.organization_acronym as string | null) ?? null,
      role: row.role as string,
      sector: (row.sector as string | null) ?? null,
      adm1: (row.adm1 as string | null) ?? null,
      adm2: (row.adm2 as string | null) ?? null,
      location: row.location as string,
      locationLevel: numberOrNull(row.location_level),
      activity: (row.activity as string | null) ?? null,
      targeted: numberOrNull(row.targeted),
      reached: numberOrNull(row.reached),
      start: (row.period_start as string | null) ?? null,
      end: (row.period_end as string | null) ?? null,
      status: row.status as string,
    };
  }
}
