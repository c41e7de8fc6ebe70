// PDFs made at test time the way a drafter makes them: our text reports written as Word files
// (test/formats/wordml.ts) and printed by LibreOffice (soffice and the Noto CJK fonts are installed
// by .ci/run). Used by the unit tests and the VS Code suites alike.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { writeDocx } from '../formats/wordml';

/**
 * Writes `<dir>/<name>.docx` for each text and prints them all to `<dir>/<name>.pdf` in one
 * LibreOffice run (about 10 s; its own profile folder keeps parallel runs apart).
 * Returns the PDF bytes by name. Asynchronous, so an extension host that waits for it stays responsive.
 */
export async function printReportsToPdf(texts: Record<string, string>, dir: string): Promise<Record<string, Buffer>> {
  const names = Object.keys(texts);
  for (const name of names) fs.writeFileSync(path.join(dir, `${name}.docx`), writeDocx(texts[name]).bytes);
  await promisify(execFile)(
    'soffice',
    [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...names.map((n) => path.join(dir, `${n}.docx`))],
    { timeout: 300_000 },
  );
  return Object.fromEntries(names.map((n) => [n, fs.readFileSync(path.join(dir, `${n}.pdf`))]));
}
