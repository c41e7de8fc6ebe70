// `check --format sarif`: SARIF 2.1.0 for code-scanning tools.
// Columns are 1-based UTF-16 code units (run.columnKind = utf16CodeUnits). Files below the current
// directory are given relative to %SRCROOT% (what code-scanning uploads expect), others as file: URIs.

import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as sarif from 'sarif';
import type { Finding, Lang, LineIndex, Place, Report, Severity, Span } from '../../engine';
import { ruleDocPath, rules } from '../../engine';
import type { InputProblem } from '../input';
import { packageInfo } from '../package-info';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVEL: Record<Severity, sarif.ReportingConfiguration.level> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

export interface SarifFile {
  file: string;
  report: Report;
  findings: Finding[];
  encoding: string;
  /** Each finding's fingerprint (the sidecar config's ignore key): the result's partialFingerprints. */
  fingerprints?: ReadonlyMap<Finding, string>;
}

function region(lines: LineIndex, span: Span): sarif.Region {
  const s = lines.positionAt(span.start);
  const e = lines.positionAt(span.end);
  return { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
}

function placeRegion(p: Place): sarif.Region {
  return { startLine: p.line + 1, startColumn: p.character + 1, endLine: p.endLine + 1, endColumn: p.endCharacter + 1 };
}

/** The partialFingerprints key: our own scheme, versioned as SARIF asks (§3.27.17). */
export const SARIF_FINGERPRINT = 'disclosureReportFinding/v1';

function artifactUri(file: string, cwd: string): sarif.ArtifactLocation {
  const abs = path.resolve(cwd, file);
  const rel = path.relative(cwd, abs);
  if (rel && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel)) {
    return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
  }
  return { uri: pathToFileURL(abs).href };
}

function docUri(relative: string): string {
  return pathToFileURL(path.join(packageInfo.root, relative)).href;
}

/**
 * One file's share of the log, computed where the file was checked (a worker thread): its artifact
 * and its results. Plain data; the artifact's index is set when the parts are put together.
 */
export interface SarifPart {
  artifact: sarif.Artifact;
  results: sarif.Result[];
}

/** The file's artifact location; every result points at this object, so placing it sets them all. */
export function sarifPart(f: SarifFile, lang: Lang, cwd: string): SarifPart {
  const location: sarif.ArtifactLocation = { ...artifactUri(f.file, cwd), index: -1 };
  const results: sarif.Result[] = [];
  const lines = f.report.source.lines;
  const physical = (span: Span): sarif.PhysicalLocation => ({ artifactLocation: location, region: region(lines, span) });
  for (const d of f.findings) {
    const result: sarif.Result = {
      ruleId: d.ruleId,
      level: LEVEL[d.severity],
      message: { text: d.message[lang] },
      locations: [{ physicalLocation: physical(d) }],
    };
    const idx = ruleIndex().get(d.ruleId);
    if (idx !== undefined) result.ruleIndex = idx;
    const fingerprint = f.fingerprints?.get(d);
    if (fingerprint) result.partialFingerprints = { [SARIF_FINGERPRINT]: fingerprint };
    if (d.related.length > 0) {
      result.relatedLocations = d.related.map((r, id) => ({
        id,
        message: { text: r.message[lang] },
        // A place in another report of the run (last year's) points into that file.
        physicalLocation: r.elsewhere
          ? { artifactLocation: artifactUri(r.elsewhere.file, cwd), region: placeRegion(r.elsewhere) }
          : physical(r),
      }));
    }
    // For .docx/.pdf the region is in the report text the checker read: say where it is in the
    // original, and offer no replacement (the file itself is never edited).
    const source = f.report.document.origin?.(d.start);
    if (source) result.properties = { source };
    if (d.fix && f.report.document.editable) {
      result.fixes = [
        {
          description: { text: d.fix.title[lang] },
          artifactChanges: [
            {
              artifactLocation: location,
              replacements: d.fix.edits.map((e) => ({
                deletedRegion: region(lines, e),
                insertedContent: { text: e.newText },
              })),
            },
          ],
        },
      ];
    }
    results.push(result);
  }
  return { artifact: { location: artifactUri(f.file, cwd), encoding: f.encoding }, results };
}

let ruleIndexCache: Map<string, number> | undefined;
const ruleIndex = (): Map<string, number> => (ruleIndexCache ??= new Map(rules.map((r, i) => [r.id, i])));

/** Every location of a part that names its artifact (after a copy between threads they are separate objects). */
function placePart(part: SarifPart, index: number): void {
  // Only this file's locations carry the placeholder index; a place in another file has none.
  const place = (l: sarif.ArtifactLocation | undefined): void => {
    if (l?.index === -1) l.index = index;
  };
  for (const r of part.results) {
    for (const l of r.locations ?? []) place(l.physicalLocation?.artifactLocation);
    for (const l of r.relatedLocations ?? []) place(l.physicalLocation?.artifactLocation);
    for (const fix of r.fixes ?? []) for (const c of fix.artifactChanges) place(c.artifactLocation);
  }
}

export function toSarif(files: readonly SarifFile[], problems: readonly InputProblem[], lang: Lang, cwd: string): sarif.Log {
  return sarifLog(files.map((f) => sarifPart(f, lang, cwd)), problems, lang, cwd);
}

/** The log from the files' parts, in the order given. */
export function sarifLog(parts: readonly SarifPart[], problems: readonly InputProblem[], lang: Lang, cwd: string): sarif.Log {
  const artifacts: sarif.Artifact[] = [];
  const results: sarif.Result[] = [];
  for (const part of parts) {
    placePart(part, artifacts.length);
    artifacts.push(part.artifact);
    results.push(...part.results);
  }
  const run: sarif.Run = {
    tool: {
      driver: {
        name: packageInfo.name,
        version: packageInfo.version,
        semanticVersion: packageInfo.version,
        informationUri: docUri('README.md'),
        rules: rules.map((r) => ({
          id: r.id,
          shortDescription: { text: r.doc.summary[lang] },
          help: { text: r.doc.details[lang], markdown: r.doc.details[lang] },
          helpUri: docUri(ruleDocPath(r.id)),
          defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
          properties: { spec: r.spec, fixable: r.fixable },
        })),
      },
    },
    originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(cwd + path.sep).href } },
    artifacts,
    columnKind: 'utf16CodeUnits',
    invocations: [
      {
        executionSuccessful: problems.length === 0,
        toolExecutionNotifications: problems.map((p) => ({
          level: 'error',
          message: { text: `${p.file}: ${p.reason[lang]}` },
          locations: [{ physicalLocation: { artifactLocation: artifactUri(p.file, cwd) } }],
        })),
      },
    ],
    results,
  };
  return { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
}
