/**
 * Progress of a long import on the terminal (standard error): rows done, rate and time left. On a
 * terminal the line is redrawn every second; in a log, a line every 15 seconds.
 */
const format = (n: number) => Math.round(n).toLocaleString('en-US');

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.round(seconds));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

export class Progress {
  private readonly started = Date.now();
  private last = 0;
  private readonly everyMs: number;

  constructor(
    private readonly what: string,
    private readonly total: number,
    private readonly out: NodeJS.WriteStream = process.stderr,
  ) {
    this.everyMs = out.isTTY ? 1_000 : 15_000;
  }

  /** The line for `done` rows (exposed for tests). */
  line(done: number, now = Date.now()): string {
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const left = rate > 0 ? (this.total - done) / rate : Number.POSITIVE_INFINITY;
    return `${this.what}: ${format(done)} of ${format(this.total)} rows, ${format(rate)} rows/s, ${duration(seconds)} so far, about ${duration(left)} left`;
  }

  tick(done: number): void {
    const now = Date.now();
    if (now - this.last < this.everyMs) return;
    this.last = now;
    this.write(this.line(done, now));
  }

  done(done: number): void {
    this.write(this.line(done));
    if (this.out.isTTY) this.out.write('\n');
  }

  private write(text: string): void {
    if (this.out.isTTY) this.out.write(`\r${text}\u001b[K`);
    else this.out.write(`${text}\n`);
  }
}
