// The body a report is about, from its title, and the key that pairs its reports over the years.

export interface Organ {
  /** The name as written in the title. */
  name: string;
  /** Normalised: no spaces or punctuation, no 「关于…的」 wrapper. Same body → same key. */
  key: string;
}

const YEAR_AND_AFTER = /[（(]?\s*\d{4}\s*年.*$/;
const WRAPPER = /^关于/;

/** The organ named before the year in a title (「某市工业和信息化局2023年政府信息公开工作年度报告」). */
export function organOf(title: string): Organ | null {
  const name = title.replace(YEAR_AND_AFTER, '').replace(WRAPPER, '').trim();
  if (name.length === 0) return null;
  return { name, key: organKey(name) };
}

export function organKey(name: string): string {
  return name.replace(/[\s\u3000\p{P}]/gu, '');
}
