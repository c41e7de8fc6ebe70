// Property tests (fast-check) over random edits of the seeds and the examples: the engine never
// throws, every range lies inside the document on UTF-16 boundaries, checking is deterministic,
// and every fix applies cleanly, is idempotent and does not leave its finding behind.
// FUZZ_RUNS=2000 npm test runs longer.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { applyFixes, check, type Finding } from '../../server/src/engine';
import { REPO_ROOT, seedFiles } from '../support/seeds';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const corpus = [
  ...seedFiles().map((f) => fs.readFileSync(f, 'utf8')),
  ...['clean-2024.txt', 'mistakes-2024.txt'].map((f) => fs.readFileSync(path.join(REPO_ROOT, 'examples', f), 'utf8')),
];

const INSERTS = ['\r', '\r\n', '\ufeff', '\u3000', '𠮷', '\u0000', '\t', '０', '１２', '一', '（', '〔', '|', '#', ' ', '\n\n', '- 2 -', '—', '三、'];

type Edit = { kind: 'delete' | 'dup' | 'swap' | 'insert' | 'fullwidth' | 'join' | 'split'; a: number; b: number; s: string };

const editArb: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('delete', 'dup', 'swap', 'insert', 'fullwidth', 'join', 'split'),
  a: fc.nat(),
  b: fc.nat(),
  s: fc.oneof(fc.constantFrom(...INSERTS), fc.string({ maxLength: 4 })),
});

function applyEdit(text: string, e: Edit): string {
  const lines = text.split('\n');
  const i = e.a % Math.max(1, lines.length);
  const j = e.b % Math.max(1, lines.length);
  switch (e.kind) {
    case 'delete':
      lines.splice(i, 1);
      return lines.join('\n');
    case 'dup':
      lines.splice(i, 0, lines[i] ?? '');
      return lines.join('\n');
    case 'swap':
      [lines[i], lines[j]] = [lines[j], lines[i]];
      return lines.join('\n');
    case 'join':
      if (i + 1 < lines.length) lines.splice(i, 2, lines[i] + lines[i + 1]);
      return lines.join('\n');
    case 'split': {
      const at = e.b % Math.max(1, text.length);
      return text.slice(0, at) + '\n' + text.slice(at);
    }
    case 'fullwidth':
      lines[i] = (lines[i] ?? '').replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
      return lines.join('\n');
    case 'insert': {
      const at = e.b % Math.max(1, text.length + 1);
      return text.slice(0, at) + e.s + text.slice(at);
    }
  }
}

function isLowSurrogate(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff;
}

function assertRangesSound(text: string, findings: Finding[]): void {
  for (const f of findings) {
    assert.ok(f.start >= 0 && f.start <= f.end && f.end <= text.length, `${f.ruleId} range inside the text`);
    assert.ok(!isLowSurrogate(text, f.start) && !isLowSurrogate(text, f.end), `${f.ruleId} range does not split a surrogate pair`);
    for (const r of f.related) assert.ok(r.start >= 0 && r.start <= r.end && r.end <= text.length);
    for (const e of f.fix?.edits ?? []) assert.ok(e.start >= 0 && e.start <= e.end && e.end <= text.length);
    assert.ok(f.message.zh.length > 0 && f.message.en.length > 0);
  }
}

const mutated = fc.tuple(fc.constantFrom(...corpus), fc.array(editArb, { minLength: 1, maxLength: 6 })).map(([t, edits]) => edits.reduce(applyEdit, t));

describe('properties: random edits of real reports', () => {
  it('never throws; ranges inside the text and on UTF-16 boundaries; deterministic', () => {
    fc.assert(
      fc.property(mutated, (text) => {
        const a = check(text);
        assert.deepEqual(a.ruleFailures, [], 'no rule threw');
        assertRangesSound(text, a.findings);
        const b = check(text);
        assert.deepEqual(b.findings, a.findings);
      }),
      { numRuns: RUNS },
    );
  });

  it('every fix applies, is idempotent, and the fixed text does not report it again', () => {
    fc.assert(
      fc.property(mutated, (text) => {
        const { findings } = check(text);
        for (const f of findings.filter((x) => x.fix)) {
          const once = applyFixes(text, [f.fix!]);
          assert.equal(once.applied, f.fix!.edits.length, `${f.ruleId} fix applies`);
          assert.equal(applyFixes(once.text, [f.fix!]).text, once.text, `${f.ruleId} fix is idempotent`);
          // Where the fixed span now starts: shifted by every edit wholly before it.
          let mapped = f.start;
          for (const e of f.fix!.edits) if (e.end <= f.start && !(e.start === e.end && e.start === f.start)) mapped += e.newText.length - (e.end - e.start);
          const again = check(once.text).findings.filter((g) => g.ruleId === f.ruleId && g.start === mapped && g.message.zh === f.message.zh);
          assert.equal(again.length, 0, `${f.ruleId} is gone after its fix: ${f.message.zh}`);
        }
      }),
      { numRuns: Math.max(10, Math.floor(RUNS / 3)) },
    );
  });

  it('random text (including control characters and lone surrogates) never breaks the engine', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        assertRangesSound(text, check(text).findings);
      }),
      { numRuns: RUNS * 2 },
    );
  });
});
