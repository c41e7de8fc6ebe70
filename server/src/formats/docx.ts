// The .docx adapter: WordprocessingML → a read-only *report text* the engine reads like any text
// (paragraphs as lines, each table row as one tab-separated line with merged cells expanded), and
// origin(offset) → the paragraph or table cell a person finds in Word.
//
// What Word shows is what we render: automatic numbering (「一、」 from numbering.xml) is written out,
// deleted revisions, hidden text, field instructions, text boxes, footnotes and comments are not.
// Pure JS (fflate + xmldom): runs in Node and in a browser worker.

import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import type { Localized, Origin } from '../engine';
import { textDocument } from '../engine';
import { type NumberingDefinitions, NumberingCounter, type NumberingLevel } from './numbering';
import { type OriginMap, originLookup } from './origin';
import { readZipEntry, ZipError, zipEntries } from './zip';

/** Decompressed size allowed for one XML part (a 300-page report's document.xml is ~10 MB). */
const PART_LIMIT = 32 * 1024 * 1024;

export type DocxReading = { ok: true; text: string; origins: OriginMap } | { ok: false; reason: Localized };

const TOO_LARGE: Localized = {
  zh: '文件解压后过大（可能是压缩炸弹），未读取',
  en: 'the file is too large once decompressed (possibly a zip bomb); not read',
};
const NOT_DOCX: Localized = {
  zh: '不是 Word (.docx) 文件：缺少 word/document.xml',
  en: 'not a Word (.docx) file: word/document.xml is missing',
};
const OLE_FILE: Localized = {
  zh: '文件已加密或是旧版 .doc 格式，无法读取（请在 Word 中取消密码或另存为 .docx）',
  en: 'the file is encrypted or an old .doc file (remove the password or save it as .docx in Word)',
};
const BAD_XML: Localized = { zh: '文件已损坏：文档内容不是有效的 XML', en: 'the file is damaged: its content is not valid XML' };

/** Read a .docx file's bytes into its report text with the map back to Word's paragraphs and cells. */
export function readDocx(bytes: Uint8Array): DocxReading {
  // Encrypted Office files (and .doc) are OLE compound files, not zips.
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return { ok: false, reason: OLE_FILE };
  }
  try {
    const entries = zipEntries(bytes);
    const part = (name: string): Element | null => {
      const entry = entries.get(name);
      if (!entry) return null;
      return parseXml(new TextDecoder('utf-8').decode(readZipEntry(bytes, entry, PART_LIMIT, TOO_LARGE)));
    };
    const main = mainDocumentPart(entries, part);
    if (!main) return { ok: false, reason: NOT_DOCX };
    const styles = readStyles(part('word/styles.xml'));
    const numbering = readNumbering(part('word/numbering.xml'));
    return { ok: true, ...new Renderer(styles, numbering).render(main) };
  } catch (err) {
    if (err instanceof ZipError) return { ok: false, reason: err.reason };
    if (err instanceof XmlError) return { ok: false, reason: BAD_XML };
    // Elements nested thousands deep (no real document is) exhaust the stack of the walk.
    if (err instanceof RangeError) return { ok: false, reason: BAD_XML };
    throw err;
  }
}

/** The Document the engine checks: the report text, read-only, with its origins. */
export function docxDocument(bytes: Uint8Array) {
  const r = readDocx(bytes);
  if (!r.ok) return r;
  return { ok: true as const, document: textDocument(r.text, { form: 'docx', editable: false, origin: originLookup(r.origins) }) };
}

// ---------------------------------------------------------------------------------------------
// XML helpers. Elements are matched by local name (w:p, w:tbl …) so that Transitional and Strict
// OOXML (different namespace URIs, same names) both read.

class XmlError extends Error {}

function parseXml(xml: string): Element {
  let doc;
  try {
    doc = new DOMParser({
      onError: (level) => {
        if (level === 'fatalError') throw new XmlError('fatal');
      },
    }).parseFromString(xml, 'text/xml');
  } catch {
    throw new XmlError('xml');
  }
  if (!doc?.documentElement) throw new XmlError('empty');
  return doc.documentElement;
}

function* childElements(node: Node): Generator<Element> {
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) yield c as Element;
}

function child(node: Node, name: string): Element | null {
  for (const c of childElements(node)) if (c.localName === name) return c;
  return null;
}

/** An attribute by local name (w:val, w:id …), whatever its prefix. */
function attr(el: Element | null, name: string): string | null {
  if (!el) return null;
  const attrs = el.attributes;
  for (let i = 0; i < attrs.length; i++) if (attrs[i].localName === name) return attrs[i].value;
  return null;
}

/** w:val of a child element; on/off properties (w:vanish) count as on when present without val. */
function childVal(node: Node | null, name: string): string | null {
  const c = node ? child(node, name) : null;
  return c ? (attr(c, 'val') ?? '') : null;
}

const isOn = (v: string | null): boolean => v !== null && v !== 'false' && v !== '0' && v !== 'off';

/** word/document.xml, or the part the package's relationships name as the main document. */
function mainDocumentPart(entries: Map<string, unknown>, part: (name: string) => Element | null): Element | null {
  if (entries.has('word/document.xml')) return part('word/document.xml');
  const rels = part('_rels/.rels');
  if (!rels) return null;
  for (const rel of childElements(rels)) {
    if ((attr(rel, 'Type') ?? '').endsWith('/officeDocument')) {
      const target = (attr(rel, 'Target') ?? '').replace(/^\//, '');
      return entries.has(target) ? part(target) : null;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Styles and numbering definitions.

interface StyleInfo {
  basedOn: string | null;
  numId: string | null;
  ilvl: number | null;
}

function readStyles(root: Element | null): Map<string, StyleInfo> {
  const styles = new Map<string, StyleInfo>();
  if (!root) return styles;
  for (const s of childElements(root)) {
    if (s.localName !== 'style') continue;
    const id = attr(s, 'styleId');
    if (!id) continue;
    const numPr = child(child(s, 'pPr') ?? s, 'numPr');
    styles.set(id, {
      basedOn: childVal(s, 'basedOn'),
      numId: numPr ? childVal(numPr, 'numId') : null,
      ilvl: numPr && childVal(numPr, 'ilvl') !== null ? Number(childVal(numPr, 'ilvl')) : null,
    });
  }
  return styles;
}

function readLevels(abstractNum: Element): NumberingLevel[] {
  const levels: NumberingLevel[] = [];
  for (const lvl of childElements(abstractNum)) {
    if (lvl.localName !== 'lvl') continue;
    const ilvl = Number(attr(lvl, 'ilvl') ?? 0);
    if (!(ilvl >= 0 && ilvl < 9)) continue;
    const suff = childVal(lvl, 'suff');
    levels[ilvl] = {
      start: Number(childVal(lvl, 'start') ?? 1) || 0,
      numFmt: childVal(lvl, 'numFmt') ?? 'decimal',
      lvlText: childVal(lvl, 'lvlText') ?? '',
      suffix: suff === 'space' || suff === 'nothing' ? suff : 'tab',
    };
  }
  return levels;
}

function readNumbering(root: Element | null): NumberingDefinitions {
  const defs: NumberingDefinitions = { levels: new Map(), startOverrides: new Map() };
  if (!root) return defs;
  const abstract = new Map<string, NumberingLevel[]>();
  for (const el of childElements(root)) {
    if (el.localName === 'abstractNum') abstract.set(attr(el, 'abstractNumId') ?? '', readLevels(el));
  }
  for (const num of childElements(root)) {
    if (num.localName !== 'num') continue;
    const numId = attr(num, 'numId');
    const levels = abstract.get(childVal(num, 'abstractNumId') ?? '');
    if (numId === null || !levels) continue;
    const merged = [...levels];
    const overrides = new Map<number, number>();
    for (const o of childElements(num)) {
      if (o.localName !== 'lvlOverride') continue;
      const ilvl = Number(attr(o, 'ilvl') ?? 0);
      const start = childVal(o, 'startOverride');
      if (start !== null) overrides.set(ilvl, Number(start) || 0);
      // An override may redefine the level itself (its w:lvl child).
      const redefined = readLevels(o)[ilvl];
      if (redefined) merged[ilvl] = redefined;
    }
    defs.levels.set(numId, merged);
    if (overrides.size) defs.startOverrides.set(numId, overrides);
  }
  return defs;
}

// ---------------------------------------------------------------------------------------------
// Rendering.

/** Inline elements whose content Word does not print (or prints elsewhere, like a text box). */
const SKIPPED = new Set([
  'del', 'moveFrom', 'delText', 'instrText', 'delInstrText', 'drawing', 'pict', 'object', 'AlternateContent',
  'txbxContent', 'footnoteReference', 'endnoteReference', 'commentReference', 'rPr', 'pPr', 'fldData',
]);

/** Characters that may join across a cell's paragraphs without a space (CJK and punctuation). */
const JOINS_TIGHT = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f（）]/;

class Renderer {
  private text = '';
  private readonly origins: OriginMap = { starts: [], origins: [] };
  private paragraphNumber = 0;
  private tableNumber = 0;
  private readonly counter: NumberingCounter;

  constructor(
    private readonly styles: Map<string, StyleInfo>,
    numbering: NumberingDefinitions,
  ) {
    this.counter = new NumberingCounter(numbering);
  }

  render(root: Element): { text: string; origins: OriginMap } {
    const body = child(root, 'body') ?? root;
    let first = true;
    for (const block of this.blocks(body)) {
      if (!first) this.text += '\n';
      first = false;
      if (block.localName === 'p') this.bodyParagraph(block);
      else this.table(block);
    }
    return { text: this.text, origins: this.origins };
  }

  /** Body-level paragraphs and tables in order (content controls and custom XML unwrapped). */
  private *blocks(container: Node): Generator<Element> {
    for (const el of childElements(container)) {
      if (el.localName === 'p' || el.localName === 'tbl') yield el;
      else if (el.localName === 'sdt') yield* this.blocks(child(el, 'sdtContent') ?? el);
      else if (el.localName === 'customXml' || el.localName === 'ins' || el.localName === 'moveTo') yield* this.blocks(el);
    }
  }

  private mark(origin: Origin): void {
    this.origins.starts.push(this.text.length);
    this.origins.origins.push(origin);
  }

  private bodyParagraph(p: Element): void {
    this.paragraphNumber++;
    this.mark({ kind: 'docx', paragraph: this.paragraphNumber });
    // A soft line break stays a line break: the origin of both lines is this paragraph.
    this.text += this.paragraphText(p).replace(/\r/g, '');
  }

  /** Numeral (from w:numPr or the style's) + the text of the runs Word shows. */
  private paragraphText(p: Element): string {
    const pPr = child(p, 'pPr');
    return this.numeral(pPr) + this.inlineText(p);
  }

  private numeral(pPr: Element | null): string {
    let numId: string | null = null;
    let ilvl: number | null = null;
    const numPr = pPr ? child(pPr, 'numPr') : null;
    if (numPr) {
      numId = childVal(numPr, 'numId');
      const l = childVal(numPr, 'ilvl');
      ilvl = l === null ? null : Number(l);
    }
    // Heading styles often carry the numbering; follow basedOn (with a bound against cycles).
    let style = childVal(pPr, 'pStyle');
    for (let depth = 0; style && depth < 16 && (numId === null || ilvl === null); depth++) {
      const info = this.styles.get(style);
      if (!info) break;
      if (numId === null && info.numId !== null) numId = info.numId;
      if (ilvl === null && info.ilvl !== null) ilvl = info.ilvl;
      style = info.basedOn;
    }
    if (numId === null || numId === '0') return '';
    return this.counter.next(numId, ilvl ?? 0);
  }

  private inlineText(node: Node): string {
    let out = '';
    for (const el of childElements(node)) {
      const name = el.localName ?? '';
      if (SKIPPED.has(name)) continue;
      switch (name) {
        case 't':
          out += el.textContent ?? '';
          break;
        case 'tab':
        case 'ptab':
          out += '\t';
          break;
        case 'br':
        case 'cr':
          // Page and column breaks do not end a line of text.
          out += attr(el, 'type') === 'page' || attr(el, 'type') === 'column' ? '' : '\n';
          break;
        case 'noBreakHyphen':
          out += '-';
          break;
        case 'r':
          if (isOn(childVal(child(el, 'rPr'), 'vanish'))) break;
          out += this.inlineText(el);
          break;
        case 'p':
        case 'tbl':
          // Only reached inside a cell (nested content): handled by cellText.
          break;
        default:
          // Hyperlinks, insertions, smart tags, simple fields, content controls: their runs count.
          out += this.inlineText(el);
      }
    }
    return out;
  }

  private table(tbl: Element): void {
    this.tableNumber++;
    const table = this.tableNumber;
    let rowNumber = 0;
    let firstRow = true;
    for (const tr of this.rows(tbl)) {
      rowNumber++;
      if (!firstRow) this.text += '\n';
      firstRow = false;
      const trPr = child(tr, 'trPr');
      const before = Number(childVal(trPr, 'gridBefore') ?? 0) || 0;
      const after = Number(childVal(trPr, 'gridAfter') ?? 0) || 0;
      let column = 0;
      const emptyCells = (n: number): void => {
        for (let i = 0; i < Math.min(n, 64); i++) {
          if (column > 0) this.text += '\t';
          column++;
          this.mark({ kind: 'docx', table, row: rowNumber, cell: column });
        }
      };
      emptyCells(before);
      for (const tc of this.cells(tr)) {
        const tcPr = child(tc, 'tcPr');
        const span = Math.max(1, Math.min(64, Number(childVal(tcPr, 'gridSpan') ?? 1) || 1));
        const vMerge = tcPr ? child(tcPr, 'vMerge') : null;
        // A vertically merged continuation shows nothing of its own: an empty cell.
        const continuation = vMerge !== null && attr(vMerge, 'val') !== 'restart';
        if (column > 0) this.text += '\t';
        column++;
        this.mark({ kind: 'docx', table, row: rowNumber, cell: column });
        if (!continuation) this.text += this.cellText(tc);
        emptyCells(span - 1);
      }
      emptyCells(after);
    }
  }

  private *rows(tbl: Element): Generator<Element> {
    for (const el of childElements(tbl)) {
      if (el.localName === 'tr') yield el;
      else if (el.localName === 'sdt') yield* this.rows(child(el, 'sdtContent') ?? el);
      else if (el.localName === 'customXml' || el.localName === 'ins') yield* this.rows(el);
    }
  }

  private *cells(tr: Element): Generator<Element> {
    for (const el of childElements(tr)) {
      if (el.localName === 'tc') yield el;
      else if (el.localName === 'sdt') yield* this.cells(child(el, 'sdtContent') ?? el);
      else if (el.localName === 'customXml' || el.localName === 'ins') yield* this.cells(el);
    }
  }

  /**
   * A cell's text on one line: its paragraphs (and any nested table's) joined; CJK pieces join
   * tight (a label wrapped by hand, a group label one character per line), others with a space,
   * so that two numbers never fuse into one.
   */
  private cellText(tc: Element): string {
    const pieces: string[] = [];
    const collect = (container: Node): void => {
      for (const el of this.blocks(container)) {
        if (el.localName === 'p') pieces.push(this.paragraphText(el));
        else for (const tr of this.rows(el)) for (const tc2 of this.cells(tr)) collect(tc2);
      }
    };
    collect(tc);
    let out = '';
    for (const raw of pieces) {
      const piece = raw.replace(/[\t\r\n]+/g, ' ').trim();
      if (!piece) continue;
      if (out && !(JOINS_TIGHT.test(out[out.length - 1]) && JOINS_TIGHT.test(piece[0]))) out += ' ';
      out += piece;
    }
    return out;
  }
}
