// Line index over the original text: offset <-> {line, character}, both in UTF-16 code units,
// exactly as LSP counts them. Line breaks are \n, \r\n and a lone \r (as LSP specifies).

export interface Position {
  line: number;
  character: number;
}

export interface Line {
  /** Offset of the first character of the line. */
  start: number;
  /** Offset just past the last character of the line, before its line break. */
  end: number;
}

export class LineIndex {
  /** starts[i] = offset where line i begins. */
  private readonly starts: number[];
  private readonly ends: number[];

  constructor(readonly text: string) {
    const starts = [0];
    const ends: number[] = [];
    const n = text.length;
    // Native searches for the two break units instead of a look at every unit: a report has a
    // break every dozen units or so, and most files have no \r at all (cr stays -1).
    let lf = text.indexOf('\n');
    let cr = text.indexOf('\r');
    while (lf >= 0 || cr >= 0) {
      const i = cr < 0 || (lf >= 0 && lf < cr) ? lf : cr;
      ends.push(i);
      const next = cr === i && lf === i + 1 ? i + 2 : i + 1; // \r\n is one break
      starts.push(next);
      if (lf >= 0 && lf < next) lf = text.indexOf('\n', next);
      if (cr >= 0 && cr < next) cr = text.indexOf('\r', next);
    }
    ends.push(n);
    this.starts = starts;
    this.ends = ends;
  }

  get count(): number {
    return this.starts.length;
  }

  line(i: number): Line {
    return { start: this.starts[i], end: this.ends[i] };
  }

  /** Offset where line i begins (line(i).start without the object). */
  lineStart(i: number): number {
    return this.starts[i];
  }

  /** Offset where line i ends, before its break (line(i).end without the object). */
  lineEnd(i: number): number {
    return this.ends[i];
  }

  lineText(i: number): string {
    return this.text.slice(this.starts[i], this.ends[i]);
  }

  /** The line that holds offset (an offset on a line break belongs to the line it ends). */
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(clamped);
    // An offset inside a \r\n pair is reported at the end of the line.
    const character = Math.min(clamped, this.ends[line]) - this.starts[line];
    return { line, character };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line];
    return Math.min(start + Math.max(0, position.character), this.ends[position.line]);
  }
}
