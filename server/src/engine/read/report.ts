// Text → Report: the one place the readers are put together, in order.

import type { Document } from '../input/document';
import { blockAt } from '../input/document';
import { textDocument } from '../input/text';
import type { FormatVersion, Report, Span, Table } from '../model';
import { findSigningDate, findStatisticsPeriod, findTitle, inferYear } from './meta';
import { attachSubsections, findSections } from './sections';
import { readTables } from './tables';

const MARKERS: Record<FormatVersion, string[]> = {
  '2021': ['本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年收费金额'],
  '2019': ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '其他对外管理服务事项', '政府集中采购', '采购总金额'],
};

/** Read a plain text (any layout) into the report model. */
export function parseReport(text: string): Report {
  return readDocument(textDocument(text));
}

/**
 * What a report says about itself before its tables are read: the sections, the title, the year
 * and the signing date. Cheap (no table is read), and what pairing needs: the organ and year of a
 * report (desk/facts.ts identityOf) come from these alone, so a folder can be paired before any
 * report is read in full.
 */
export interface ReportHead extends Pick<Report, 'source' | 'document' | 'title' | 'year' | 'statisticsPeriod' | 'signingDate' | 'sections'> {
  headingLines: Set<number>;
}

export function readHead(document: Document): ReportHead {
  const { source, blocks: lines } = document;
  const { text } = source;
  const sections = findSections(source, lines);
  const headingLines = new Set(sections.map((s) => blockAt(lines, s.heading.start)));
  const firstHeadingLine = sections.length > 0 ? blockAt(lines, sections[0].heading.start) : -1;
  const title = findTitle(source, lines, firstHeadingLine);
  const s2 = sections.find((s) => s.number === 2);
  const preambleEnd = s2 ? s2.lineStart : Math.min(text.length, 6000);
  const statisticsPeriod = findStatisticsPeriod(source, preambleEnd);
  const year = inferYear(source, title, statisticsPeriod, sections);
  return { source, document, title, year, statisticsPeriod, signingDate: findSigningDate(source, lines), sections, headingLines };
}

/** Blocks → Report: the readers in order. They walk blocks, never physical lines. */
export function readDocument(document: Document): Report {
  const { source, title, year, statisticsPeriod, signingDate, sections, headingLines } = readHead(document);
  const lines = document.blocks;
  const tables = readTables(source, lines, headingLines, year, document.form);
  attachSubsections(source, lines, sections, tables);
  const formatMarkers = findMarkers(source.view, tables);
  return {
    source,
    document,
    title,
    year,
    formatVersion: versionOf(tables, formatMarkers),
    formatMarkers,
    statisticsPeriod,
    signingDate,
    sections,
    tables,
    layout: dominantLayout(tables),
  };
}

/** Every marker with its format, grouped by first unit: one search for 「本」 serves six markers. */
const MARKER_LIST: { version: FormatVersion; needle: string }[] = (['2021', '2019'] as const).flatMap((version) => MARKERS[version].map((needle) => ({ version, needle })));
const MARKER_GROUPS: { first: string; markers: number[] }[] = [];
MARKER_LIST.forEach(({ needle }, index) => {
  let group = MARKER_GROUPS.find((g) => g.first === needle[0]);
  if (!group) MARKER_GROUPS.push((group = { first: needle[0], markers: [] }));
  group.markers.push(index);
});

/** Format markers (spec §3.5) inside the tables. */
function findMarkers(view: string, tables: Table[]): Record<FormatVersion, Span[]> {
  const out: Record<FormatVersion, Span[]> = { '2021': [], '2019': [] };
  const found: (Span | null)[] = new Array(MARKER_LIST.length);
  for (const t of tables) {
    found.fill(null);
    const region = view.slice(t.start, t.end);
    for (const g of MARKER_GROUPS) compactIndexOfAny(view, region, t.start, t.end, g, found);
    // In MARKERS order, as one search per marker gave them.
    MARKER_LIST.forEach(({ version }, index) => {
      const at = found[index];
      if (at) out[version].push(at);
    });
    if (t.id === 'requests') {
      const r21 = t.cells.find((c) => c.row === 'R21');
      if (r21 && t.version === '2019') out['2019'].push({ start: r21.start, end: r21.end });
    }
  }
  return out;
}

/**
 * For each marker of the group (all starting with its first unit), its first place in view[from,
 * to) (`region`), ignoring spaces inside the found text (「上一年 项目数量」), into `found` by
 * marker index. One walk over the places of the first unit serves every marker of the group.
 */
function compactIndexOfAny(view: string, region: string, from: number, to: number, group: { first: string; markers: number[] }, found: (Span | null)[]): void {
  let left = group.markers.length;
  for (let r = region.indexOf(group.first); r >= 0 && left > 0; r = region.indexOf(group.first, r + 1)) {
    const i = from + r;
    for (const index of group.markers) {
      if (found[index]) continue;
      const end = compactMatchEnd(view, i, to, MARKER_LIST[index].needle);
      if (end >= 0) {
        found[index] = { start: i, end };
        left--;
      }
    }
  }
}

/** Where `needle` ends when it stands at view[i] (spaces inside it skipped, nothing past `to`); -1 when it does not. */
function compactMatchEnd(view: string, i: number, to: number, needle: string): number {
  let k = 0;
  let j = i;
  while (j < to && k < needle.length) {
    const c = view.charCodeAt(j);
    if (c === needle.charCodeAt(k)) {
      k++;
      j++;
    } else if (c === 32 && k > 0) j++;
    else break;
  }
  return k === needle.length ? j : -1;
}

function versionOf(tables: Table[], markers: Record<FormatVersion, Span[]>): FormatVersion | null {
  const t1 = tables.find((t) => t.id === 'proactive');
  if (t1) return t1.version;
  const t2 = tables.find((t) => t.id === 'requests');
  if (t2 && t2.cells.some((c) => c.row === 'R22')) return '2021';
  if (markers['2021'].length > 0 && markers['2019'].length === 0) return '2021';
  if (markers['2019'].length > 0 && markers['2021'].length === 0) return '2019';
  if (t2) return t2.version;
  return null;
}

function dominantLayout(tables: Table[]): Report['layout'] {
  const counts = new Map<Report['layout'], number>();
  for (const t of tables) counts.set(t.layout, (counts.get(t.layout) ?? 0) + 1);
  let best: Report['layout'] = 'tab';
  let n = 0;
  for (const [l, c] of counts) if (c > n) [best, n] = [l, c];
  return best;
}
