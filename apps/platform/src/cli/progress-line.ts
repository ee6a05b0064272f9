const WIDTH = 30;
const REDRAW_MS = 100;
const PLAIN_STEP = 0.25;

/**
 * A progress line on stderr: redrawn in place on a terminal; on a pipe or in CI, where `\r` would pile
 * up, a plain line at each quarter.
 */
export class ProgressLine {
  private lastDraw = 0;
  private nextPlainStep = 0;

  constructor(
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  update(done: number, total: number): void {
    const ratio = total === 0 ? 1 : Math.min(1, done / total);
    const counts = `${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} rows`;
    if (!this.stream.isTTY) {
      if (ratio < this.nextPlainStep) return;
      this.stream.write(`${this.label}: ${Math.floor(ratio * 100)}% (${counts})\n`);
      this.nextPlainStep = Math.floor(ratio / PLAIN_STEP) * PLAIN_STEP + PLAIN_STEP;
      return;
    }
    const now = Date.now();
    if (ratio < 1 && now - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = now;
    const filled = Math.round(ratio * WIDTH);
    this.stream.write(`\r${this.label} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${String(Math.floor(ratio * 100)).padStart(3)}% ${counts}`);
  }

  finish(): void {
    if (this.stream.isTTY) this.stream.write('\n');
  }
}
