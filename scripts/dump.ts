// Developer aid: print what the engine reads from a report. `node out/scripts/dump.js <file>`
import * as fs from 'node:fs';
import { check } from '../server/src/engine';

for (const file of process.argv.slice(2)) {
  const text = fs.readFileSync(file, 'utf8');
  const { report, findings } = check(text);
  const pos = (o: number) => {
    const p = report.source.lines.positionAt(o);
    return `${p.line + 1}:${p.character + 1}`;
  };
  console.log(`== ${file}`);
  console.log(`title: ${report.title?.text} | year ${report.year} | format ${report.formatVersion} | layout ${report.layout}`);
  console.log(`period: ${JSON.stringify(report.statisticsPeriod && { from: report.statisticsPeriod.from, to: report.statisticsPeriod.to })} | signed: ${JSON.stringify(report.signingDate?.date)}`);
  for (const s of report.sections) {
    console.log(`  §${s.number} L${pos(s.heading.start)} [${s.numeralStyle}${s.markdownLevel ? ' h' + s.markdownLevel : ''}] ${s.title} | subs: ${s.subsections.map((x) => `${x.style}:${x.number}`).join(' ')}`);
  }
  for (const t of report.tables) {
    console.log(`  table ${t.id} v${t.version} ${t.layout} L${pos(t.start)}-${pos(t.end)} readable=${t.readable} cells=${t.cells.length} values=${t.cells.map((c) => c.value ?? '_').join(',')}`);
    for (const p of t.shapeProblems) console.log(`    shape ${p.kind} ${p.row ?? ''} L${pos(p.start)} ${p.detail.zh}`);
    for (const p of t.labelProblems) console.log(`    label L${pos(p.start)} ${p.found} -> ${p.expected}`);
  }
  for (const f of findings) console.log(`  ${pos(f.start)} ${f.severity} ${f.message.zh} [${f.ruleId}]`);
}
