// The outline (document symbols, breadcrumbs): the title; sections 一…六 with their subsections
// and tables; each table's items and rows named by the labels the report prints.

import type { Lang, Report, Span, Table, TableLayout } from '../model';
import { requestRowTitle, shorten, TABLE_TITLES } from '../schema/labels';
import { REQUEST_ROWS } from '../schema/tables';

export type OutlineKind = 'title' | 'section' | 'subsection' | 'table' | 'item' | 'row';

export interface OutlineNode {
  name: string;
  detail?: string;
  kind: OutlineKind;
  span: Span;
  /** What the editor selects and reveals: inside span. */
  selection: Span;
  children: OutlineNode[];
}

const LAYOUT_WORDS: Record<TableLayout, { zh: string; en: string }> = {
  tab: { zh: '制表符分隔', en: 'tab-separated' },
  'cell-per-line': { zh: '每格一行', en: 'one cell per line' },
  markdown: { zh: 'markdown 表格', en: 'markdown table' },
  spaces: { zh: '空格对齐', en: 'space-aligned' },
};

/** 「2021格式 · 每格一行」, and whether part of it could not be read. */
export function tableDetail(table: Table, lang: Lang): string {
  const zh = lang === 'zh';
  const parts = [zh ? `${table.version}格式` : `${table.version} format`, LAYOUT_WORDS[table.layout]?.[lang] ?? table.layout];
  if (!table.readable) parts.push(zh ? '部分无法读取' : 'partly unreadable');
  return parts.join(' · ');
}

const contains = (outer: Span, inner: Span): boolean => inner.start >= outer.start && inner.end <= outer.end;

function node(name: string, kind: OutlineKind, span: Span, selection: Span, detail?: string): OutlineNode {
  const sel = contains(span, selection) ? selection : { start: span.start, end: span.start };
  return { name: name.trim() || '·', detail, kind, span, selection: sel, children: [] };
}

function tableNode(t: Table, lang: Lang): OutlineNode {
  const names = TABLE_TITLES[t.id];
  const out = node(lang === 'zh' ? names.zh : names.en, 'table', t, { start: t.start, end: t.start }, tableDetail(t, lang));
  const spans = [...t.rowSpans.entries()].filter(([, sp]) => contains(t, sp)).sort((a, b) => a[1].start - b[1].start);
  if (t.id === 'requests') {
    for (const [id, sp] of spans) {
      const spec = REQUEST_ROWS[t.version].find((r) => r.id === id);
      if (spec) out.children.push(node(requestRowTitle(t.version, spec), 'row', sp, sp));
    }
  } else if (t.id === 'proactive') {
    // Keys are 「第二十条第（一）项」 for an item and 「第二十条第（一）项/规章」 for its rows.
    const items = new Map<string, OutlineNode>();
    for (const [key, sp] of spans) {
      const slash = key.indexOf('/');
      if (slash < 0) {
        const item = node(key, 'item', sp, sp);
        items.set(key, item);
        out.children.push(item);
      } else {
        const row = node(shorten(key.slice(slash + 1)), 'row', sp, sp);
        const item = items.get(key.slice(0, slash));
        if (item) {
          // The item's span grows to hold its rows (an item label is a line; its rows follow).
          item.span = { start: item.span.start, end: Math.max(item.span.end, sp.end) };
          item.children.push(row);
        } else out.children.push(row);
      }
    }
  }
  return out;
}

export function outline(report: Report, lang: Lang): OutlineNode[] {
  const out: OutlineNode[] = [];
  const { text } = report.source;
  if (report.title) {
    const year = report.year ? (lang === 'zh' ? `${report.year}年度` : String(report.year)) : undefined;
    out.push(node(report.title.text, 'title', report.title, report.title, year));
  }
  const tables = report.tables.map((t) => ({ t, n: tableNode(t, lang) }));
  const placed = new Set<OutlineNode>();
  for (const sec of report.sections) {
    const span = { start: sec.lineStart, end: Math.max(sec.body.end, sec.heading.end) };
    const sym = node(text.slice(sec.heading.start, sec.heading.end), 'section', span, sec.heading);
    const children: { at: number; n: OutlineNode }[] = [];
    for (const sub of sec.subsections) {
      if (!contains(span, sub)) continue;
      const name = text.slice(sub.start, Math.min(sub.end, sub.start + 60)).split(/\r|\n/)[0];
      children.push({ at: sub.start, n: node(name, 'subsection', sub, sub) });
    }
    for (const { t, n } of tables) {
      if (!contains(span, t)) continue;
      children.push({ at: t.start, n });
      placed.add(n);
    }
    sym.children = children.sort((a, b) => a.at - b.at).map((c) => c.n);
    out.push(sym);
  }
  for (const { n } of tables) if (!placed.has(n)) out.push(n);
  return out;
}
