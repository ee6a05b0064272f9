import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { once } from 'node:events';
import type { Logger } from 'pino';
import { TokenVerifier } from '@coord/auth';
import { DELIVERY_STATUSES, SECTORS } from '@coord/contracts';
import { badInput, isPositionString } from '@coord/kernel';
import { ExchangeFilter, ExchangeQueries, ProjectionRunner } from '@coord/read-model';
import { authenticateRequest, LOGGER, PLATFORM_CONFIG, PlatformConfig } from '@coord/runtime';
import { threeWHead, threeWLines } from './three-w-export';

const STATUSES = [...DELIVERY_STATUSES, 'ACTIVE', 'WITHDRAWN'];

const single = (name: string, value: unknown): string | null => {
  if (value === undefined || value === '') return null;
  if (typeof value !== 'string') throw badInput(name, `${name} is given once`);
  return value;
};

/** `?status=PLANNED,DELIVERED` or `?status=PLANNED&status=DELIVERED`. */
const statuses = (value: unknown): string[] | null => {
  if (value === undefined || value === '') return null;
  const list = (Array.isArray(value) ? value : [value]).flatMap((item) => String(item).split(',')).map((item) => item.trim()).filter(Boolean);
  const unknown = list.find((status) => !STATUSES.includes(status));
  if (unknown) throw badInput('status', `unknown status ${unknown}: one of ${STATUSES.join(', ')}`);
  return list;
};

const filterOf = (query: Record<string, unknown>): ExchangeFilter => {
  const sector = single('sector', query.sector);
  if (sector && !SECTORS.includes(sector as never)) throw badInput('sector', `unknown sector ${sector}: one of ${SECTORS.join(', ')}`);
  return {
    adminCode: single('adminCode', query.adminCode),
    sector,
    organizationId: single('organizationId', query.organizationId),
    from: single('from', query.from),
    to: single('to', query.to),
    status: statuses(query.status),
  };
};

@Controller('exports')
export class ThreeWExportController {
  constructor(
    private readonly verifier: TokenVerifier,
    private readonly queries: ExchangeQueries,
    private readonly runner: ProjectionRunner,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * CONTRACT.md `GET /exports/3w.csv`: the header row, the HXL row, then deliveries and presences,
   * streamed page by page. Reached is a total only: the breakdown a reader outside the delivering
   * organisations may not see is never in the file. `X-Min-Position` waits for a write, as on GraphQL.
   */
  @Get('3w.csv')
  async export(@Req() request: Request, @Res() response: Response): Promise<void> {
    await authenticateRequest(this.verifier, request);
    const minPosition = request.headers['x-min-position'];
    if (typeof minPosition === 'string') {
      if (!isPositionString(minPosition)) throw badInput('X-Min-Position', 'X-Min-Position must be a log position such as "12:12"');
      await this.runner.waitFor(minPosition, this.config.readWaitTimeoutMs);
    }
    const pages = this.queries.exportRecords(filterOf(request.query as Record<string, unknown>));
    // The first page is read before the headers go out, so a bad filter still answers 400.
    const first = await pages.next();
    response.status(200).type('text/csv; charset=utf-8').setHeader('content-disposition', 'attachment; filename="3w.csv"');
    try {
      await this.write(response, threeWHead());
      for (let page = first; !page.done; page = await pages.next()) await this.write(response, threeWLines(page.value));
      response.end();
    } catch (error) {
      // Too late for an error status: cut the response short so the client sees a broken download.
      this.logger.error({ err: error }, '3W export failed half-way');
      response.destroy(error as Error);
    }
  }

  private async write(response: Response, text: string): Promise<void> {
    if (!response.write(text)) await once(response, 'drain');
  }
}
