// The settings block of package.json (contributes.configuration) and the rule descriptions of
// package.nls.json / package.nls.zh-cn.json, generated from the rule registry (never edited by hand).
//   npx tsc -p . && node out/scripts/gen-manifest.js     rewrite them
//   test/engine/manifest.test.ts                         fails when they are stale
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rules, type Rule } from '../server/src/engine';

export const REGENERATE = 'npx tsc -p . && node out/scripts/gen-manifest.js';

/** The repository root: where package.json of this extension lives (works from scripts/ and out/scripts/). */
export function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'disclosure-report') return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error('package.json of disclosure-report not found above ' + __dirname);
    dir = up;
  }
}

export const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'] as const;
export const RULE_NLS_PREFIX = 'config.rules.';

/** contributes.configuration: every setting the server (and the client) reads, section disclosureReport. */
export function configurationContribution(): Record<string, unknown> {
  const severityEnumDescriptions = SEVERITIES.map((s) => `%config.severity.${s}%`);
  const ruleProperties: Record<string, unknown> = {};
  for (const r of rules) {
    ruleProperties[r.id] = {
      type: 'string',
      enum: [...SEVERITIES],
      enumDescriptions: severityEnumDescriptions,
      default: r.defaultSeverity,
      description: `%${RULE_NLS_PREFIX}${r.id}%`,
    };
  }
  return {
    title: '%config.title%',
    properties: {
      'disclosureReport.enable': {
        type: 'boolean',
        default: true,
        scope: 'resource',
        order: 0,
        description: '%config.enable%',
      },
      'disclosureReport.language': {
        type: 'string',
        enum: ['auto', 'zh', 'en'],
        enumDescriptions: ['%config.language.auto%', '%config.language.zh%', '%config.language.en%'],
        default: 'auto',
        scope: 'resource',
        order: 1,
        description: '%config.language%',
      },
      'disclosureReport.rules': {
        type: 'object',
        scope: 'resource',
        order: 2,
        markdownDescription: '%config.rules%',
        properties: ruleProperties,
        additionalProperties: false,
        // Empty: a value here is read by the server as the user's choice, which would override
        // the milder severity some findings ask for. Each property's own default documents it.
        default: {},
      },
      'disclosureReport.template.fill': {
        type: 'string',
        enum: ['blank', 'zero'],
        enumDescriptions: ['%config.template.fill.blank%', '%config.template.fill.zero%'],
        default: 'blank',
        scope: 'resource',
        order: 3,
        description: '%config.template.fill%',
      },
      'disclosureReport.template.layout': {
        type: 'string',
        enum: ['auto', 'tab', 'markdown'],
        enumDescriptions: ['%config.template.layout.auto%', '%config.template.layout.tab%', '%config.template.layout.markdown%'],
        default: 'auto',
        scope: 'resource',
        order: 4,
        description: '%config.template.layout%',
      },
      'disclosureReport.plaintext.detect': {
        type: 'boolean',
        default: true,
        scope: 'resource',
        order: 5,
        markdownDescription: '%config.plaintext.detect%',
      },
      'disclosureReport.workspaceCheck.include': {
        type: 'string',
        default: '**/*.{txt,md,html,htm,docx,pdf}',
        scope: 'window',
        order: 6,
        markdownDescription: '%config.workspaceCheck.include%',
      },
      'disclosureReport.workspaceCheck.exclude': {
        type: 'string',
        default: '**/{node_modules,.git,out,dist}/**',
        scope: 'window',
        order: 7,
        markdownDescription: '%config.workspaceCheck.exclude%',
      },
    },
  };
}

/** A rule's setting description: its one-line summary in that language (the other one, or nothing,
 *  while a rule is still undocumented) followed by its id. */
export function ruleDescription(rule: Rule, lang: 'en' | 'zh'): string {
  const summary = (rule.doc.summary[lang] || rule.doc.summary[lang === 'zh' ? 'en' : 'zh'] || '').trim();
  return summary ? `${summary} (${rule.id})` : rule.id;
}

/** The generated nls entries: one description per rule, from its doc summary. */
export function ruleNls(lang: 'en' | 'zh'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of rules) out[RULE_NLS_PREFIX + r.id] = ruleDescription(r, lang);
  return out;
}

/** An nls file with its rule entries replaced by the generated ones (other keys kept, in order). */
export function withRuleNls(current: Record<string, string>, lang: 'en' | 'zh'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(current)) if (!k.startsWith(RULE_NLS_PREFIX)) out[k] = v;
  return { ...out, ...ruleNls(lang) };
}

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/** What the three generated files should contain, given their current text. */
export function expectedFiles(root: string): Map<string, string> {
  const read = (name: string) => JSON.parse(fs.readFileSync(path.join(root, name), 'utf8'));
  const pkg = read('package.json');
  pkg.contributes = { ...(pkg.contributes ?? {}), configuration: configurationContribution() };
  return new Map([
    ['package.json', json(pkg)],
    ['package.nls.json', json(withRuleNls(read('package.nls.json'), 'en'))],
    ['package.nls.zh-cn.json', json(withRuleNls(read('package.nls.zh-cn.json'), 'zh'))],
  ]);
}

if (require.main === module) {
  const root = repoRoot();
  for (const [name, content] of expectedFiles(root)) {
    const file = path.join(root, name);
    if (fs.readFileSync(file, 'utf8') !== content) {
      fs.writeFileSync(file, content);
      console.log(`updated ${name}`);
    }
  }
  console.log(`settings for ${rules.length} rules are in package.json`);
}
