// The TextMate grammar of the report language. vscode-textmate / vscode-oniguruma are not among the
// dependencies, so the grammar is held to a subset that JavaScript and Oniguruma read alike (single-line
// `match` rules, no Oniguruma-only syntax) and tokenised here the way TextMate does for such rules: at
// each position the rule whose match starts first wins, ties go to the rule listed first.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, seedFiles } from '../support/seeds';

interface Rule {
  match?: string;
  name?: string;
  captures?: Record<string, { name: string }>;
  include?: string;
  begin?: string;
}
const grammar = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'syntaxes', 'disclosure-report.tmLanguage.json'), 'utf8')) as {
  scopeName: string;
  patterns: Rule[];
  repository: Record<string, Rule>;
};

/** Oniguruma syntax JavaScript lacks (or reads differently): never used in this grammar. */
const ONIG_ONLY = /\\[hHAzZGK]|\\x\{|\\p\{(?!Script=)|\(\?[imx-]+[:)]|\(\?<?[a-zA-Z]+>.*\\k<|\(\?~|[*+?}]\+|\\[QE]/;

function compile(rule: Rule): RegExp {
  return new RegExp(rule.match!, 'gu');
}

const rules = grammar.patterns.map((p) => {
  const name = p.include!.replace(/^#/, '');
  const rule = grammar.repository[name];
  return { id: name, rule, re: compile(rule) };
});

interface Token {
  text: string;
  scopes: string[];
}

/** Tokenise one line: the scopes of each matched piece (captures split a match into pieces). */
function tokenize(line: string): Token[] {
  const out: Token[] = [];
  let pos = 0;
  while (pos < line.length) {
    let best: { m: RegExpExecArray; r: (typeof rules)[number] } | null = null;
    for (const r of rules) {
      r.re.lastIndex = pos;
      const m = r.re.exec(line);
      if (m && m[0].length > 0 && (!best || m.index < best.m.index)) best = { m, r };
    }
    if (!best) break;
    const { m, r } = best;
    const base = r.rule.name ? r.rule.name.split(' ') : [];
    if (r.rule.captures) {
      // Capture groups in order (this grammar's captures do not nest).
      let at = m.index;
      const groups = Object.keys(r.rule.captures).map(Number).sort((a, b) => a - b);
      for (const g of groups) {
        const text = m[g];
        if (text === undefined || text === '') continue;
        const start = line.indexOf(text, at);
        at = start + text.length;
        out.push({ text, scopes: [...base, ...r.rule.captures[String(g)].name.split(' ')] });
      }
    } else {
      out.push({ text: m[0], scopes: base });
    }
    pos = m.index + m[0].length;
  }
  return out;
}

/** The scopes of the token whose text is `text` (exactly) in `line`. */
function scopesOf(line: string, text: string): string[] {
  const t = tokenize(line).find((x) => x.text === text);
  assert.ok(t, `«${text}» is a token of «${line}»; tokens: ${JSON.stringify(tokenize(line).map((x) => x.text))}`);
  return t.scopes;
}

function hasScope(line: string, text: string, prefix: string): void {
  const scopes = scopesOf(line, text);
  assert.ok(scopes.some((s) => s === prefix || s.startsWith(prefix + '.')), `«${text}» in «${line}»: ${scopes.join(' ')} lacks ${prefix}`);
}

describe('TextMate grammar', () => {
  it('is well formed: scope name, every included rule exists, single-line match rules only', () => {
    assert.equal(grammar.scopeName, 'text.disclosure-report');
    for (const p of grammar.patterns) assert.ok(p.include && grammar.repository[p.include.slice(1)], JSON.stringify(p));
    for (const [id, r] of Object.entries(grammar.repository)) {
      assert.ok(typeof r.match === 'string' && !r.begin, `${id} is a match rule`);
      assert.ok(r.name || r.captures, `${id} names a scope`);
      for (const scope of [r.name, ...Object.values(r.captures ?? {}).map((c) => c.name)].filter(Boolean) as string[]) {
        for (const s of scope.split(' ')) assert.match(s, /^[a-z0-9-]+(\.[a-z0-9-]+)*\.disclosure-report$/, `${id}: ${s}`);
      }
    }
  });

  it('every regex compiles in JavaScript (u flag) and uses no Oniguruma-only syntax', () => {
    for (const [id, r] of Object.entries(grammar.repository)) {
      assert.doesNotMatch(r.match!, ONIG_ONLY, id);
      assert.doesNotThrow(() => compile(r), id);
      assert.ok(!compile(r).test(''), `${id} does not match the empty line`);
    }
  });

  it('uses standard scope roots that every theme colours', () => {
    const roots = new Set<string>();
    for (const r of Object.values(grammar.repository)) {
      for (const scope of [r.name, ...Object.values(r.captures ?? {}).map((c) => c.name)].filter(Boolean) as string[]) {
        for (const s of scope.split(' ')) roots.add(s.split('.').slice(0, 2).join('.'));
      }
    }
    const standard = new Set([
      'markup.heading',
      'entity.name',
      'punctuation.definition',
      'punctuation.separator',
      'constant.numeric',
      'string.other',
      'string.quoted',
      'support.function',
      'invalid.illegal',
    ]);
    for (const r of roots) assert.ok(standard.has(r), r);
  });

  it('title, with or without a markdown heading', () => {
    hasScope('某某市工业和信息化局2023年政府信息公开工作年度报告', '某某市工业和信息化局2023年政府信息公开工作年度报告', 'markup.heading.1');
    hasScope('# 某某县人民政府2024年度政府信息公开工作年度报告', '某某县人民政府2024年度政府信息公开工作年度报告', 'entity.name.section.title');
    // A sentence that mentions the report is not a title.
    assert.ok(!tokenize('现公布本机关2023年政府信息公开工作年度报告，请查阅。').some((t) => t.scopes.some((s) => s.startsWith('markup.heading.1'))));
  });

  it('section headings 一、…六、 (U+3000 indent, markdown #, half-width dot)', () => {
    hasScope('一、总体情况', '一、', 'markup.heading.2');
    hasScope('一、总体情况', '总体情况', 'entity.name.section');
    hasScope('\u3000\u3000二、主动公开政府信息情况', '主动公开政府信息情况', 'markup.heading.2');
    hasScope('## 六、其他需要报告的事项', '六、', 'markup.heading.2');
    hasScope('五.存在的主要问题及改进情况', '存在的主要问题及改进情况', 'markup.heading.2');
    hasScope('三、收到和处理政府信息公开申请情况', '收到和处理政府信息公开申请情况', 'markup.heading.2');
  });

  it('subsection headings （一）… up to the end of their first clause', () => {
    hasScope('（一）主动公开。本机关全年主动公开信息128条。', '（一）', 'markup.heading.3');
    hasScope('（一）主动公开。本机关全年主动公开信息128条。', '主动公开', 'entity.name.section');
    hasScope('(三)政府信息管理', '(三)', 'markup.heading.3');
    hasScope('（一）主动公开。本机关全年主动公开信息128条。', '128', 'constant.numeric');
  });

  it('article references 第二十条第（X）项 and others', () => {
    hasScope('第二十条第（一）项', '第二十条第（一）项', 'support.function.article');
    hasScope('按照第二十条第（一）（五）（六）（八）项公开', '第二十条第（一）（五）（六）（八）项', 'support.function.article');
    hasScope('依据条例第五十条第四项规定', '第五十条第四项', 'support.function.article');
  });

  it('table row and column labels as whole cells, not inside prose', () => {
    const row = '一、本年新收政府信息公开申请数量\t\t\t4\t0\t0\t0\t0\t0\t4';
    hasScope(row, '一、本年新收政府信息公开申请数量', 'entity.name.type.row-label');
    hasScope(row, '4', 'constant.numeric');
    hasScope('三、本年度办理结果\t（一）予以公开\t\t2\t0\t0\t0\t0\t0\t2', '（一）予以公开', 'entity.name.type.row-label');
    hasScope('\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t\t0', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 'entity.name.type.row-label');
    hasScope('\t\t1.属于国家秘密\t0\t0', '1.属于国家秘密', 'entity.name.type.row-label');
    hasScope('\t（七）总计\t\t4', '（七）总计', 'entity.name.type.row-label');
    hasScope('行政规范性文件\t0\t0\t12', '行政规范性文件', 'entity.name.type.row-label');
    hasScope('| 行政许可 | 35 |', '行政许可', 'entity.name.type.row-label');
    hasScope('| 行政许可 | 35 |', '|', 'punctuation.separator.table');
    hasScope('结果 维持', '结果 维持', 'entity.name.type.row-label');
    hasScope('本年收费金额（单位：万元）', '本年收费金额（单位：万元）', 'entity.name.type.row-label');
    // One cell per line (web copies): the label alone on its line.
    hasScope('自然人', '自然人', 'entity.name.type.row-label');
    // Prose that mentions a label is prose.
    assert.ok(!tokenize('全年办理行政许可35件。').some((t) => t.scopes.some((s) => s.startsWith('entity.name.type'))));
  });

  it('numbers, half- and full-width, decimals, percentages', () => {
    hasScope('行政事业性收费\t0.35', '0.35', 'constant.numeric');
    hasScope('共收到申请１２件', '１２', 'constant.numeric');
    hasScope('同比增长12.5%', '12.5%', 'constant.numeric');
  });

  it('dates and years', () => {
    hasScope('2024年1月20日', '2024年1月20日', 'constant.numeric.date');
    hasScope('统计期限为2023年1月1日至2023年12月31日。', '2023年12月31日', 'constant.numeric.date');
    hasScope('２０２４年１月２０日', '２０２４年１月２０日', 'constant.numeric.date');
    hasScope('二〇二四年一月二十日', '二〇二四年一月二十日', 'constant.numeric.date');
    hasScope('本报告中所列数据的统计期限自2023年度', '2023年度', 'constant.numeric.year');
  });

  it('document numbers 文号, book titles and quotes', () => {
    hasScope('国办公开办函〔2021〕30号', '〔2021〕30号', 'string.other.document-number');
    hasScope('国办公开办函[2019]60号', '[2019]60号', 'string.other.document-number');
    hasScope('根据《中华人民共和国政府信息公开条例》', '《中华人民共和国政府信息公开条例》', 'string.quoted.other.book-title');
    hasScope('可能危及“三安全一稳定”的信息', '“三安全一稳定”', 'string.quoted');
    hasScope('\t\t3.危及“三安全一稳定”\t0', '3.危及“三安全一稳定”', 'entity.name.type.row-label');
  });

  it('template placeholders left in the text', () => {
    hasScope('一、总体情况（文字描述）', '（文字描述）', 'invalid.illegal.placeholder');
    hasScope('网址为（具体网址）。', '（具体网址）', 'invalid.illegal.placeholder');
  });

  it('tokenises every line of the seed reports and finds their six section headings', () => {
    for (const f of seedFiles()) {
      const lines = fs.readFileSync(f, 'utf8').split(/\r\n|\r|\n/);
      let headings = 0;
      for (const line of lines) {
        const tokens = tokenize(line);
        if (tokens.some((t) => t.scopes.some((s) => s.startsWith('markup.heading.2')))) headings++;
      }
      assert.ok(headings >= 6, `${path.basename(f)}: ${headings} section headings`);
    }
  });
});
