// A tiny WordprocessingML writer for tests: turns one of our text reports into a .docx the way a
// drafter's Word file looks — numbered headings whose numeral comes from numbering.xml (w:numPr),
// tables whose group labels are vertically merged (w:vMerge), labels spanning the empty label
// columns beside them (w:gridSpan), an empty leading cell written as w:gridBefore. It also says
// where it put each table cell, so tests know the origin a finding must map to without asking the
// adapter.

import { strToU8, zipSync } from 'fflate';

export interface CellPlace {
  table: number;
  row: number;
  /** 1-based grid column (merged cells expanded). */
  cell: number;
}

export interface WrittenDocx {
  bytes: Uint8Array;
  /** For each line of the text that became a table row: the grid column of each of its tab cells. */
  cellPlaces: Map<number, CellPlace[]>;
  /** For each line that became a body paragraph: its 1-based paragraph number. */
  paragraphOf: Map<number, number>;
  /** word/document.xml as written (to assert which constructs a fixture really uses). */
  documentXml: string;
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const run = (text: string): string => (text ? `<w:r><w:t xml:space="preserve">${escape(text)}</w:t></w:r>` : '');
/** Tables in a smaller type (9 pt), as reports print them. */
const cellRun = (text: string): string => (text ? `<w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve">${escape(text)}</w:t></w:r>` : '');
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const isNumber = (s: string): boolean => /^\s*[0-9０-９][0-9０-９,.，]*\s*$/.test(s);

interface Options {
  /** Write 「一、」 and 「（一）」 headings as Word numbering instead of literal text (default true). */
  numberedHeadings?: boolean;
  /** Extra XML appended to the body before sectPr (a text box, a deleted revision …). */
  extraBody?: string;
}

export function writeDocx(text: string, options: Options = {}): WrittenDocx {
  const numbered = options.numberedHeadings ?? true;
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const body: string[] = [];
  const cellPlaces = new Map<number, CellPlace[]>();
  const paragraphOf = new Map<number, number>();
  let paragraphs = 0;
  let tables = 0;
  // Word's counters: level 0 (一、) and level 1 (（一）), the latter restarting under each heading.
  let level0 = 0;
  let level1 = 0;

  for (let i = 0; i < lines.length; ) {
    if (lines[i].includes('\t')) {
      let j = i;
      while (j < lines.length && lines[j].includes('\t')) j++;
      tables++;
      body.push(table(lines.slice(i, j), tables, i, cellPlaces));
      i = j;
      continue;
    }
    const line = lines[i];
    paragraphOf.set(i, ++paragraphs);
    const top = /^([一二三四五六七八九十])、(.*)$/.exec(line);
    const sub = /^（([一二三四五六七八九十])）(.*)$/.exec(line);
    if (numbered && top && top[1] === NUMERALS[level0]) {
      level0++;
      level1 = 0;
      body.push(`<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>${run(top[2])}</w:p>`);
    } else if (numbered && sub && level0 > 0 && sub[1] === NUMERALS[level1]) {
      level1++;
      body.push(`<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr>${run(sub[2])}</w:p>`);
    } else {
      body.push(`<w:p>${run(line)}</w:p>`);
    }
    i++;
  }

  const document =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<w:document xmlns:w="${W}"><w:body>${body.join('')}${options.extraBody ?? ''}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1150" w:bottom="1440" w:left="1150" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr></w:body></w:document>`;
  const numbering =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="${W}">` +
    `<w:abstractNum w:abstractNumId="0">` +
    `<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>` +
    `<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>` +
    `</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
  const files = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
        `<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>` +
        `</Types>`,
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
        `</Relationships>`,
    ),
    'word/_rels/document.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>` +
        `</Relationships>`,
    ),
    'word/document.xml': strToU8(document),
    'word/numbering.xml': strToU8(numbering),
  };
  return { bytes: zipSync(files), cellPlaces, paragraphOf, documentXml: document };
}

/** A placed cell of the grid being written: where it starts and how many columns it spans. */
interface Placed {
  start: number;
  span: number;
  /** Non-empty, or a vertical merge continuing one. */
  merges: boolean;
}

function table(rows: string[], tableNumber: number, firstLine: number, cellPlaces: Map<number, CellPlace[]>): string {
  const cells = rows.map((r) => r.split('\t'));
  const width = Math.max(...cells.map((c) => c.length));
  // A column that holds a number in some row is a data column: an empty cell there is an empty
  // value, never part of a merged label.
  const dataColumn = Array.from({ length: width }, (_, c) => cells.some((row) => isNumber(row[c] ?? '')));
  // Column widths as a drafter sets them: a label column as wide as its longest label (within
  // reason), a number column narrow; the table fits an A4 page (9600 twips between margins).
  const longest = Array.from({ length: width }, (_, c) => Math.max(1, ...cells.map((row) => (isNumber(row[c] ?? '') ? 2 : (row[c] ?? '').length))));
  const wanted = longest.map((n, c) => (dataColumn[c] ? Math.max(560, Math.min(n, 4) * 180) : Math.min(3000, n * 190 + 120)));
  // Number columns keep their width; label columns share what is left.
  const numbers = wanted.reduce((a, w, c) => a + (dataColumn[c] ? w : 0), 0);
  const labels = wanted.reduce((a, w, c) => a + (dataColumn[c] ? 0 : w), 0);
  const scale = labels ? Math.min(1, Math.max(0.2, (9600 - numbers) / labels)) : 1;
  const gridCols = wanted.map((w, c) => `<w:gridCol w:w="${Math.round(dataColumn[c] ? w : w * scale)}"/>`).join('');
  let above: Placed[] = [];
  const xmlRows: string[] = [];
  cells.forEach((row, r) => {
    const placed: Placed[] = [];
    const places: CellPlace[] = [];
    const tcs: string[] = [];
    let gridBefore = 0;
    let c = 0;
    let leading = true;
    while (c < row.length) {
      const value = row[c];
      const anchor = above.find((p) => p.start === c && p.merges);
      if (value === '' && leading && anchor) {
        // Under a label (or a merge continuing one): continue the vertical merge, same width.
        // Mark the cell above as the merge's start if it was not already.
        const span = Math.min(anchor.span, row.length - c);
        tcs.push(`<w:tc><w:tcPr>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}<w:vMerge/></w:tcPr><w:p/></w:tc>`);
        for (let k = 0; k < span; k++) places.push({ table: tableNumber, row: r + 1, cell: c + 1 + k });
        placed.push({ start: c, span, merges: true });
        c += span;
        continue;
      }
      if (value === '' && leading && r > 0 && tcs.length === 0 && gridBefore === c) {
        // A leading empty cell with nothing to merge with: skipped grid columns (w:gridBefore).
        gridBefore++;
        places.push({ table: tableNumber, row: r + 1, cell: c + 1 });
        c++;
        continue;
      }
      leading = false;
      let span = 1;
      if (value !== '' && !isNumber(value)) {
        while (c + span < row.length && row[c + span] === '' && !dataColumn[c + span]) span++;
      }
      const restart = cells[r + 1] && cells[r + 1][c] === '' && value !== '' ? '<w:vMerge w:val="restart"/>' : '';
      tcs.push(`<w:tc><w:tcPr>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${restart}</w:tcPr><w:p>${cellRun(value)}</w:p></w:tc>`);
      for (let k = 0; k < span; k++) places.push({ table: tableNumber, row: r + 1, cell: c + 1 + k });
      placed.push({ start: c, span, merges: value !== '' });
      c += span;
    }
    cellPlaces.set(firstLine + r, places);
    const trPr = gridBefore ? `<w:trPr><w:gridBefore w:val="${gridBefore}"/></w:trPr>` : '';
    xmlRows.push(`<w:tr>${trPr}${tcs.join('')}</w:tr>`);
    above = placed;
  });
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((b) => `<w:${b} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`).join('');
  return `<w:tbl><w:tblPr><w:tblLayout w:type="fixed"/><w:tblBorders>${borders}</w:tblBorders></w:tblPr><w:tblGrid>${gridCols}</w:tblGrid>${xmlRows.join('')}</w:tbl>`;
}
