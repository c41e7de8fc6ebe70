// Whether a text is the letter that carried the report upward (报送函、请示) rather than the
// report, and the wording that says so; shared by cover-letter (which reports it) and
// missing-section (which stands down for a letter: it is no report missing its sections).
//
// A letter is addressed to a superior (「XX市人民政府办公室：」) and asks for a decision
// (「请审示」「妥否，请批示」); a report is published to the public and has the six sections and
// the three tables.
//
// 「特此报告」 alone decides nothing: real reports end with it (a habit from reports to
// superiors). It counts only when the text has neither a section nor a table.

import type { Report, Span } from '../model';
import { proseSpans } from './prose-util';
import { linesBeforeSections, matchesIn } from './util';

export type Signal = 'addressee' | 'request' | 'submission' | 'closing';

export interface Found extends Span {
  signal: Signal;
  text: string;
}

/** The part before 「：」 of an addressee line ends with a body's name. */
const ADDRESSEE = /^[^。,;!?:()《》"\s]{2,40}(?:人民政府|政府|办公室|办公厅|公开办|管理局|委员会|管委会|领导小组|局|厅|委|部|处|办)$/;
/** Lines ending in 「：」 that are not addressed to anyone. */
const NOT_ADDRESSEE = /^(?:附件|联系|电话|地址|邮编|网址|来源|发布|当前|您|主送|抄送|信息来源|发布机构)/;
/** Asking the superior to decide or read: a letter's closing. 「提请审议」 and the like are not. */
const REQUEST = /(?<![提申报呈送])请(?:予)?(?:审示|审阅|审定|审批|批示|核示|阅示|审核)|[妥当]否[, \t]*请(?:予)?(?:批示|审示|示|指示|审定)/g;
/** Submitting something upward. */
const SUBMISSION = /报送如下|请示如下|特此(?:函告|报送|请示|报批)/g;
/** The closing formula that real reports also use. */
const CLOSING = /特此报告/g;

/** The addressee line says most plainly whom the text is written to. */
export function rank(s: Found): number {
  return ['addressee', 'request', 'submission', 'closing'].indexOf(s.signal);
}

function findSignals(report: Report): Found[] {
  const out: Found[] = [];
  const addressee = addresseeLine(report);
  if (addressee) out.push(addressee);
  const { text } = report.source;
  for (const span of proseSpans(report)) {
    for (const [signal, re] of [['request', REQUEST], ['submission', SUBMISSION], ['closing', CLOSING]] as const) {
      for (const m of matchesIn(report, span, re)) out.push({ start: m.start, end: m.end, signal, text: text.slice(m.start, m.end) });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A short line 「…办公室：」 before the first section heading (or among the first lines). */
function addresseeLine(report: Report): Found | null {
  const { view, text } = report.source;
  for (const { start: s, end: e } of linesBeforeSections(report, 12)) {
    if (e - s < 3 || view[e - 1] !== ':') continue;
    const name = view.slice(s, e - 1).trim();
    if (NOT_ADDRESSEE.test(name)) continue;
    // Several addressees: 「市政府办公室、市政务公开办：」.
    if (name.split(/[、和]/).every((part) => ADDRESSEE.test(part))) return { start: s, end: e, signal: 'addressee', text: text.slice(s, e) };
  }
  return null;
}

export interface LetterVerdict {
  /** Every letter mark, in text order (「特此报告」 among them). */
  signals: Found[];
  /** Distinct template sections and tables found. */
  sections: number;
  tables: number;
  /** The text is a letter standing in for the report (not a report with letter wording left in). */
  isLetter: boolean;
}

const verdicts = new WeakMap<Report, LetterVerdict>();

/** The letter marks of a report and whether they make it a letter; computed once per Report. */
export function letterVerdict(report: Report): LetterVerdict {
  let v = verdicts.get(report);
  if (!v) {
    const signals = findSignals(report);
    const sections = new Set(report.sections.map((s) => s.number)).size;
    const tables = report.tables.length;
    const marks = signals.filter((s) => s.signal !== 'closing');
    const isLetter = signals.length > 0 && ((marks.length > 0 && sections < 4 && tables < 2) || (sections === 0 && tables === 0));
    v = { signals, sections, tables, isLetter };
    verdicts.set(report, v);
  }
  return v;
}
