// HTML pages (.html/.htm) → Document, with every offset in the HTML source as written.
//
// The page is parsed with parse5 (source locations on) and turned into a *structural view*: a
// string of the same length as the HTML in which
//   - every tag, comment, script/style body and all page chrome outside the report is a space;
//   - the report's text stays where it is, an entity showing its decoded character at its first
//     unit (「&nbsp;」 → ' ' + 5 spaces);
//   - a block boundary (<p>, <div>, <h1-6>, <li>, <tr>, <table>, <br> …) is '\n' at a unit that was
//     markup, and a table cell boundary is '\t', so the plain-text readers see lines and tab rows.
// Merged cells are expanded into slots: a cell with colspan=k is followed by k−1 empty slots, and
// a slot covered by a rowspan from an earlier row is an empty slot in its own row, exactly as a
// tab-separated copy of the table would show them. Inside a cell, <p>/<br>/<span> never break the
// cell: a header label split over several <p> reads as one label.
//
// The page chrome (navigation, breadcrumbs, share buttons, footers, scripts) is set apart by
// finding the element that holds the report: the one that contains the most of the format's
// section headings and tables, the deepest such one. The report's title, when it stands before
// that element (a CMS's <h1> or <div class=title>), is kept too, or else the page's <title>.

import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { decodeHTML } from 'entities';
import type { Document } from '../engine';
import { textDocument } from '../engine';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];
type TextNode = DefaultTreeAdapterMap['textNode'];

const SPACE = 32;
const TAB = 9;
const NEWLINE = 10;

/** Elements whose content is never report text. */
const SKIPPED = new Set([
  'script', 'style', 'template', 'noscript', 'textarea', 'select', 'option', 'button', 'iframe', 'object',
  'svg', 'math', 'canvas', 'video', 'audio', 'map', 'head',
]);

/** Elements that start and end a block (a line for the readers) when they stand outside a table cell. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'ul',
  'title', 'body', 'html',
]);

/** Widest table grid we expand (report tables have at most 16 columns; this bounds hostile colspans). */
const MAX_COLUMNS = 256;

/** Notes about the reading that a face or a test may want (nothing here is a finding). */
export interface HtmlReading {
  document: Document;
  /** [start, end) of the element taken as the report's content, or null when the whole page was read. */
  content: { start: number; end: number } | null;
  /** Where the title that stands outside the content was taken from, if any. */
  title: { start: number; end: number } | null;
  /**
   * Rows whose empty merged-cell slots did not all fit into the markup around them (offset of the
   * row's first unit, and how many slots were left out). The readers then see fewer slots in that
   * row; they read rows by label and never shift values into the left-out slots.
   */
  slotShortfalls: { row: number; missing: number }[];
  /**
   * True when the page nests too deep for a tree (a tree builder's scope checks take time
   * quadratic in the depth): then tags are blanked, block tags break lines and cell tags are tabs,
   * without merged-cell expansion or chrome detection.
   */
  flat: boolean;
}

/** A Document over the HTML text, ready for checkDocument/readDocument. Never throws. */
export function htmlDocument(html: string): Document {
  return readHtml(html).document;
}

export function readHtml(html: string): HtmlReading {
  const out = new Uint16Array(html.length).fill(SPACE);
  const reading: HtmlReading = { document: null as unknown as Document, content: null, title: null, slotShortfalls: [], flat: false };
  let root: DefaultTreeAdapterMap['document'] | null = null;
  if (nestingDepth(html) <= MAX_NESTING) {
    try {
      root = parse(html, { sourceCodeLocationInfo: true });
    } catch {
      root = null; // parse5 does not throw on bad HTML, but a document must come back whatever happens
    }
  }
  if (root) new StructureWriter(html, out, reading).run(root);
  else {
    reading.flat = true;
    flatStructure(html, out);
  }
  reading.document = textDocument(html, { form: 'html', structure: decodeUnits(out), editable: true });
  return reading;
}

/** Real pages nest a few dozen elements deep; past this the page is read flat (see HtmlReading.flat). */
const MAX_NESTING = 1000;

/** Elements whose end tag may be left out (they close themselves) and void elements: no nesting. */
const SELF_CLOSING = new Set([
  'p', 'li', 'td', 'th', 'tr', 'tbody', 'thead', 'tfoot', 'option', 'dt', 'dd', 'colgroup', 'caption', 'rb', 'rt', 'rp',
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'html', 'head', 'body',
]);
// A tag: name, then anything but '<' and '>' up to '>' (stopping at '<' keeps every scan linear).
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9]*)[^<>]*?(\/?)>/g;
const TAG_AT = /<(\/?)([A-Za-z][A-Za-z0-9]*)[^<>]*?(\/?)>/y;

/** An upper estimate of how deep the page's elements nest, from its tags alone (linear). */
function nestingDepth(html: string): number {
  let depth = 0;
  let max = 0;
  TAG.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TAG.exec(html))) {
    const name = m[2].toLowerCase();
    if (SELF_CLOSING.has(name) || m[3] === '/') continue;
    if (m[1] === '/') depth = Math.max(0, depth - 1);
    else if (++depth > max) max = depth;
  }
  return max;
}

/** Elements whose content is raw text up to their end tag. */
const RAW_TEXT = new Set(['script', 'style', 'template', 'noscript', 'textarea', 'title', 'xmp', 'iframe']);

/** The flat reading: text copied with entities decoded, block tags as '\n', cell tags as '\t'. */
function flatStructure(html: string, out: Uint16Array): void {
  let text = 0; // start of the text run not yet copied
  let rowStart = true;
  let i = html.indexOf('<');
  while (i >= 0) {
    copyText(html, out, text, i);
    let next = i + 1;
    if (html.startsWith('<!--', i)) {
      const close = html.indexOf('-->', i + 4);
      next = close < 0 ? html.length : close + 3;
    } else if (html[i + 1] === '!' || html[i + 1] === '?') {
      const close = html.indexOf('>', i);
      next = close < 0 ? html.length : close + 1;
    } else {
      TAG_AT.lastIndex = i;
      const m = TAG_AT.exec(html);
      if (!m) {
        out[i] = 60; // a '<' that starts no tag is text
      } else {
        next = i + m[0].length;
        const name = m[2].toLowerCase();
        if (m[1] === '' && RAW_TEXT.has(name)) {
          const end = new RegExp(`</${name}`, 'gi');
          end.lastIndex = next;
          const close = end.exec(html);
          const gt = close ? html.indexOf('>', close.index) : -1;
          next = gt < 0 ? html.length : gt + 1;
        } else if (name === 'td' || name === 'th') {
          if (m[1] === '' && !rowStart) out[i] = TAB;
          rowStart = false;
        } else if (BLOCKS.has(name)) {
          out[i] = NEWLINE;
          rowStart = true;
        }
      }
    }
    text = next;
    i = html.indexOf('<', next);
  }
  copyText(html, out, text, html.length);
}

const UTF16 = new TextDecoder('utf-16le');

function decodeUnits(units: Uint16Array): string {
  // TextDecoder turns a lone surrogate into U+FFFD: still one unit, so the length holds.
  return UTF16.decode(units);
}

function isElement(n: Node): n is Element {
  return (n as Element).tagName !== undefined;
}

/** The parent of a node (the document has none). */
function parentOf(n: Node): Node | null {
  return (n as { parentNode?: Node | null }).parentNode ?? null;
}

function isText(n: Node): n is TextNode {
  return n.nodeName === '#text';
}

function childrenOf(n: Node): Node[] {
  if (isElement(n) && n.tagName === 'template') return [];
  return (n as { childNodes?: Node[] }).childNodes ?? [];
}

function attr(el: Element, name: string): string | null {
  for (const a of el.attrs) if (a.name === name) return a.value;
  return null;
}

/** Section headings and other anchors of the format, searched in the page's text without whitespace. */
const ANCHORS: RegExp[] = [
  /[一1][、.，,]?总体情况/g,
  /[二2][、.，,]?主动公开政府信息(?:情况)?/g,
  /[三3][、.，,]?收到和处理政府信息公开申请/g,
  /[四4][、.，,]?政府信息公开(?:行政)?(?:法)?复议/g,
  /[五5][、.，,]?存在的主要问题/g,
  /[六6][、.，,]?其他需要报告的事项/g,
  /第二十条第[(（][一二][)）]项/g,
  /本年新收政府信息公开申请数量/g,
];
const TABLE_BIT = 1 << ANCHORS.length;
const MAX_ANCHOR_HITS = 400;

const TITLE_RE = /信息公开.{0,20}(?:年度报告|年报)/;
const YEAR_RE = /(?:\d|[０-９]){4}年|[〇零一二三四五六七八九]{4}年/;
const TITLE_SEPARATORS = /[_|｜]| - | — /;

class StructureWriter {
  /** Text nodes in document order with the element they sit in (for the content search). */
  private texts: TextNode[] = [];
  private tables: Element[] = [];
  private titleElement: Element | null = null;

  constructor(
    private readonly html: string,
    private readonly out: Uint16Array,
    private readonly reading: HtmlReading,
  ) {}

  run(doc: DefaultTreeAdapterMap['document']): void {
    this.collect(doc);
    const content = this.findContent();
    if (!content) {
      // Not recognisably a report (or a bare fragment): read the whole body, and the <title>.
      if (this.titleElement) this.emitPageTitle(this.titleElement);
      this.emit(doc);
      return;
    }
    const loc = content.sourceCodeLocation!;
    this.reading.content = { start: loc.startOffset, end: loc.endOffset };
    const title = this.findTitleBefore(content);
    if (title !== null && title !== 'inside' && title.sourceCodeLocation) {
      this.reading.title = { start: title.sourceCodeLocation.startOffset, end: title.sourceCodeLocation.endOffset };
      this.emit(title);
    } else if (title === null && this.titleElement) {
      this.emitPageTitle(this.titleElement);
    }
    this.emit(content);
  }

  /** Text nodes, tables and the page <title>, in document order (iteratively: pages can nest deep). */
  private collect(doc: Node): void {
    const stack: Node[] = [doc];
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (isText(n)) {
        if (n.sourceCodeLocation) this.texts.push(n);
        continue;
      }
      if (isElement(n)) {
        if (n.tagName === 'title' && !this.titleElement) this.titleElement = n;
        // <head> is walked for its <title> only.
        if (SKIPPED.has(n.tagName) && n.tagName !== 'head') continue;
        if (n.tagName === 'head') {
          const title = n.childNodes.find((c): c is Element => isElement(c) && c.tagName === 'title');
          if (title && !this.titleElement) this.titleElement = title;
          continue;
        }
        if (n.tagName === 'table' && n.sourceCodeLocation) this.tables.push(n);
      }
      const kids = childrenOf(n);
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
    }
  }

  /**
   * The element that holds the report: the one containing the most kinds of anchor (section
   * headings, table anchors, tables), and among those the deepest. Null when fewer than two kinds
   * appear anywhere (then the whole page is read).
   */
  private findContent(): Element | null {
    // Compact text (whitespace dropped) with the text node of each unit, to find anchors split by spans.
    let compact = '';
    const owner: number[] = [];
    for (let t = 0; t < this.texts.length; t++) {
      const v = this.texts[t].value;
      for (let i = 0; i < v.length; i++) {
        const c = v.charCodeAt(i);
        if (c <= 32 || c === 0xa0 || c === 0x3000) continue;
        compact += v[i];
        owner.push(t);
      }
    }
    const kinds = new Map<Element, number>();
    const mark = (node: Node, bit: number): void => {
      for (let p = parentOf(node); p && isElement(p); p = parentOf(p)) kinds.set(p, (kinds.get(p) ?? 0) | bit);
    };
    let hits = 0;
    ANCHORS.forEach((re, k) => {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(compact)) && hits < MAX_ANCHOR_HITS) {
        hits++;
        mark(this.texts[owner[m.index]], 1 << k);
      }
    });
    for (const t of this.tables.slice(0, MAX_ANCHOR_HITS)) {
      kinds.set(t, (kinds.get(t) ?? 0) | TABLE_BIT);
      mark(t, TABLE_BIT);
    }
    let best: Element | null = null;
    let bestCount = 0;
    let bestDepth = -1;
    for (const [el, mask] of kinds) {
      // A table alone is not the report; the element must hold at least one heading or anchor.
      if (!el.sourceCodeLocation || el.tagName === 'table' || (mask & ~TABLE_BIT) === 0) continue;
      const count = popcount(mask);
      if (count < bestCount) continue;
      const depth = depthOf(el);
      if (count > bestCount || depth > bestDepth) {
        best = el;
        bestCount = count;
        bestDepth = depth;
      }
    }
    return bestCount >= 2 ? best : null;
  }

  /**
   * The report's title when it stands outside the content, just before it (a CMS's title
   * element): the nearest preceding block whose text reads like a report title. 'inside' when the
   * content starts with its own title; null when none was found (the page's <title> is used).
   */
  private findTitleBefore(content: Element): Element | 'inside' | null {
    const start = content.sourceCodeLocation!.startOffset;
    const firstInside = this.texts.find((t) => t.sourceCodeLocation!.startOffset >= start && t.value.trim() !== '');
    if (firstInside && looksLikeTitle(textOf(blockOf(firstInside) ?? firstInside))) return 'inside';
    let seen = 0;
    for (let i = this.texts.length - 1; i >= 0 && seen < 40; i--) {
      const t = this.texts[i];
      if (t.sourceCodeLocation!.startOffset >= start) continue;
      if (t.value.trim() === '') continue;
      seen++;
      const block = blockOf(t);
      if (!block || !block.sourceCodeLocation || block.tagName === 'body' || block.tagName === 'html') continue;
      if (looksLikeTitle(textOf(block)) && !isInside(content, block)) return block;
    }
    return null;
  }

  /** The page's <title>, up to the separator before the site's name, as the first block. */
  private emitPageTitle(title: Element): void {
    const loc = title.sourceCodeLocation;
    if (!loc) return;
    const text = title.childNodes.find(isText);
    if (!text || !text.sourceCodeLocation) return;
    const raw = this.html.slice(text.sourceCodeLocation.startOffset, text.sourceCodeLocation.endOffset);
    const cut = raw.search(TITLE_SEPARATORS);
    const end = cut < 0 ? text.sourceCodeLocation.endOffset : text.sourceCodeLocation.startOffset + cut;
    if (!looksLikeTitle(decodeHTML(this.html.slice(text.sourceCodeLocation.startOffset, end)))) return;
    copyText(this.html, this.out, text.sourceCodeLocation.startOffset, end);
    this.reading.title = { start: text.sourceCodeLocation.startOffset, end };
    if (loc.endTag) this.out[loc.endTag.startOffset] = NEWLINE;
  }

  /** Write the structure of one subtree: its text, block breaks, and the cells of its tables. */
  private emit(top: Node): void {
    const stack: { node: Node; inCell: boolean }[] = [{ node: top, inCell: false }];
    const dataTables: Element[] = [];
    while (stack.length > 0) {
      const { node, inCell } = stack.pop()!;
      if (isText(node)) {
        const loc = node.sourceCodeLocation;
        if (loc) copyText(this.html, this.out, loc.startOffset, loc.endOffset);
        continue;
      }
      if (isElement(node)) {
        const tag = node.tagName;
        if (SKIPPED.has(tag) || isHidden(node)) continue;
        const loc = node.sourceCodeLocation;
        if (tag === 'table' && isDataTable(node)) {
          dataTables.push(node);
          if (loc) this.breakAt(loc.startOffset, loc.endTag?.startOffset ?? null);
          // Rows and cells of a data table are written by writeTable; their content is text as usual.
          for (const row of rowsOf(node)) {
            const rowLoc = row.sourceCodeLocation;
            if (rowLoc) this.breakAt(rowLoc.startOffset, rowLoc.endTag?.startOffset ?? null);
            for (const cell of cellsOf(row)) {
              const kids = childrenOf(cell);
              for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i], inCell: true });
            }
          }
          continue;
        }
        if (!inCell && BLOCKS.has(tag) && loc) this.breakAt(loc.startOffset, loc.endTag?.startOffset ?? null);
        // <br> inside a cell (「结果<br>维持」) is a space: the cell stays one label.
      }
      const kids = childrenOf(node);
      for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i], inCell });
    }
    // Cells last: tabs go into markup units that the text pass left blank.
    for (const t of dataTables) this.writeTable(t);
  }

  private breakAt(start: number, endTagStart: number | null): void {
    if (this.out[start] === SPACE) this.out[start] = NEWLINE;
    if (endTagStart !== null && this.out[endTagStart] === SPACE) this.out[endTagStart] = NEWLINE;
  }

  /**
   * Tabs between the cells of a data table, merged cells expanded into slots. Each tab goes into
   * a blank unit between the previous cell's last character and this cell's first (its tags, the
   * whitespace between cells, the padding of an entity). When a row has no room for all of them,
   * the shortfall is recorded.
   */
  private writeTable(table: Element): void {
    const rows = rowsOf(table);
    const coveredUntil: number[] = []; // per column: last row index covered by a rowspan from above
    rows.forEach((row, r) => {
      const rowLoc = row.sourceCodeLocation;
      if (!rowLoc) return;
      let cursor = rowLoc.startOffset; // units up to here are taken
      let slotsWritten = 0; // tabs written in this row so far = index of the slot being filled
      let missing = 0;
      let col = 0;
      const cells = cellsOf(row);
      const place = (wanted: number, before: number): void => {
        for (let p = cursor + 1; p < before && slotsWritten < wanted; p++) {
          if (this.out[p] === SPACE) {
            this.out[p] = TAB;
            cursor = p;
            slotsWritten++;
          }
        }
      };
      for (const cell of cells) {
        const loc = cell.sourceCodeLocation;
        if (!loc) continue;
        while (col < MAX_COLUMNS && (coveredUntil[col] ?? -1) >= r) col++;
        const colspan = Math.min(spanAttr(cell, 'colspan', 1000), MAX_COLUMNS - col);
        const rowspan = Math.min(spanAttr(cell, 'rowspan', 65534), rows.length - r);
        const [first, last] = this.contentBounds(loc.startOffset, loc.endOffset);
        const gapEnd = first >= 0 ? first : loc.endOffset;
        const written = slotsWritten;
        place(col, gapEnd);
        missing += col - slotsWritten;
        // Slots that did not fit are counted as written: later cells keep their own positions.
        slotsWritten = Math.max(slotsWritten, col);
        if (first >= 0) cursor = Math.max(cursor, last);
        else if (slotsWritten === written) cursor = Math.max(cursor, loc.startOffset);
        for (let c = col; c < col + Math.max(1, colspan); c++) if (rowspan > 1) coveredUntil[c] = r + rowspan - 1;
        col += Math.max(1, colspan);
      }
      // Slots after the last cell: its colspan and rowspans from above (trailing empties; best effort).
      let width = col;
      while (width < MAX_COLUMNS && (coveredUntil[width] ?? -1) >= r) width++;
      const rowEnd = rowLoc.endTag?.startOffset ?? rowLoc.endOffset;
      if (width > slotsWritten + 1) place(width - 1, rowEnd);
      if (missing > 0) this.reading.slotShortfalls.push({ row: rowLoc.startOffset, missing });
    });
  }

  /** First and last units of [start, end) that hold text (not blank), or [-1, -1]. */
  private contentBounds(start: number, end: number): [number, number] {
    let first = -1;
    for (let p = start; p < end; p++) {
      const c = this.out[p];
      if (c !== SPACE && c !== TAB && c !== NEWLINE && c !== 0xa0 && c !== 0x3000) {
        first = p;
        break;
      }
    }
    if (first < 0) return [-1, -1];
    let last = first;
    for (let p = end - 1; p > first; p--) {
      const c = this.out[p];
      if (c !== SPACE && c !== TAB && c !== NEWLINE && c !== 0xa0 && c !== 0x3000) {
        last = p;
        break;
      }
    }
    return [first, last];
  }
}

const ENTITY = /&(?:#[xX][0-9a-fA-F]{1,8};?|#[0-9]{1,8};?|[A-Za-z][A-Za-z0-9]{1,31};?)/y;

/** A short block that names a disclosure annual report (「…2022年度政府信息公开工作年度报告」). */
function looksLikeTitle(text: string): boolean {
  const t = text.replace(/\s/g, '');
  // A year too: the breadcrumb link 「政府信息公开年报」 is a column's name, not a report's title.
  return t.length <= 80 && TITLE_RE.test(t) && YEAR_RE.test(t);
}

/** Copy text units [start, end) of the source, entities decoded in place, whitespace as spaces. */
function copyText(html: string, out: Uint16Array, start: number, end: number): void {
  for (let i = start; i < end; i++) {
    const c = html.charCodeAt(i);
    if (c === 38 /* & */) {
      const used = copyEntity(html, out, i, end);
      if (used > 0) {
        i += used - 1;
        continue;
      }
    }
    out[i] = c === TAB || c === NEWLINE || c === 13 || c === 12 || c === 11 ? SPACE : c;
  }
}

/** An entity at i: its decoded character at its first unit, spaces after. Returns units used (0: not an entity). */
function copyEntity(html: string, out: Uint16Array, i: number, end: number): number {
  ENTITY.lastIndex = i;
  const m = ENTITY.exec(html);
  if (!m || i + m[0].length > end) return 0;
  let raw = m[0];
  let decoded = decodeHTML(raw);
  if (decoded === raw) return 0;
  if (decoded.length > 2) {
    // A legacy entity without ';' followed by letters (「&notit;」 is ¬ + 「it;」): the shortest prefix that decodes.
    let found = false;
    for (let k = 3; k < raw.length; k++) {
      const d = decodeHTML(raw.slice(0, k));
      if (d !== raw.slice(0, k) && d.length <= 2 && decodeHTML(raw) === d + raw.slice(k)) {
        raw = raw.slice(0, k);
        decoded = d;
        found = true;
        break;
      }
    }
    if (!found) return 0;
  }
  // A decoded character that does not fit (never for real entities: the shortest is 3 units) is a space.
  const fits = decoded.length <= raw.length;
  for (let k = 0; k < raw.length; k++) {
    let c = fits && k < decoded.length ? decoded.charCodeAt(k) : SPACE;
    if (c === TAB || c === NEWLINE || c === 13 || c === 12 || c === 11) c = SPACE;
    out[i + k] = c;
  }
  return raw.length;
}

function popcount(x: number): number {
  let n = 0;
  for (; x; x &= x - 1) n++;
  return n;
}

function depthOf(n: Node): number {
  let d = 0;
  for (let p = parentOf(n); p; p = parentOf(p)) d++;
  return d;
}

function isInside(n: Node, ancestor: Node): boolean {
  for (let p: Node | null = n; p; p = parentOf(p)) if (p === ancestor) return true;
  return false;
}

/** The nearest block element around a text node. */
function blockOf(t: TextNode): Element | null {
  for (let p = parentOf(t); p && isElement(p); p = parentOf(p)) {
    if (BLOCKS.has(p.tagName) && p.tagName !== 'br') return p;
  }
  return null;
}

function textOf(el: Node): string {
  let s = '';
  const stack: Node[] = [el];
  while (stack.length > 0 && s.length < 400) {
    const n = stack.pop()!;
    if (isText(n)) s += n.value;
    else if (!isElement(n) || !SKIPPED.has(n.tagName)) {
      const kids = childrenOf(n);
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
    }
  }
  return s;
}

function isHidden(el: Element): boolean {
  if (attr(el, 'hidden') !== null) return true;
  const style = attr(el, 'style');
  return style !== null && style.includes('none') && /display\s*:\s*none/i.test(style);
}

/** Rows of a table (through thead/tbody/tfoot), not those of tables nested in its cells. */
function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (const c of table.childNodes) {
    if (!isElement(c)) continue;
    if (c.tagName === 'tr') rows.push(c);
    else if (c.tagName === 'thead' || c.tagName === 'tbody' || c.tagName === 'tfoot') {
      for (const r of c.childNodes) if (isElement(r) && r.tagName === 'tr') rows.push(r);
    }
  }
  return rows;
}

function cellsOf(row: Element): Element[] {
  return row.childNodes.filter((c): c is Element => isElement(c) && (c.tagName === 'td' || c.tagName === 'th'));
}

/**
 * A table of data, read as tab rows. A table with another table inside a cell is page layout
 * (old CMS pages wrap the whole article in one): its cells are read as blocks instead.
 */
function isDataTable(table: Element): boolean {
  for (const row of rowsOf(table)) {
    for (const cell of cellsOf(row)) if (hasDescendant(cell, 'table')) return false;
  }
  return true;
}

function hasDescendant(el: Element, tag: string): boolean {
  const stack: Node[] = [...el.childNodes];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (isElement(n)) {
      if (n.tagName === tag) return true;
      stack.push(...childrenOf(n));
    }
  }
  return false;
}

/** colspan/rowspan as the HTML spec reads them: digits at the start, at least 1, at most max. */
function spanAttr(cell: Element, name: string, max: number): number {
  const v = attr(cell, name);
  if (v === null) return 1;
  const m = /^\s*(\d+)/.exec(v);
  if (!m) return 1;
  const n = Number(m[1]);
  return n >= 1 ? Math.min(n, max) : 1;
}
