// Rule documentation pages, generated from the rule registry (never edited by hand).
//   node out/scripts/rule-docs.js          rewrite docs/rules/*.md
//   test/engine/docs.test.ts               fails when the committed pages are stale
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rules, type Rule } from '../server/src/engine';

const SEVERITY_ZH = { error: '错误', warning: '警告', information: '提示', hint: '弱提示' } as const;

/** "error" or, for a rule that picks a milder severity in some cases, "error / warning, by case" (「错误 / 警告，视情况」 in Chinese). */
export function severityLabel(rule: Rule, lang: 'zh' | 'en' = 'en'): string {
  const all = [rule.defaultSeverity, ...(rule.caseSeverities ?? [])];
  if (lang === 'zh') return all.length > 1 ? `${all.map((s) => SEVERITY_ZH[s]).join(' / ')}，视情况` : SEVERITY_ZH[rule.defaultSeverity];
  return all.length > 1 ? `${all.join(' / ')}, by case` : rule.defaultSeverity;
}

/** A rule's page in Chinese (docs/rules/<id>.md, the one editors and the CLI link to): every word a
 *  reader reads is Chinese; the id stands beside. The English page is docs/rules/en/<id>.md. */
export function rulePage(rule: Rule): string {
  const d = rule.doc;
  const lines = [
    `# ${d.summary.zh}`,
    '',
    `规则 \`${rule.id}\` · [English](en/${rule.id}.md)`,
    '',
    `| | |`,
    `|---|---|`,
    `| 默认级别 | ${SEVERITY_ZH[rule.defaultSeverity]} |`,
    ...(rule.caseSeverities?.length ? [`| 视情况 | ${rule.caseSeverities.map((s) => SEVERITY_ZH[s]).join('、')}（见说明） |`] : []),
    `| 可自动修复 | ${rule.fixable ? '是' : '否'} |`,
    `| 格式规范条目 | ${rule.spec.join('、') || '—'} |`,
    '',
    '## 说明',
    '',
    d.details.zh,
    '',
  ];
  for (const ex of d.examples ?? []) {
    lines.push('## 示例', '', '错误写法：', '', '```text', ex.bad, '```', '', '正确写法：', '', '```text', ex.good, '```', '');
  }
  lines.push(
    '## 设置',
    '',
    '关闭此规则（VS Code 设置）：',
    '',
    '```json',
    `"disclosureReport.rules": { "${rule.id}": "off" }`,
    '```',
    '',
    `命令行：\`disclosure-report check --rule ${rule.id}=off <文件>\``,
    '',
  );
  return lines.join('\n');
}

/** The same page in English (docs/rules/en/<id>.md). */
export function rulePageEn(rule: Rule): string {
  const d = rule.doc;
  const lines = [
    `# ${d.summary.en}`,
    '',
    `Rule \`${rule.id}\` · [中文](../${rule.id}.md)`,
    '',
    `| | |`,
    `|---|---|`,
    `| Default severity | ${rule.defaultSeverity} |`,
    ...(rule.caseSeverities?.length ? [`| By case | ${rule.caseSeverities.join(', ')} (see details) |`] : []),
    `| Fixable | ${rule.fixable ? 'yes' : 'no'} |`,
    `| Spec rules | ${rule.spec.join(', ') || '—'} |`,
    '',
    '## Details',
    '',
    d.details.en,
    '',
  ];
  for (const ex of d.examples ?? []) {
    lines.push('## Example', '', 'Wrong:', '', '```text', ex.bad, '```', '', 'Right:', '', '```text', ex.good, '```', '');
  }
  lines.push(
    '## Settings',
    '',
    '```json',
    `"disclosureReport.rules": { "${rule.id}": "off" }`,
    '```',
    '',
    `CLI: \`disclosure-report check --rule ${rule.id}=off <files>\``,
    '',
  );
  return lines.join('\n');
}

export function indexPage(): string {
  const rows = rules.map((r) => `| [${r.id}](${r.id}.md) | ${severityLabel(r, 'zh')} | ${r.fixable ? '✓' : ''} | ${r.doc.summary.zh} |`);
  return ['# 规则', '', '[English](en/README.md)', '', '| 规则 | 级别 | 可自动修复 | 检查内容 |', '|---|---|---|---|', ...rows, ''].join('\n');
}

export function indexPageEn(): string {
  const rows = rules.map((r) => `| [${r.id}](${r.id}.md) | ${severityLabel(r, 'en')} | ${r.fixable ? '✓' : ''} | ${r.doc.summary.en} |`);
  return ['# Rules', '', '[中文](../README.md)', '', '| id | severity | fix | checks |', '|---|---|---|---|', ...rows, ''].join('\n');
}

/** Every page, by its path under docs/rules/. */
export function renderAll(): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of rules) out.set(`${r.id}.md`, rulePage(r));
  out.set('README.md', indexPage());
  for (const r of rules) out.set(`en/${r.id}.md`, rulePageEn(r));
  out.set('en/README.md', indexPageEn());
  return out;
}

if (require.main === module) {
  const dir = path.resolve(__dirname, '..', '..', 'docs', 'rules');
  fs.mkdirSync(path.join(dir, 'en'), { recursive: true });
  for (const [name, content] of renderAll()) fs.writeFileSync(path.join(dir, name), content);
  console.log(`wrote ${renderAll().size} pages to ${dir}`);
}
