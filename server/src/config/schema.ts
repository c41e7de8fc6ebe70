// The sidecar config's shape, written once: the validator (parse.ts) checks it and the JSON schema
// VS Code validates the file with (schemas/disclosure-report.schema.json, scripts/gen-config-schema.ts)
// is generated from it and from the rule registry.

import { rules, type Localized } from '../engine';

/** The file names looked for, nearest folder first; in one folder the first one found wins. */
export const CONFIG_FILE_NAMES = ['.disclosure-report.json', '.disclosure-report.jsonc'] as const;

/** What `rules` accepts for a rule: a severity, or off. */
export const RULE_LEVELS = ['error', 'warning', 'information', 'hint', 'off'] as const;

/** Where the generated schema lives in the package (package.json contributes.jsonValidation points here). */
export const SCHEMA_PATH = 'schemas/disclosure-report.schema.json';

/** A fingerprint as fingerprint.ts writes it: 16 hex digits. */
export const FINGERPRINT_PATTERN = '^[0-9a-f]{16}$';

/** The descriptions of the config's fields, in both languages (the schema is English; messages are both). */
export const FIELDS = {
  $schema: { en: 'The JSON schema of this file (editors use it for completion and checks).', zh: '本文件的 JSON 架构（编辑器据此补全和检查）' },
  rules: {
    en: 'Severity per rule id (error, warning, information, hint) or off. Options given on the command line (--rule) take precedence.',
    zh: '各规则的级别（error、warning、information、hint）或 off（关闭）；命令行的 --rule 优先',
  },
  organs: {
    en: 'Names under which reports of one body are paired over the years: its name and the other names its titles use.',
    zh: '同一机关各年度报告的配对名称：机关名称及标题中使用的其他名称（简称、旧称）',
  },
  'organs.name': { en: 'The name reports of this body are paired under.', zh: '配对所用的机关名称' },
  'organs.aliases': { en: 'Other names its titles use (short forms, old names).', zh: '标题中使用的其他名称（简称、旧称）' },
  aggregates: {
    en: "A region's report checked against the sum of its member reports, cell by cell.",
    zh: '汇总报告与其下级报告之和逐格核对',
  },
  'aggregates.report': { en: "The region's report: a file (relative to this config) or an organ name.", zh: '汇总报告：文件（相对于本配置文件）或机关名称' },
  'aggregates.members': { en: 'Its member reports, the same way.', zh: '各下级报告，写法同上' },
  'aggregates.tolerance': { en: 'Allowed difference per cell (documented exclusions); 0 by default.', zh: '每格允许的差额（有说明的剔除项），默认 0' },
  ignore: {
    en: 'Findings accepted as they are, by fingerprint (the quick fix "Ignore in config" adds them). The report text is never changed.',
    zh: '按指纹忽略的问题（快速修复「在配置中忽略此项」会添加），报告正文不作任何改动',
  },
  'ignore.fingerprint': { en: 'What the finding found, hashed (rule, file, the text and cells it is about).', zh: '问题的指纹（规则、文件、所指文字和单元格的散列值）' },
  'ignore.rule': { en: 'The rule id of the finding.', zh: '问题的规则' },
  'ignore.file': { en: 'The report file, relative to this config.', zh: '报告文件，相对于本配置文件' },
  'ignore.reason': { en: 'Why it is ignored (for the reader of this file).', zh: '忽略的理由（供阅读本文件的人参考）' },
  repeatedTextThreshold: {
    en: "repeated-text: share of last year's prose (0 to 1) above which a report counts as copied; 0.5 by default.",
    zh: 'repeated-text：与上年报告文字相同的比例（0 到 1）超过此值即视为照搬，默认 0.5',
  },
} satisfies Record<string, Localized>;

const d = (key: keyof typeof FIELDS): string => FIELDS[key].en;

/** The JSON schema (draft-07, which VS Code's JSON support reads) of the sidecar config. */
export function configSchema(): Record<string, unknown> {
  const ruleProperties: Record<string, unknown> = {};
  for (const r of rules) {
    ruleProperties[r.id] = { enum: [...RULE_LEVELS], description: `${r.doc.summary.en} (default: ${r.defaultSeverity})` };
  }
  const names = { type: 'array', items: { type: 'string', minLength: 1 } };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'disclosure-report sidecar config (.disclosure-report.json)',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string', description: d('$schema') },
      rules: { type: 'object', description: d('rules'), properties: ruleProperties, additionalProperties: false },
      organs: {
        type: 'array',
        description: d('organs'),
        items: {
          type: 'object',
          required: ['name'],
          additionalProperties: false,
          properties: { name: { type: 'string', minLength: 1, description: d('organs.name') }, aliases: { ...names, description: d('organs.aliases') } },
        },
      },
      aggregates: {
        type: 'array',
        description: d('aggregates'),
        items: {
          type: 'object',
          required: ['report', 'members'],
          additionalProperties: false,
          properties: {
            report: { type: 'string', minLength: 1, description: d('aggregates.report') },
            members: { ...names, minItems: 1, description: d('aggregates.members') },
            tolerance: { type: 'number', minimum: 0, description: d('aggregates.tolerance') },
          },
        },
      },
      ignore: {
        type: 'array',
        description: d('ignore'),
        items: {
          type: 'object',
          required: ['fingerprint', 'rule', 'file'],
          additionalProperties: false,
          properties: {
            fingerprint: { type: 'string', pattern: FINGERPRINT_PATTERN, description: d('ignore.fingerprint') },
            rule: { type: 'string', enum: rules.map((r) => r.id), description: d('ignore.rule') },
            file: { type: 'string', minLength: 1, description: d('ignore.file') },
            reason: { type: 'string', description: d('ignore.reason') },
          },
        },
      },
      repeatedTextThreshold: { type: 'number', minimum: 0, maximum: 1, description: d('repeatedTextThreshold') },
    },
  };
}
