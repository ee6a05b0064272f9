import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Request } from 'express';
import { basename } from 'node:path';
import { TokenVerifier } from '@coord/auth';
import { Actor, badInput, forbidden, hasRole, notFound } from '@coord/kernel';
import { authenticateRequest } from '@coord/runtime';
import { ThreeWImportService } from './three-w-import.service';

const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** What multer hands over for a multipart field (its own types are not installed). */
interface UploadedCsv {
  readonly originalname: string;
  readonly buffer: Buffer;
}

// DOMAIN.md "Who may do what": a 3W file speaks for many organisations, so importing one and reading
// its report is coordination work (report-presence.decide.ts holds the same rule for each row).
const requireImporter = (actor: Actor): void => {
  if (!hasRole(actor, 'ADMIN', 'LIAISON_OFFICER')) throw forbidden('only an ADMIN or a LIAISON_OFFICER imports 3W files');
};

const fileName = (name: unknown, fallback: string): string => {
  const given = typeof name === 'string' ? basename(name.trim()) : '';
  return (given || fallback).slice(0, 200);
};

@Controller('imports')
export class ThreeWImportController {
  constructor(
    private readonly verifier: TokenVerifier,
    private readonly importer: ThreeWImportService,
  ) {}

  /**
   * CONTRACT.md `POST /imports/3w`: the CSV as the body (`text/csv`, its name in `?file=`) or as the
   * multipart field `file`. Answers 202 with the import's id as soon as the file is read; the rows are
   * recorded in the background (`GET /imports/{importId}`).
   */
  @Post('3w')
  @HttpCode(202)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_FILE_BYTES, files: 1 } }))
  async import3w(
    @Req() request: Request,
    @Body() body: unknown,
    @UploadedFile() upload: UploadedCsv | undefined,
    @Query('file') name: unknown,
  ): Promise<{ importId: string }> {
    const actor = await authenticateRequest(this.verifier, request);
    requireImporter(actor);
    const content = upload ? upload.buffer.toString('utf8') : typeof body === 'string' ? body : '';
    if (content.trim() === '') {
      throw badInput('file', 'send the CSV as the body with Content-Type: text/csv, or as the multipart field "file"');
    }
    const { importId } = this.importer.start(content, fileName(upload?.originalname ?? name, 'upload.csv'), actor);
    return { importId };
  }

  @Get(':importId')
  async report(@Req() request: Request, @Param('importId') importId: string) {
    requireImporter(await authenticateRequest(this.verifier, request));
    const report = this.importer.report(importId);
    if (!report) throw notFound(`no import ${importId} in this process (reports are kept while it runs)`, 'importId');
    return report;
  }
}
