// A report in the tab layout (the team's own examples) rendered at run time as the web page a
// government portal publishes: a CMS page (navigation, breadcrumbs, visit counter, share buttons,
// related links, footer, scripts) around one content element; headings as styled <p> split over
// <span>s with &nbsp; padding; the tables as real <table> markup whose group labels are merged
// cells (rowspan/colspan inferred from the empty slots of the tab rows, as Word exports them),
// every value wrapped in <p><span> as Word-to-HTML converters write it.

export interface HtmlPageOptions {
  /** Leave 0 cells empty (&nbsp;), as many pages do. */
  emptyZeros?: boolean;
  /** Put the title in the page's <title> only (no title element before the content). */
  titleInHeadOnly?: boolean;
  /** Tables with the least markup HTML allows: no end tags, no <p>/<span> inside cells. */
  minimal?: boolean;
  /** Line break of the HTML source. */
  eol?: '\n' | '\r\n';
}

const isRow = (line: string): boolean => line.includes('\t');
const isItemLine = (line: string): boolean => /^第二十条第（[一二三四五六七八九十]+）项$/.test(line.trim());
const isNumber = (s: string): boolean => /^\d+(\.\d+)?$/.test(s.trim());

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/“/g, '&ldquo;').replace(/”/g, '&rdquo;');
}

const SPAN = '<span style="font-family: 仿宋_GB2312; font-size: 16pt">';

/** A heading as a CMS writes it: a styled <p>, its number and its words in separate spans, &nbsp; indent. */
function heading(line: string): string {
  const m = /^((?:[一二三四五六七八九十]+、)|(?:（[一二三四五六七八九十]+）))(.*)$/.exec(line.trim())!;
  return (
    `<p style="text-indent: 2em; text-align: justify"><span style="white-space:pre">&nbsp;&nbsp;</span>` +
    `<strong><span style="font-family: 黑体">${escapeHtml(m[1])}</span><span style="font-family: 黑体">${escapeHtml(m[2])}</span></strong></p>`
  );
}

function paragraph(line: string): string {
  return `<p style="text-indent: 2em"><span style="font-size: 16px">${escapeHtml(line.trim())}</span></p>`;
}

interface GridCell {
  text: string;
  row: number;
  col: number;
  colspan: number;
  rowspan: number;
}

const isLabel = (cell: GridCell | undefined): cell is GridCell => !!cell && cell.text !== '' && !isNumber(cell.text);

/**
 * Tab rows → merged cells, the way the tab copy of a Word table shows them:
 * - an empty slot before a row's first cell, under a label that starts in that column, is
 *   covered by that label (rowspan: 「三、本年度办理结果」 over its rows, 「（三）不予公开」 over 1–8);
 * - an empty slot right after a label, before the row's last cell, widens the label (colspan:
 *   「一、本年新收…」 over the three label columns);
 * - after the row's last cell: covered by a label above that starts there (「总计」), else it
 *   widens the last cell (「行政诉讼」 over ten columns, 「第二十条第（一）项」 over the table);
 * - any other empty slot is an empty cell.
 */
function grid(rows: string[][]): GridCell[][] {
  const width = Math.max(...rows.map((r) => r.length));
  const out: GridCell[][] = rows.map(() => []);
  const owner: (GridCell | undefined)[][] = rows.map(() => new Array<GridCell | undefined>(width));
  rows.forEach((row, r) => {
    const texts = Array.from({ length: width }, (_, c) => (row[c] ?? '').trim());
    const first = texts.findIndex((t) => t !== '');
    let last = width - 1;
    while (last >= 0 && texts[last] === '') last--;
    let previous: GridCell | null = null;
    for (let c = 0; c < width; c++) {
      if (owner[r][c]) continue;
      const text = texts[c];
      const above = r > 0 ? owner[r - 1][c] : undefined;
      if (text === '' && (c < first || c > last) && isLabel(above) && above.col === c) {
        above.rowspan = r - above.row + 1;
        for (let k = c; k < c + above.colspan; k++) owner[r][k] = above;
        previous = null;
        continue;
      }
      if (text === '' && previous && ((c <= last && isLabel(previous)) || c > last)) {
        previous.colspan++;
        owner[r][c] = previous;
        continue;
      }
      const cell: GridCell = { text, row: r, col: c, colspan: 1, rowspan: 1 };
      owner[r][c] = cell;
      out[r].push(cell);
      previous = text === '' ? null : cell;
    }
  });
  return out;
}

function table(lines: string[], options: HtmlPageOptions): string {
  const rows = lines.map((l) => (isItemLine(l) ? [l.trim()] : l.split('\t')));
  if (options.minimal) {
    const rowsHtml = grid(rows).map(
      (row) =>
        '<tr>' +
        row
          .map((cell) => `<td${cell.colspan > 1 ? ` colspan=${cell.colspan}` : ''}${cell.rowspan > 1 ? ` rowspan=${cell.rowspan}` : ''}>${escapeHtml(options.emptyZeros && cell.text === '0' ? '' : cell.text)}`)
          .join(''),
    );
    return `<table border=1>\n${rowsHtml.join('\n')}\n</table>`;
  }
  const body = grid(rows)
    .map((row) => {
      const tds = row.map((cell) => {
        const attrs =
          (cell.colspan > 1 ? ` colspan="${cell.colspan}"` : '') +
          (cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : '') +
          ' style="border: 1pt solid windowtext; padding: 0pt 5.4pt"';
        const text = options.emptyZeros && cell.text === '0' ? '' : cell.text;
        const inner = text === '' ? '&nbsp;' : labelHtml(text);
        return `<td${attrs}><p class="MsoNormal" style="text-align: center">${SPAN}${inner}</span></p></td>`;
      });
      return `<tr>${tds.join('')}</tr>`;
    })
    .join('\n');
  return `<table class="MsoNormalTable" border="1" cellspacing="0" style="border-collapse: collapse">\n<tbody>\n${body}\n</tbody></table>`;
}

/** A label as converters split it: two spans with &nbsp; between for long labels, <br> in short header words. */
function labelHtml(text: string): string {
  if (isNumber(text)) return escapeHtml(text);
  if (/^[一二三四]、/.test(text) && text.length > 8) {
    const cut = 6;
    return `${escapeHtml(text.slice(0, cut))}</span>&nbsp;${SPAN}${escapeHtml(text.slice(cut))}`;
  }
  if (text.length === 4 && /^[\u4e00-\u9fff]{4}$/.test(text)) return `${escapeHtml(text.slice(0, 2))}<br>${escapeHtml(text.slice(2))}`;
  return escapeHtml(text);
}

const CHROME_TOP = `<div class="header"><div class="logo"><img src="/images/logo.png" alt="某某市人民政府"></div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/bsfw/">办事服务</a></li></ul>
<form class="search"><input type="text" name="q" placeholder="请输入关键词"><button type="submit">搜索</button></form></div>
<div class="breadcrumb"><span>当前位置：</span><a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="../">政府信息公开年报</a></div>`;

const CHROME_BOTTOM = `<div class="share">分享到：<a href="javascript:void(0)">微信</a> <a href="javascript:void(0)">微博</a></div>
<div class="related"><div class="title_name">相关文章</div><ul>
<li><a href="/t2023.htm">某某市示例局2023年政府信息公开工作年度报告</a><span>2024-01-30</span></li>
<li><a href="/t2022.htm">某某市示例局2022年政府信息公开工作年度报告</a><span>2023-01-31</span></li></ul></div>
<div class="footer"><p>主办：某某市人民政府办公室　承办：某某市大数据中心</p><p>网站标识码：5101000001　备案号：蜀ICP备12345678号-1</p>
<p>访问量：<span id="count">1234567</span>　联系电话：028-12345678</p></div>
<script type="text/javascript">var _hmt = _hmt || []; document.write("<p>一、总体情况 12 3 0 0 1 0 16</p>");</script>`;

/** The page. The first lines up to the first blank line are the title (organ and title). */
export function toHtmlPage(text: string, options: HtmlPageOptions = {}): string {
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
  const blank = lines.findIndex((l) => l.trim() === '');
  const titleLines = lines.slice(0, blank < 0 ? 1 : blank).filter((l) => l.trim() !== '');
  const title = titleLines.join('');
  const body: string[] = [];
  for (let i = blank < 0 ? 1 : blank; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    if (isRow(line) || isItemLine(line)) {
      const block: string[] = [];
      while (i < lines.length && (isRow(lines[i]) || isItemLine(lines[i]))) block.push(lines[i++]);
      i--;
      body.push(table(block, options));
    } else if (/^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/.test(line.trim()) && line.trim().length <= 40) {
      body.push(heading(line));
    } else {
      body.push(paragraph(line));
    }
  }
  const eol = options.eol ?? '\n';
  const page = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>${escapeHtml(title)}_政府信息公开年报_某某市人民政府</title>
<style type="text/css">.TRS_Editor P { line-height: 2; } td { font-size: 12pt; }</style>
<script src="/js/jquery.min.js"></script>
</head>
<body>
${CHROME_TOP}
<div class="article">
${options.titleInHeadOnly ? '' : `<div class="article_title"><h1>${escapeHtml(title)}</h1></div>`}
<div class="article_info"><span>来源：某某市示例局</span> <span>发布时间：2025-01-20</span> <span>浏览次数：<em>321</em></span></div>
<div class="TRS_Editor">
${body.join('\n')}
</div>
${CHROME_BOTTOM}
</div>
</body>
</html>
`;
  return eol === '\n' ? page : page.replace(/\n/g, eol);
}
