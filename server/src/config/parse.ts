// Reading a sidecar config's text: JSON with comments and trailing commas (jsonc-parser), then
// checked field by field against schema.ts. Every problem names its place (line and column of the
// value that is wrong) and says what is wrong in both languages. Errors make the file unusable
// (the CLI stops with exit code 2); warnings (an unknown rule id) leave the rest of it in force.

import { type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { type DeskConfig, LineIndex, type Localized, ruleById, type RuleSettings, type Severity } from '../engine';
import { FINGERPRINT_PATTERN, RULE_LEVELS } from './schema';

export interface ConfigProblem {
  severity: 'error' | 'warning';
  /** 1-based line and UTF-16 column of the offending value (an editor's "go to"). */
  line: number;
  column: number;
  /** Offset and length in the config text (for an editor's squiggle). */
  offset: number;
  length: number;
  message: Localized;
}

export interface ParsedConfig {
  config: DeskConfig;
  problems: ConfigProblem[];
}

const SYNTAX: Record<string, Localized> = {
  InvalidSymbol: { zh: '无效的符号', en: 'invalid symbol' },
  InvalidNumberFormat: { zh: '数字格式不对', en: 'invalid number format' },
  PropertyNameExpected: { zh: '此处应为带引号的字段名', en: 'a quoted property name was expected' },
  ValueExpected: { zh: '此处应有一个值', en: 'a value was expected' },
  ColonExpected: { zh: '字段名后应有冒号', en: 'a colon was expected' },
  CommaExpected: { zh: '此处应有逗号', en: 'a comma was expected' },
  CloseBraceExpected: { zh: '缺少右花括号 }', en: 'a closing brace } was expected' },
  CloseBracketExpected: { zh: '缺少右方括号 ]', en: 'a closing bracket ] was expected' },
  EndOfFileExpected: { zh: '此处之后不应再有内容', en: 'the end of the file was expected' },
  InvalidCommentToken: { zh: '注释写法不对', en: 'invalid comment' },
  UnexpectedEndOfComment: { zh: '注释没有结束（缺少 */）', en: 'the comment is not closed (*/ missing)' },
  UnexpectedEndOfString: { zh: '字符串没有结束（缺少引号）', en: 'the string is not closed (quote missing)' },
  UnexpectedEndOfNumber: { zh: '数字不完整', en: 'the number is incomplete' },
  InvalidUnicode: { zh: '无效的 Unicode 转义', en: 'invalid unicode escape' },
  InvalidEscapeCharacter: { zh: '无效的转义字符', en: 'invalid escape character' },
  InvalidCharacter: { zh: '无效的字符', en: 'invalid character' },
};

const quote = JSON.stringify;
const TOP_LEVEL = ['$schema', 'rules', 'organs', 'aggregates', 'ignore', 'repeatedTextThreshold'];

/** Parse and check a config's text. Never throws; an unusable file gives errors and an empty config. */
export function parseConfig(text: string): ParsedConfig {
  const lines = new LineIndex(text);
  const problems: ConfigProblem[] = [];
  const report = (severity: ConfigProblem['severity'], offset: number, length: number, message: Localized): void => {
    const p = lines.positionAt(Math.min(offset, text.length));
    problems.push({ severity, line: p.line + 1, column: p.character + 1, offset, length, message });
  };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  for (const e of errors) report('error', e.offset, e.length, SYNTAX[printParseErrorCode(e.error)] ?? { zh: '语法错误', en: 'syntax error' });
  if (errors.length > 0) return { config: {}, problems };
  if (!root) return { config: {}, problems }; // an empty file: no settings, nothing wrong
  const v = new Validator(report);
  const config = v.root(root);
  return { config: problems.some((p) => p.severity === 'error') ? {} : config, problems };
}

type Report = (severity: ConfigProblem['severity'], offset: number, length: number, message: Localized) => void;

/** Walks the parse tree; each check reports on the node it looked at. */
class Validator {
  constructor(private readonly report: Report) {}

  private error(node: Node, message: Localized): void {
    this.report('error', node.offset, node.length, message);
  }

  /** `path` as the reader sees it: rules.row-total, ignore[2].file. */
  private expectType(node: Node, type: 'object' | 'array' | 'string' | 'number', path: string): boolean {
    if (node.type === type) return true;
    const names = { object: ['对象 {…}', 'an object {…}'], array: ['数组 […]', 'an array […]'], string: ['字符串', 'a string'], number: ['数字', 'a number'] };
    this.error(node, { zh: `${path} 应为${names[type][0]}，实为 ${shown(node)}`, en: `${path} must be ${names[type][1]}, got ${shown(node)}` });
    return false;
  }

  /** The properties of an object node, with unknown keys reported. */
  private properties(node: Node, path: string, known: readonly string[], required: readonly string[] = []): Map<string, Node> {
    const out = new Map<string, Node>();
    for (const prop of node.children ?? []) {
      const [keyNode, value] = prop.children ?? [];
      if (!keyNode || !value) continue;
      const key = String(keyNode.value);
      if (!known.includes(key)) {
        this.error(keyNode, {
          zh: `${path ? `${path} 中` : ''}未知字段 ${quote(key)}（可用：${known.join('、')}）`,
          en: `${path ? `${path}: ` : ''}unknown property ${quote(key)} (expected one of ${known.join(', ')})`,
        });
        continue;
      }
      out.set(key, value);
    }
    for (const r of required) {
      if (!out.has(r)) this.error(node, { zh: `${path} 缺少字段 ${quote(r)}`, en: `${path} lacks the property ${quote(r)}` });
    }
    return out;
  }

  private string(node: Node, path: string, nonEmpty = true): string | undefined {
    if (!this.expectType(node, 'string', path)) return undefined;
    const s = node.value as string;
    if (nonEmpty && s.trim() === '') {
      this.error(node, { zh: `${path} 不能为空`, en: `${path} must not be empty` });
      return undefined;
    }
    return s;
  }

  private strings(node: Node, path: string, minItems = 0): string[] {
    if (!this.expectType(node, 'array', path)) return [];
    const items = node.children ?? [];
    if (items.length < minItems) this.error(node, { zh: `${path} 至少应有 ${minItems} 项`, en: `${path} needs at least ${minItems} item${minItems === 1 ? '' : 's'}` });
    return items.map((n, i) => this.string(n, `${path}[${i}]`)).filter((s): s is string => s !== undefined);
  }

  private number(node: Node, path: string, min: number, max = Infinity): number | undefined {
    if (!this.expectType(node, 'number', path)) return undefined;
    const n = node.value as number;
    if (n < min || n > max) {
      const range = max === Infinity ? { zh: `不小于 ${min}`, en: `at least ${min}` } : { zh: `在 ${min} 到 ${max} 之间`, en: `between ${min} and ${max}` };
      this.error(node, { zh: `${path} 应${range.zh}，实为 ${n}`, en: `${path} must be ${range.en}, got ${n}` });
      return undefined;
    }
    return n;
  }

  /** A rule id that the registry does not know: a warning, so a config written for a newer version still works. */
  private knownRule(node: Node, id: string, path: string): boolean {
    if (ruleById(id)) return true;
    this.report('warning', node.offset, node.length, {
      zh: `${path}：未知规则 ${quote(id)}，已忽略`,
      en: `${path}: unknown rule id ${quote(id)}, ignored`,
    });
    return false;
  }

  root(node: Node): DeskConfig {
    if (node.type !== 'object') {
      this.error(node, { zh: `配置文件应为一个对象 {…}，实为 ${shown(node)}`, en: `the config must be an object {…}, got ${shown(node)}` });
      return {};
    }
    const props = this.properties(node, '', TOP_LEVEL);
    const config: DeskConfig = {};
    const schema = props.get('$schema');
    if (schema) this.string(schema, '$schema', false);
    const rules = props.get('rules');
    if (rules) config.rules = this.rules(rules);
    const organs = props.get('organs');
    if (organs) config.organs = this.organs(organs);
    const aggregates = props.get('aggregates');
    if (aggregates) config.aggregates = this.aggregates(aggregates);
    const ignore = props.get('ignore');
    if (ignore) config.ignore = this.ignore(ignore);
    const threshold = props.get('repeatedTextThreshold');
    if (threshold) {
      const n = this.number(threshold, 'repeatedTextThreshold', 0, 1);
      if (n !== undefined) config.repeatedTextThreshold = n;
    }
    return config;
  }

  private rules(node: Node): RuleSettings {
    const out: RuleSettings = {};
    if (!this.expectType(node, 'object', 'rules')) return out;
    for (const prop of node.children ?? []) {
      const [keyNode, value] = prop.children ?? [];
      if (!keyNode || !value) continue;
      const id = String(keyNode.value);
      const path = `rules.${id}`;
      const level = value.type === 'string' ? (value.value as string) : undefined;
      if (level === undefined || !(RULE_LEVELS as readonly string[]).includes(level)) {
        this.error(value, {
          zh: `${path} 应为 ${RULE_LEVELS.join('、')} 之一，实为 ${shown(value)}`,
          en: `${path} must be one of ${RULE_LEVELS.join(', ')}, got ${shown(value)}`,
        });
        continue;
      }
      if (this.knownRule(keyNode, id, path)) out[id] = level as Severity | 'off';
    }
    return out;
  }

  private organs(node: Node): DeskConfig['organs'] {
    if (!this.expectType(node, 'array', 'organs')) return [];
    const out: NonNullable<DeskConfig['organs']> = [];
    (node.children ?? []).forEach((item, i) => {
      const path = `organs[${i}]`;
      if (!this.expectType(item, 'object', path)) return;
      const p = this.properties(item, path, ['name', 'aliases'], ['name']);
      const name = p.get('name') && this.string(p.get('name')!, `${path}.name`);
      const aliases = p.get('aliases') ? this.strings(p.get('aliases')!, `${path}.aliases`) : [];
      if (name) out.push({ name, aliases });
    });
    return out;
  }

  private aggregates(node: Node): DeskConfig['aggregates'] {
    if (!this.expectType(node, 'array', 'aggregates')) return [];
    const out: NonNullable<DeskConfig['aggregates']> = [];
    (node.children ?? []).forEach((item, i) => {
      const path = `aggregates[${i}]`;
      if (!this.expectType(item, 'object', path)) return;
      const p = this.properties(item, path, ['report', 'members', 'tolerance'], ['report', 'members']);
      const report = p.get('report') && this.string(p.get('report')!, `${path}.report`);
      const members = p.get('members') ? this.strings(p.get('members')!, `${path}.members`, 1) : [];
      const tolerance = p.get('tolerance') ? this.number(p.get('tolerance')!, `${path}.tolerance`, 0) : undefined;
      if (report) out.push({ report, members, ...(tolerance !== undefined ? { tolerance } : {}) });
    });
    return out;
  }

  private ignore(node: Node): DeskConfig['ignore'] {
    if (!this.expectType(node, 'array', 'ignore')) return [];
    const out: NonNullable<DeskConfig['ignore']> = [];
    const pattern = new RegExp(FINGERPRINT_PATTERN);
    (node.children ?? []).forEach((item, i) => {
      const path = `ignore[${i}]`;
      if (!this.expectType(item, 'object', path)) return;
      const p = this.properties(item, path, ['fingerprint', 'rule', 'file', 'reason'], ['fingerprint', 'rule', 'file']);
      const printNode = p.get('fingerprint');
      let fingerprint = printNode && this.string(printNode, `${path}.fingerprint`);
      if (fingerprint !== undefined && printNode && !pattern.test(fingerprint)) {
        this.error(printNode, {
          zh: `${path}.fingerprint 应为 16 位十六进制数（由「在配置中忽略此项」生成），实为 ${quote(fingerprint)}`,
          en: `${path}.fingerprint must be 16 hex digits (as "Ignore in config" writes it), got ${quote(fingerprint)}`,
        });
        fingerprint = undefined;
      }
      const ruleNode = p.get('rule');
      const rule = ruleNode && this.string(ruleNode, `${path}.rule`);
      const file = p.get('file') && this.string(p.get('file')!, `${path}.file`);
      const reason = p.get('reason') ? this.string(p.get('reason')!, `${path}.reason`, false) : undefined;
      if (rule && ruleNode) this.knownRule(ruleNode, rule, `${path}.rule`);
      if (fingerprint && rule && file) out.push({ fingerprint, rule, file, ...(reason !== undefined ? { reason } : {}) });
    });
    return out;
  }
}

/** A value as the message shows it: short JSON, or its kind. */
function shown(node: Node): string {
  if (node.type === 'object') return '{…}';
  if (node.type === 'array') return '[…]';
  const s = JSON.stringify(node.value);
  return s.length > 40 ? `${s.slice(0, 37)}…` : s;
}

/** `file:line:col: error: message` (zh: 错误/警告), as compilers and linters print it; `file: …` for the file as a whole. */
export function formatProblem(file: string, p: ConfigProblem, lang: 'zh' | 'en'): string {
  const word = lang === 'zh' ? (p.severity === 'error' ? '错误' : '警告') : p.severity;
  const sep = lang === 'zh' ? '：' : ': ';
  const where = p.line > 0 ? `${file}:${p.line}:${p.column}` : file;
  return `${where}: ${word}${sep}${p.message[lang]}`;
}
