// The forms a report arrives in, rendered at run time from a report in the tab layout (the team's
// own examples; seeds where they are in that layout). Tests and the benchmark read every form and
// compare the readings. Only tab-separated lines are treated as table rows.

const isRow = (line: string): boolean => line.includes('\t');

/** Tab rows → markdown pipe rows (a separator after the first row of each block); headings as ##. */
export function toMarkdown(text: string): string {
  const out: string[] = [];
  let inTable = false;
  for (const line of text.split('\n')) {
    if (isRow(line)) {
      out.push('| ' + line.split('\t').join(' | ') + ' |');
      if (!inTable) out.push('|' + line.split('\t').map(() => '---').join('|') + '|');
      inTable = true;
    } else {
      inTable = false;
      out.push(/^[一二三四五六]、/.test(line) ? '## ' + line : line);
    }
  }
  return out.join('\n');
}

/** Tab rows → space-aligned columns (each cell padded, two spaces between). */
export function toSpaces(text: string): string {
  return text
    .split('\n')
    .map((l) => (isRow(l) ? l.split('\t').map((c) => c.padEnd(Math.max(4, c.length + 2), ' ')).join('  ').trimEnd() : l))
    .join('\n');
}

/** One cell per line with blank lines between cells (a web page copied cell by cell). */
export function toCellPerLine(text: string): string {
  return text
    .split('\n')
    .flatMap((l) => (isRow(l) ? l.split('\t').filter((c) => c !== '').flatMap((c) => [c, '']) : [l]))
    .join('\n');
}

/**
 * The whole report on one line, as a crawler's text of a web page: line breaks gone, cells joined
 * by `cellSeparator` ('' = cells run together, as `textContent` of a table gives them).
 */
export function toOneLine(text: string, cellSeparator = ' '): string {
  return text
    .split(/\r?\n/)
    .map((l) => (isRow(l) ? l.split('\t').filter((c) => c !== '').join(cellSeparator) : l.trim()))
    .filter((l) => l !== '')
    .join('');
}

/** Tab rows whose 0 cells are left empty (an HTML table flattened one <tr> per line, &nbsp; cells). */
export function toTabEmpties(text: string): string {
  return text
    .split('\n')
    .map((l) => (isRow(l) ? l.split('\t').map((c) => (c.trim() === '0' ? '' : c)).join('\t') : l))
    .join('\n');
}

const FOOTER = '\f\n                                        -3-\n';

/**
 * The requests table as `pdftotext -layout` prints it: columns aligned with spaces, the vertical
 * group label 「三、本年度办理结果」 printed a few characters per line in the middle of its group,
 * a sub-group label such as 「（三）不予公开」 on a line of its own between its rows, a long label
 * wrapped over two lines with its numbers on the line after, and a page footer inside the table.
 * Other table lines are space-aligned as in toSpaces.
 */
export function toPdfLayout(text: string): string {
  const out: string[] = [];
  const pad = (s: string, n: number): string => s + ' '.repeat(Math.max(2, n - width(s)));
  const numbers = (cells: string[]): string => cells.map((c) => c.padStart(6)).join('');
  let resultRow = -1; // row index inside 三、本年度办理结果, -1 outside it
  let vertical: string[] = [];
  let requestRows = 0;
  for (const line of text.split('\n')) {
    const cells = line.split('\t').map((c) => c.trim());
    const isRequestRow =
      isRow(line) && cells.length >= 10 && cells.slice(-7).every((c) => /^\d+$/.test(c)) && cells.slice(0, -7).some((c) => /[\u4e00-\u9fff]/.test(c));
    if (!isRequestRow) {
      resultRow = -1;
      out.push(isRow(line) ? line.split('\t').map((c) => c.padEnd(Math.max(4, c.length + 2), ' ')).join('  ').trimEnd() : line);
      continue;
    }
    const labels = cells.slice(0, -7).filter((c) => c !== '');
    const label = labels[labels.length - 1];
    const group = cells[0].startsWith('三、') ? cells[0] : '';
    const subGroup = labels.length >= 2 && !group ? labels[0] : labels.length >= 3 ? labels[1] : '';
    if (group) {
      resultRow = 0;
      vertical = [group.slice(0, 4), group.slice(4, 7), group.slice(7)];
    } else if (cells[0] !== '') resultRow = -1;
    const left = resultRow >= 8 && vertical.length > 0 ? vertical.shift()! : '';
    if (width(label) > 30) {
      const cut = Math.ceil(label.length / 2);
      out.push(pad(left, 12) + label.slice(0, cut));
      out.push(pad('', 12) + label.slice(cut));
      out.push(pad('', 72) + numbers(cells.slice(-7)));
    } else out.push(pad(left, 12) + pad(label, 60) + numbers(cells.slice(-7)));
    // The sub-group's label, vertically centred in a PDF, lands between its first rows.
    if (subGroup) out.push(pad('', 12) + subGroup);
    if (resultRow >= 0) resultRow++;
    if (++requestRows === 12) out.push(FOOTER);
  }
  return out.join('\n');
}

/** Display width: CJK and full-width characters count two, as in a fixed-width PDF text dump. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return w;
}
