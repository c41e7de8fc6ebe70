// Rule documentation pages, generated from the rule registry (never edited by hand).
//   node out/scripts/rule-docs.js          rewrite docs/rules/*.md
//   test/engine/docs.test.ts               fails when the committed pages are stale
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rules, type Rule } from '../server/src/engine';

const SEVERITY_ZH = { error: '错误', warning: '警告', information: '提示', hint: '提示（弱）' } as const;

/** "error" or, for a rule that picks a milder severity in some cases, "error / warning, by case". */
export function severityLabel(rule: Rule): string {
  const all = [rule.defaultSeverity, ...(rule.caseSeverities ?? [])];
  return all.length > 1 ? `${all.join(' / ')}, by case` : rule.defaultSeverity;
}

export function rulePage(rule: Rule): string {
  const d = rule.doc;
  const lines = [
    `# ${rule.id}`,
    '',
    `> ${d.summary.zh}`,
    `>`,
    `> ${d.summary.en}`,
    '',
    `| | |`,
    `|---|---|`,
    `| 默认级别 Default severity | ${SEVERITY_ZH[rule.defaultSeverity]} / ${rule.defaultSeverity} |`,
    ...(rule.caseSeverities?.length
      ? [`| 视情况 By case | ${rule.caseSeverities.map((s) => `${SEVERITY_ZH[s]} / ${s}`).join('，')}（见说明 see details） |`]
      : []),
    `| 可自动修复 Fixable | ${rule.fixable ? '是 / yes' : '否 / no'} |`,
    `| 规范条目 Spec rules | ${rule.spec.join(', ') || '—'} |`,
    '',
    '## 说明',
    '',
    d.details.zh,
    '',
    '## Details',
    '',
    d.details.en,
    '',
  ];
  for (const ex of d.examples ?? []) {
    lines.push('## 示例 Example', '', '错误 Wrong:', '', '```text', ex.bad, '```', '', '正确 Right:', '', '```text', ex.good, '```', '');
  }
  lines.push(
    '## 设置 Settings',
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
  const rows = rules.map((r) => `| [${r.id}](${r.id}.md) | ${severityLabel(r)} | ${r.fixable ? '✓' : ''} | ${r.doc.summary.zh} |`);
  return ['# 规则 Rules', '', '| id | severity | fix | 检查内容 |', '|---|---|---|---|', ...rows, ''].join('\n');
}

export function renderAll(): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of rules) out.set(`${r.id}.md`, rulePage(r));
  out.set('README.md', indexPage());
  return out;
}

if (require.main === module) {
  const dir = path.resolve(__dirname, '..', '..', 'docs', 'rules');
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, content] of renderAll()) fs.writeFileSync(path.join(dir, name), content);
  console.log(`wrote ${rules.length + 1} pages to ${dir}`);
}
