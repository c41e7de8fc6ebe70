// Organ names from titles: the same body gives the same key however its title is written.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, factsOf, organKey, organOf } from '../../../server/src/engine';
import { aliasKeys } from '../../../server/src/engine/desk/organ';
import { ORGAN_NAMES } from '../../../server/src/engine/desk/organ-names';
import { REPO_ROOT, readSeed, seedFiles } from '../../support/seeds';

describe('desk: organ names from titles', () => {
  it('reads the organ of every seed and example from its title (two-line titles joined)', () => {
    const got = [...seedFiles(), ...fs.readdirSync(path.join(REPO_ROOT, 'examples')).map((f) => path.join(REPO_ROOT, 'examples', f))].map((f) => {
      const facts = factsOf(check(fs.readFileSync(f, 'utf8')).report);
      return `${path.basename(f)}: ${facts.organ} → ${facts.organKey}`;
    });
    // The seeds' own titles name four 工业和信息化局 (one as 工信局) and one in a 「2020 年」 title on its own line.
    const keys = got.map((g) => g.split(' → ')[1]);
    assert.deepEqual(keys.slice(0, 5), ['吴忠市工业和信息化局', '北关区工业和信息化局', '汶上县工业和信息化局', '中卫市工业和信息化局', '新余市工业和信息化局'], got.join('\n'));
    assert.ok(got[1].includes('北关区工信局 →'), 'the name stays as written; only the key is normalised');
    assert.deepEqual(keys.slice(5), ['青川县示例市场监督管理局', '示例县教育体育局', '青川县示例市场监督管理局']);
  });

  it('gives one key to short and full forms, spacing, U+3000, full-width digits and punctuation', () => {
    const same = [
      '某市工业和信息化局2023年政府信息公开工作年度报告',
      '某市工信局 2023 年政府信息公开工作年度报告',
      '某市\u3000工业与信息化局２０２３年政府信息公开工作年度报告',
      '某市工业和信息化局（2023年度）政府信息公开工作年度报告',
      '某市工业和信息化局2023年（度）政府信息公开工作年度报告',
      '某市·工业和信息化局2023年度政府信息公开工作年度报告',
      '关于某市工业和信息化局2023年政府信息公开工作年度报告的公告',
      '关于印发《某市工业和信息化局2023年政府信息公开工作年度报告》的通知',
      '某市工业和信息化局关于2023年度政府信息公开工作年度报告的通知',
      '2023年某市工信局政府信息公开工作年度报告',
      '某市工信局政府信息公开工作年度报告（2023年）',
    ];
    for (const title of same) assert.equal(organOf(title)?.key, '某市工业和信息化局', title);
  });

  it('expands the short forms of the table and keeps distinct bodies distinct', () => {
    assert.equal(organKey('某县发改委'), organKey('某县发展和改革委员会'));
    assert.equal(organKey('某区人社局'), organKey('某区人力资源和社会保障局'));
    assert.equal(organKey('某市市场监管局'), organKey('某市市场监督管理局'));
    assert.equal(organKey('某县住建局'), organKey('某县住房和城乡建设局'));
    assert.equal(organKey('某县教体局'), organKey('某县教育体育局'));
    assert.equal(organKey('某市自然资源规划局'), organKey('某市自然资源和规划局'));
    assert.equal(organKey('某县政府办'), organKey('某县人民政府办公室'));
    assert.equal(organKey('某县政府'), organKey('某县人民政府'));
    assert.notEqual(organKey('某县人民政府'), organKey('某县人民政府办公室'));
    assert.notEqual(organKey('甲市工信局'), organKey('乙市工信局'));
    assert.notEqual(organKey('某市生态环境局'), organKey('某市自然资源和规划局'));
    // Every short form of the table reaches its full name.
    for (const o of ORGAN_NAMES) for (const form of o.forms) assert.equal(organKey(`某地${form}`), `某地${o.full}`, form);
  });

  it('drops the 中共 prefix, so a party organ pairs with and without it', () => {
    assert.equal(organOf('中共某县县委宣传部2022年政府信息公开工作年度报告')?.key, organOf('某县县委宣传部2023年政府信息公开工作年度报告')?.key);
  });

  it('names no organ when the title names none, and then takes it from the preamble or the signature', () => {
    assert.equal(organOf('2023年政府信息公开工作年度报告'), null);
    assert.equal(organOf(''), null);
    const { text } = readSeed('003');
    // Seed 003 without its organ line: the title is 「2020 年…」 alone; the preamble names the body only in prose, the signature does.
    const untitled = text.replace('中卫市工业和信息化局\n\n2020 年政府信息公开工作年度报告', '2020 年政府信息公开工作年度报告');
    assert.notEqual(untitled, text);
    const facts = factsOf(check(untitled).report);
    assert.equal(facts.organKey, '中卫市工业和信息化局');
    const quoted = '2023年政府信息公开工作年度报告\n\n现发布《某县住建局2023年政府信息公开工作年度报告》。\n\n一、总体情况\n\n本局……\n';
    assert.equal(factsOf(check(quoted).report).organKey, '某县住房和城乡建设局');
  });

  it('config aliases map names explicitly, by key (spacing and short forms do not matter)', () => {
    const aliases = aliasKeys([{ name: '某市工业和信息化局', aliases: ['某市经济和信息化局', '某市 经信委'] }]);
    assert.equal(aliases.get(organKey('某市经济和信息化局')), '某市工业和信息化局');
    assert.equal(aliases.get(organKey('某市经信委')), '某市工业和信息化局');
    assert.equal(aliases.get(organKey('某市工信局')), '某市工业和信息化局');
    // Bad config entries are skipped, not thrown on.
    assert.equal(aliasKeys([{ name: 3 as unknown as string, aliases: [] }, { name: '甲', aliases: null as unknown as string[] }]).size, 1);
  });
});
