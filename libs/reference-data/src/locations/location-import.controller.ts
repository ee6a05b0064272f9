import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { TokenVerifier } from '@coord/auth';
import { badInput } from '@coord/kernel';
import { authenticateRequest } from '@coord/runtime';
import { parseLocationCsv } from './location-rows';
import { LocationImportService } from './location-import.service';

@Controller('imports')
export class LocationImportController {
  constructor(
    private readonly verifier: TokenVerifier,
    private readonly importer: LocationImportService,
  ) {}

  /** CONTRACT.md: `POST /imports/locations`, CSV body, ADMIN only (the decider enforces the role). */
  @Post('locations')
  @HttpCode(200)
  async importLocations(@Req() request: Request, @Body() body: unknown) {
    const actor = await authenticateRequest(this.verifier, request);
    if (typeof body !== 'string' || body.trim() === '') {
      throw badInput('body', 'send the CSV as the request body with Content-Type: text/csv');
    }
    const { rows, rejections } = parseLocationCsv(body);
    return this.importer.importRows(rows, rejections, actor, 'import:locations');
  }
}
