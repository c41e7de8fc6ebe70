// The body a report is about, from its title, and the key that pairs its reports over the years.
//
// Titles name the body in many ways: 「吴忠市工业和信息化局 / 2023 年政府信息公开工作年度报告」
// (split over two lines), 「北关区工信局 2023 年…」, 「2023年某局政府信息公开工作年度报告」 (the
// year first), 「关于某局2023年度政府信息公开工作年度报告的公告」, 「中共某县委宣传部2022年…」.
// organOf finds the name; organKey turns it into a key that is the same for the same body: width
// folded (NFKC, on the key only, never on the text), no spaces or punctuation, no 「中共」 prefix,
// and every known short form replaced by its full name (organ-names.ts).

import type { OrganAlias } from './config';
import { ORGAN_NAMES } from './organ-names';

export interface Organ {
  /** The name as written in the title (spaces around it trimmed). */
  name: string;
  /** Normalised: same body → same key. */
  key: string;
}

/** 「2023年」「2023 年度」「（2023年度）」「2023年（度）」. */
const YEAR = /[（(]?\s*[0-9０-９]{4}\s*年\s*(?:度|[（(]\s*度\s*[）)])?\s*[）)]?/;
/** Where the report's own name starts: the body's name stands before it. */
const REPORT_WORDS = /政府信息公开|政务公开|信息公开/;
/** A publishing wrapper around the title: 「关于（印发|发布|公布）…的（通知|公告）」. */
const WRAPPER_START = /^\s*关于\s*(?:印发|发布|公布|公开)?\s*/;
/** 「某局关于2023年…」: the organ, then the wrapper. */
const WRAPPER_AFTER_ORGAN = /\s*关于\s*(?:印发|发布|公布|公开)?\s*$/;
/** 《…》 or 「…」 around a title quoted in a sentence. */
const QUOTES = /^[《「『“"]+|[》」』”"]+$/g;

/** The organ a title names, or null when it names none. */
export function organOf(title: string): Organ | null {
  const t = title.replace(/[\r\n]+/g, '').replace(QUOTES, '').replace(WRAPPER_START, '');
  const year = YEAR.exec(t);
  let name: string;
  if (year && year.index > 0) {
    // 「某局2023年…」: the name before the year.
    name = t.slice(0, year.index);
  } else {
    // 「2023年某局政府信息公开…」 or no year: the name before the report's words.
    const rest = year ? t.slice(year.index + year[0].length) : t;
    const words = REPORT_WORDS.exec(rest);
    name = words ? rest.slice(0, words.index) : '';
  }
  // 「某局政府信息公开工作年度报告（2023年）」: the year came after the report's words.
  const words = /年度报告|年报/.test(name) ? REPORT_WORDS.exec(name) : null;
  if (words) name = name.slice(0, words.index);
  name = name.replace(WRAPPER_AFTER_ORGAN, '').replace(/[\s\u3000]+$/u, '').replace(/^[\s\u3000]+/u, '');
  // A name is words: a title that starts with its year and has nothing before 政府信息公开 names no body.
  const key = organKey(name);
  if (key.length < 2) return null;
  return { name, key };
}

/** Longest form first, so 「政府办公室」 is read before 「政府」. */
const FORMS: { form: string; full: string }[] = ORGAN_NAMES.flatMap((o) => [o.full, ...o.forms].map((form) => ({ form, full: o.full })))
  .sort((a, b) => b.form.length - a.form.length || (a.form < b.form ? -1 : 1));
const FORM_RE = new RegExp(FORMS.map((f) => f.form).join('|'), 'g');
const FULL_OF = new Map(FORMS.map((f) => [f.form, f.full]));

/** The pairing key of an organ name: width-folded, no spaces/punctuation, no 中共 prefix, full names. */
export function organKey(name: string): string {
  const plain = name.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '').replace(/^(?:中国共产党|中共)/, '');
  return plain.replace(FORM_RE, (form) => FULL_OF.get(form) ?? form);
}

/** Config aliases as a lookup: the key of every name and alias → the key of its `name`. */
export function aliasKeys(organs: readonly OrganAlias[] | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const o of organs ?? []) {
    if (!o || typeof o.name !== 'string') continue;
    const target = organKey(o.name);
    if (!target) continue;
    out.set(target, target);
    for (const a of Array.isArray(o.aliases) ? o.aliases : []) {
      if (typeof a === 'string' && organKey(a)) out.set(organKey(a), target);
    }
  }
  return out;
}
