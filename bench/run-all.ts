/**
 * `npm run bench`: runs every `bench/*.bench.ts` that exports `run()`, one after the other (they
 * would disturb each other's figures if run together), and writes bench/RESULTS.md.
 * `BENCH_ONLY=rebuild,graphql` limits the run to modules whose file name contains one of the words,
 * and then only prints: a partial run must not replace the full RESULTS.md.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BenchSection, describeMachine, machineLine, markdownTable, waitForQuietMachine } from './bench-kit';

/** Files first in this order (cheapest and most basic first); any other bench follows alphabetically. */
const PREFERRED_ORDER = ['event-store-append', 'graphql-commands', 'mutation-to-visible', 'rebuild'];

const isSection = (value: unknown): value is BenchSection =>
  typeof value === 'object' && value !== null && typeof (value as BenchSection).markdown === 'string';

const cell = (value: unknown): string => {
  if (typeof value === 'number') return Number.isInteger(value) ? value.toLocaleString('en-US') : String(Number(value.toFixed(2)));
  if (value === null || value === undefined) return '';
  return (typeof value === 'object' ? JSON.stringify(value) : String(value)).replace(/\|/g, '\\|');
};

/** A table of arbitrary row objects: the union of their keys, in first-seen order. */
const rowsTable = (rows: readonly Record<string, unknown>[]): string => {
  const headers = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return markdownTable(headers, rows.map((row) => headers.map((header) => cell(row[header]))));
};

const numericFigures = (rows: readonly Record<string, unknown>[]): Record<string, number> => {
  const figures: Record<string, number> = {};
  rows.forEach((row, index) => {
    const label = Object.values(row).find((value) => typeof value === 'string') ?? String(index);
    for (const [key, value] of Object.entries(row)) if (typeof value === 'number') figures[`${label}.${key}`] = value;
  });
  return figures;
};

/**
 * Benches written to other conventions (bench/event-store-append.bench.ts answers rows, for one)
 * still land in RESULTS.md: a section as is, rows as a table, `{ title?, rows }` likewise, text as text.
 */
const toSection = (name: string, value: unknown): BenchSection => {
  if (isSection(value)) return { title: value.title || name, markdown: value.markdown, figures: value.figures ?? {} };
  if (Array.isArray(value) && value.every((row) => typeof row === 'object' && row !== null)) {
    return { title: name, markdown: rowsTable(value), figures: numericFigures(value) };
  }
  if (typeof value === 'object' && value !== null && Array.isArray((value as { rows?: unknown }).rows)) {
    const { title, rows, markdown } = value as { title?: string; rows: Record<string, unknown>[]; markdown?: string };
    return { title: title ?? name, markdown: [markdown, rowsTable(rows)].filter(Boolean).join('\n\n'), figures: numericFigures(rows) };
  }
  if (typeof value === 'string') return { title: name, markdown: value, figures: {} };
  return { title: name, markdown: `\`\`\`json\n${JSON.stringify(value, null, 2)}\n\`\`\``, figures: {} };
};

const benchFiles = (): string[] => {
  const only = process.env.BENCH_ONLY?.split(',').map((word) => word.trim()).filter(Boolean);
  const rank = (file: string) => {
    const index = PREFERRED_ORDER.findIndex((prefix) => file.startsWith(`${prefix}.`));
    return index < 0 ? PREFERRED_ORDER.length : index;
  };
  return readdirSync(__dirname)
    .filter((file) => file.endsWith('.bench.ts'))
    .filter((file) => !only || only.some((word) => file.includes(word)))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
};

const main = async () => {
  const startedAt = new Date();
  const quietWaitMs = Number(process.env.BENCH_QUIET_WAIT_MS ?? 180_000);
  const files = benchFiles();
  for (const expected of PREFERRED_ORDER) {
    if (!process.env.BENCH_ONLY && !files.some((file) => file.startsWith(`${expected}.`))) {
      console.error(`bench/${expected}.bench.ts is not there; skipped`);
    }
  }
  const sections: Array<{ file: string; section: BenchSection; seconds: number; load?: string }> = [];
  let failures = 0;
  for (const file of files) {
    const name = file.replace(/\.bench\.ts$/, '');
    // Loaded only now, so a module that fails to load costs its own section and not the others.
    let run: unknown;
    try {
      run = ((await import(join(__dirname, file))) as { run?: unknown }).run;
    } catch (error) {
      failures += 1;
      sections.push({ file, seconds: 0, section: { title: name, markdown: `**Failed to load:** \`${String((error as Error).message ?? error)}\``, figures: {} } });
      continue;
    }
    if (typeof run !== 'function') {
      console.error(`bench/${file} exports no run(); skipped`);
      continue;
    }
    const load = await waitForQuietMachine(quietWaitMs);
    // The module's own wait would only repeat this one; it still notes the load it starts under.
    process.env.BENCH_QUIET_WAIT_MS = '0';
    console.error(`running bench/${file} (${load}) …`);
    const started = performance.now();
    try {
      const section = toSection(name, await (run as () => Promise<unknown>)());
      sections.push({ file, section, load, seconds: (performance.now() - started) / 1000 });
      process.stdout.write(`\n## ${section.title}\n\n${section.markdown}\n`);
    } catch (error) {
      failures += 1;
      console.error(`bench/${file} failed:`, error);
      sections.push({
        file,
        seconds: (performance.now() - started) / 1000,
        section: { title: name, markdown: `**Failed:** \`${String((error as Error)?.message ?? error).split('\n')[0]}\``, figures: {} },
      });
    }
  }
  const machine = describeMachine();
  const figures = Object.fromEntries(sections.map(({ file, section }) => [file.replace(/\.bench\.ts$/, ''), section.figures]));
  const document = [
    '# Benchmarks',
    '',
    `Run ${startedAt.toISOString()} with \`npm run bench\` (bench/run-all.ts); each section is also runnable alone: \`node tools/run-ts.js bench/<file>.ts\`.`,
    '',
    `Machine: ${machineLine()} (${process.platform} ${process.arch}).`,
    '',
    ...sections.flatMap(({ file, section, seconds, load }) => [
      `## ${section.title}`,
      '',
      `_bench/${file}, ${seconds.toFixed(0)} s${load ? `; ${load}` : ''}_`,
      '',
      section.markdown,
      '',
    ]),
    '## Figures',
    '',
    '```json',
    JSON.stringify({ machine, date: startedAt.toISOString(), figures }, null, 2),
    '```',
    '',
  ].join('\n');
  if (process.env.BENCH_ONLY) {
    console.error(`BENCH_ONLY is set: bench/RESULTS.md left as it was (${sections.length} sections, ${failures} failed)`);
  } else {
    writeFileSync(join(__dirname, 'RESULTS.md'), document);
    console.error(`wrote bench/RESULTS.md (${sections.length} sections, ${failures} failed)`);
  }
  process.exit(failures > 0 ? 1 : 0);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
