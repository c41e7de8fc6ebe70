// A one-line progress bar on stderr for long runs: the phase, files done/total, reports per second
// and the time left. Only on a terminal (the caller decides: stderr is a TTY and no --quiet);
// redrawn at most every 100 ms, and wiped before anything else is written to the terminal.

import type { Lang } from '../../engine';

const REDRAW_MS = 100;
const BAR = 24;

export type Phase = 'read' | 'check' | 'extract';

const PHASE: Record<Phase, Record<Lang, string>> = {
  read: { zh: '读取', en: 'reading' },
  check: { zh: '检查', en: 'checking' },
  extract: { zh: '导出', en: 'extracting' },
};

export class Progress {
  private phase: Phase = 'check';
  private total = 0;
  private done = 0;
  private started = 0;
  private drawnAt = 0;
  private shown = false;

  constructor(
    private readonly write: (s: string) => void,
    private readonly lang: Lang,
    private readonly now: () => number = () => performance.now(),
  ) {}

  start(phase: Phase, total: number): void {
    this.phase = phase;
    this.total = total;
    this.done = 0;
    this.started = this.now();
    this.drawnAt = 0;
  }

  tick(): void {
    this.done++;
    const t = this.now();
    if (t - this.drawnAt >= REDRAW_MS || this.done === this.total) this.draw(t);
  }

  /** Wipe the bar (before other output, and at the end). */
  clear(): void {
    if (!this.shown) return;
    this.write('\r\x1b[K');
    this.shown = false;
  }

  line(t: number = this.now()): string {
    const seconds = Math.max(1e-3, (t - this.started) / 1000);
    const rate = this.done / seconds;
    const left = rate > 0 ? Math.ceil((this.total - this.done) / rate) : null;
    const filled = this.total > 0 ? Math.round((BAR * this.done) / this.total) : BAR;
    const bar = `[${'#'.repeat(filled)}${'.'.repeat(BAR - filled)}]`;
    const perSecond = rate >= 10 ? Math.round(rate) : Math.round(rate * 10) / 10;
    const eta = left === null ? '' : this.lang === 'zh' ? ` · 剩余约 ${left} 秒` : ` · ETA ${left} s`;
    const unit = this.lang === 'zh' ? '份/秒' : 'reports/s';
    return `${PHASE[this.phase][this.lang]} ${bar} ${this.done}/${this.total} · ${perSecond} ${unit}${eta}`;
  }

  private draw(t: number): void {
    this.drawnAt = t;
    this.write(`\r\x1b[K${this.line(t)}`);
    this.shown = true;
  }
}
