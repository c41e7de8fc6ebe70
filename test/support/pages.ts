// Web pages the tests write from the team's own text reports (never from the seeds' text).

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A web page of a text report as a CMS publishes it: chrome around, the body in one element, tab rows as <table>. */
export function htmlPageOf(text: string, title: string): string {
  const out: string[] = [
    '<!DOCTYPE html>',
    '<html><head><meta charset="utf-8">',
    `<title>${escape(title)}</title></head>`,
    '<body><div class="nav"><a href="/">首页</a> &gt; <a href="/xxgk">政府信息公开</a></div>',
    '<div class="TRS_Editor">',
  ];
  let inTable = false;
  for (const line of text.split(/\r?\n/)) {
    if (line.includes('\t')) {
      if (!inTable) out.push('<table border="1">');
      inTable = true;
      out.push(`<tr>${line.split('\t').map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`);
      continue;
    }
    if (inTable) out.push('</table>');
    inTable = false;
    out.push(line.trim() === '' ? '<p>&nbsp;</p>' : `<p style="text-indent:2em">${escape(line)}</p>`);
  }
  if (inTable) out.push('</table>');
  out.push('</div><div class="footer">主办单位：某某市人民政府办公室　访问量：12345</div></body></html>', '');
  return out.join('\n');
}
