// Small helpers shared by rules.

import type { Cell, Localized, Report, Section, Span, Table, TableId } from '../model';

export function loc(zh: string, en: string): Localized {
  return { zh, en };
}

export function section(report: Report, n: number): Section | undefined {
  return report.sections.find((s) => s.number === n);
}

export function table(report: Report, id: TableId): Table | undefined {
  return report.tables.find((t) => t.id === id);
}

export function cell(t: Table, row: string, column: string | null): Cell | undefined {
  return t.cells.find((c) => c.row === row && c.column === column);
}

/** The original text of a span. */
export function textOf(report: Report, span: Span): string {
  return report.source.text.slice(span.start, span.end);
}

/** The view (normalised, same offsets) of a span. */
export function viewOf(report: Report, span: Span): string {
  return report.source.view.slice(span.start, span.end);
}

/** 1-based line number of an offset, for messages. */
export function lineNo(report: Report, offset: number): number {
  return report.source.lines.lineAt(offset) + 1;
}

/** Span of the line holding offset (without the line break). */
export function lineSpan(report: Report, offset: number): Span {
  return report.source.lines.line(report.source.lines.lineAt(offset));
}

/** Span that deletes a whole line including its line break. */
export function wholeLineSpan(report: Report, offset: number): Span {
  const lines = report.source.lines;
  const i = lines.lineAt(offset);
  const { start } = lines.line(i);
  const end = i + 1 < lines.count ? lines.line(i + 1).start : lines.line(i).end;
  return { start, end };
}

/**
 * The written lines before the first section heading (the title, the preamble, an addressee) —
 * or the first `fallback` lines when there is no section — without surrounding blanks and
 * markdown marks (# and *). Empty lines are skipped.
 */
export function* linesBeforeSections(report: Report, fallback: number): Generator<Span> {
  const { view, lines } = report.source;
  const first = report.sections.length > 0 ? lines.lineAt(report.sections[0].heading.start) : Math.min(lines.count, fallback);
  for (let i = 0; i < first; i++) {
    const l = lines.line(i);
    let s = l.start;
    let e = l.end;
    while (s < e && /[ \t#*]/.test(view[s])) s++;
    while (e > s && /[ \t*]/.test(view[e - 1])) e--;
    if (s < e) yield { start: s, end: e };
  }
}

/** Global copies of the patterns matchesIn was given, kept between calls (building one per call cost more than most matching). */
const globalCopies = new WeakMap<RegExp, RegExp>();

/** Iterate regex matches over the view within a span; offsets are document offsets. */
export function* matchesIn(report: Report, span: Span, re: RegExp): Generator<{ start: number; end: number; m: RegExpExecArray }> {
  // The copy is taken out while in use, so a nested iteration over the same pattern gets its own.
  let g = globalCopies.get(re);
  if (g) globalCopies.delete(re);
  else g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
  g.lastIndex = 0;
  try {
    const region = report.source.view.slice(span.start, span.end);
    let m: RegExpExecArray | null;
    while ((m = g.exec(region))) {
      if (m[0].length === 0) {
        g.lastIndex++;
        continue;
      }
      yield { start: span.start + m.index, end: span.start + m.index + m[0].length, m };
    }
  } finally {
    globalCopies.set(re, g);
  }
}

/** The reporting year when the title or the statistics period states it (not merely inferred from the prose), else null. */
export function statedYear(report: Report): number | null {
  if (report.title?.year) return report.title.year;
  if (report.statisticsPeriod?.from) return report.statisticsPeriod.from.year;
  return null;
}

/**
 * Whether the text has anything of a report: a title, one of the six section headings or a
 * standard table. When it has none (an empty file, a stray README in a folder of reports),
 * `not-a-report` says so once and the structure rules, which would list everything as missing,
 * stand down.
 */
export function readsAsReport(report: Report): boolean {
  return report.title !== null || report.sections.length > 0 || report.tables.length > 0;
}
