import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { ThreeWImportService, type ImportReport } from '@coord/aid-deliveries-feature';
import type { Actor } from '@coord/kernel';
import { ProjectionRunner } from '@coord/read-model';
import { EVENT_STORE, EventStore } from '@coord/event-store';
import { createLogger, loadPlatformConfig, PinoNestLogger } from '@coord/runtime';
import { AppModule } from '../app.module';
import { ProgressLine } from './progress-line';

const CLI_ACTOR: Actor = { userId: 'cli:import-3w', organizationId: 'system', roles: ['ADMIN'] };
const REJECTIONS_SHOWN = 20;

const tally = (values: readonly string[]): string =>
  Object.entries(values.reduce<Record<string, number>>((counts, value) => ({ ...counts, [value]: (counts[value] ?? 0) + 1 }), {}))
    .map(([value, count]) => `${value} ${count.toLocaleString('en-US')}`)
    .join(', ');

const summary = (report: ImportReport): string =>
  [
    `${report.file}: ${report.status}${report.error ? ` (${report.error})` : ''}`,
    `  rows ${report.totalRows.toLocaleString('en-US')}: imported ${report.imported.toLocaleString('en-US')}, rejected ${report.rejected.toLocaleString('en-US')}`,
    `  presences: ${report.presences.reported} new, ${report.presences.updated} updated, ${report.presences.unchanged} already on record; ${report.merged.length} rows merged into an earlier row's presence`,
    `  organisations registered ${report.organizationsRegistered.length}, aliases added ${report.aliasesAdded.length}`,
    `  fixes ${report.fixes.length}${report.fixes.length > 0 ? `: ${tally(report.fixes.map((fix) => fix.rule))}` : ''}`,
    ...report.rejections.slice(0, REJECTIONS_SHOWN).map((rejection) => `  row ${rejection.row}: ${rejection.reason}`),
    ...(report.rejections.length > REJECTIONS_SHOWN ? [`  … ${report.rejections.length - REJECTIONS_SHOWN} more rejections (--report FILE has them all)`] : []),
  ].join('\n');

/**
 * `npm run import -- FILE [--report report.json]`: imports a 3W CSV into the platform's storage
 * (DATA_DIR, or DATABASE_URL) with the code `POST /imports/3w` runs, in this process, with a
 * progress bar. On embedded storage run it while the platform is stopped, or POST the file instead.
 */
const main = async () => {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { report: { type: 'string' } } });
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new Error('usage: npm run import -- FILE.csv [--report report.json]');
  const content = readFileSync(file, 'utf8');
  const config = loadPlatformConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  const logger = createLogger(config.logLevel);
  const app = await NestFactory.create(AppModule.forRoot(config, logger), { logger: new PinoNestLogger(logger) });
  await app.init();
  try {
    const progress = new ProgressLine(`importing ${basename(file)}`);
    const started = Date.now();
    const { done } = app.get(ThreeWImportService).start(content, basename(file), CLI_ACTOR, ({ processedRows, totalRows }) => progress.update(processedRows, totalRows));
    const report = await done;
    progress.finish();
    // The read model takes the new presences in before the platform next serves them.
    const head = await app.get<EventStore>(EVENT_STORE).headPosition();
    if (head) await app.get(ProjectionRunner).waitFor(head, 120_000);
    console.log(`${summary(report)}\n  in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (values.report) writeFileSync(values.report, `${JSON.stringify(report, null, 2)}\n`);
    if (report.status !== 'DONE') process.exitCode = 1;
  } finally {
    await app.close();
  }
};

main().catch((error) => {
  console.error(`import: ${error.message}`);
  process.exit(1);
});
