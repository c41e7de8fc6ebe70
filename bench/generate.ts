// Generated reports for the benchmark: a real report's skeleton (examples/clean-2024.txt, our own
// writing) grown to a target size with long prose sections and an appendix of many tables' worth
// of tab-separated rows. Deterministic (seeded PRNG), so every run measures the same text.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rng } from '../test/support/random';

const TOPICS = ['政策解读', '行政许可', '行政处罚', '财政预决算', '重大建设项目', '公共资源配置', '社会救助', '义务教育', '医疗卫生', '生态环境', '食品药品监管', '安全生产'];
const ACTS = ['严格落实', '持续完善', '稳步推进', '全面梳理', '认真开展', '着力加强', '及时更新'];
const MEANS = ['门户网站', '政务新媒体', '政务服务中心', '新闻发布会', '政府公报', '公开查阅点'];

/** One paragraph of plausible report prose with numbers, enumerations and 其中 sums that add up. */
function paragraph(r: () => number, year: number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const a = 1 + Math.floor(r() * 90);
  const b = 1 + Math.floor(r() * 90);
  const c = 1 + Math.floor(r() * 40);
  const parts = [
    `${year}年，本机关${pick(ACTS)}${pick(TOPICS)}信息公开工作，通过${pick(MEANS)}发布相关信息${a + b + c}条，其中${pick(TOPICS)}${a}条、${pick(TOPICS)}${b}条、其他信息${c}条。`,
    `一是${pick(ACTS)}${pick(TOPICS)}领域的公开目录，逐项明确公开主体、公开时限和公开方式；二是依托${pick(MEANS)}集中展示${pick(TOPICS)}相关内容，方便群众查询；三是组织开展专题培训${1 + Math.floor(r() * 9)}次，参训人员${10 + Math.floor(r() * 300)}人次。`,
    `围绕${pick(TOPICS)}和${pick(TOPICS)}，${pick(ACTS)}政策文件的起草、审核和发布流程，做到应公开尽公开，全年未发生因公开不当引发的舆情事件。`,
  ];
  return parts.join('');
}

/** Rows of an appendix table: template-like labels with random numbers, tab separated. */
function appendixRows(r: () => number, n: number): string[] {
  const rows: string[] = [];
  for (let i = 0; i < n; i++) {
    const cells = Array.from({ length: 7 }, () => String(Math.floor(r() * 50)));
    rows.push(`${TOPICS[i % TOPICS.length]}（${1 + (i % 30)}）\t${cells.join('\t')}`);
  }
  return rows;
}

/** UTF-8 bytes of a string (what "10 KB" means in the benchmark). */
export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * A report of about `targetBytes` UTF-8 bytes: the clean example with its sections 一 and 五 grown
 * by prose (about two thirds of the growth) and section 六 grown by an appendix of table rows
 * (the other third). The template tables stay as they are, so the report stays a valid report.
 */
export function generateReport(repoRoot: string, targetBytes: number, seed = 1, kind: 'mixed' | 'prose' = 'mixed'): string {
  const base = fs.readFileSync(path.join(repoRoot, 'examples', 'clean-2024.txt'), 'utf8');
  const r = rng(seed);
  const baseBytes = utf8Bytes(base);
  const grow = Math.max(0, targetBytes - baseBytes);
  const prose1: string[] = [];
  const prose5: string[] = [];
  const rows: string[] = [];
  let added = 0;
  // Fill in rounds so the three kinds of growth stay in proportion at every size.
  while (added < grow) {
    const p = paragraph(r, 2024);
    const bytes = utf8Bytes(p) + 2;
    if (added + bytes > grow) break;
    (r() < 0.7 ? prose1 : prose5).push(p);
    added += bytes;
    if (kind === 'mixed' && added < grow) {
      const rs = appendixRows(r, 4);
      const rb = rs.reduce((s, x) => s + utf8Bytes(x) + 1, 0);
      if (added + rb > grow) break;
      rows.push(...rs);
      added += rb;
    }
  }
  const insertAfter = (text: string, marker: string, extra: string): string => {
    const i = text.indexOf(marker);
    if (i < 0) throw new Error(`bench generator: marker not found: ${marker}`);
    const eol = text.indexOf('\n', i);
    return text.slice(0, eol + 1) + extra + text.slice(eol + 1);
  };
  let out = base;
  if (prose1.length) out = insertAfter(out, '（五）监督保障', `\n${prose1.join('\n\n')}\n`);
  if (prose5.length) out = insertAfter(out, '五、存在的主要问题及改进情况', `\n${prose5.join('\n\n')}\n`);
  if (rows.length) {
    out = insertAfter(
      out,
      '六、其他需要报告的事项',
      `\n附表：各领域信息公开情况统计\n领域\t第一季度\t第二季度\t第三季度\t第四季度\t网站\t新媒体\t其他\n${rows.join('\n')}\n`,
    );
  }
  return out;
}

/** A report of about `targetBytes` whose growth is all prose (sections 一 and 五): no extra tables. */
export function generateProse(repoRoot: string, targetBytes: number, seed = 1): string {
  return generateReport(repoRoot, targetBytes, seed, 'prose');
}

/**
 * Whole reports one after another (`reports` in turn, a blank line between) until about
 * `targetBytes`: a file of many reports, each with its three tables and its own prose.
 */
export function concatenatedReports(reports: string[], targetBytes: number): string {
  if (reports.length === 0) throw new Error('bench generator: no reports to concatenate');
  const parts: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < targetBytes; i++) {
    const r = reports[i % reports.length];
    const b = utf8Bytes(r) + 2;
    if (bytes > 0 && bytes + b > targetBytes) break;
    parts.push(r);
    bytes += b;
  }
  return parts.join('\n\n');
}
