// SARIF 2.1.0 output for code scanning: every rule described (with help), results with 1-based regions.

import type { Log, ReportingDescriptor, Result } from 'sarif';
import { pathToFileURL } from 'node:url';
import { INTERNAL_ERROR } from '../../engine/analyze';
import { RULES } from '../../rules/index';
import type { FileReport } from '../lint';
import type { Formatter } from './formatter';
import { stringifyAt } from './json';

const LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'none' } as const;

/**
 * The log as `JSON.stringify(log, null, 2)` would print it, its results one file at a time (each at its depth in
 * `runs[0].results`), so a large report is written while later files are still being checked.
 */
export function sarifFormatter(cwd: string, version: string): Formatter {
  const rules: ReportingDescriptor[] = RULES.map((rule) => ({
    id: rule.meta.id,
    name: pascal(rule.meta.id),
    shortDescription: { text: rule.meta.docs.summary },
    fullDescription: { text: rule.meta.docs.rationale },
    help: { text: rule.meta.docs.howToFix, markdown: `${rule.meta.docs.howToFix}\n\nSee docs/rules/${rule.meta.id}.md in the crmteam package.` },
    defaultConfiguration: { level: LEVEL[rule.meta.defaultSeverity] },
    properties: { category: rule.meta.category, sources: [...rule.meta.sources] },
  }));
  rules.push({
    id: INTERNAL_ERROR,
    name: 'InternalError',
    shortDescription: { text: 'crmteam could not check this file in full.' },
    fullDescription: { text: 'A check stopped with an internal error, or the file is too large to analyse; the other checks still ran.' },
    help: { text: 'Report the problem with the file that caused it, or split a very large plan.' },
    defaultConfiguration: { level: 'error' },
  });
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const resultsOf = (file: FileReport): Result[] => file.findings.map((f) => ({
    ruleId: f.ruleId,
    ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId)! } : {}),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [{
      physicalLocation: {
        artifactLocation: { uri: encodeURI(file.path), uriBaseId: 'SRCROOT' },
        region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: Math.max(f.endColumn, f.line === f.endLine ? f.column : 1) },
      },
    }],
    ...(f.related.length ? {
      relatedLocations: f.related.map((r, id) => ({
        id,
        message: { text: r.message },
        physicalLocation: { artifactLocation: { uri: encodeURI(r.file ?? file.path), uriBaseId: 'SRCROOT' }, region: { startLine: r.line, startColumn: r.column } },
      })),
    } : {}),
    partialFingerprints: { 'crmteam/v1': `${f.ruleId}:${file.path}:${f.message}` },
  }));
  // The log with a marker where the results go (a string no finding can print: JSON escapes U+0000).
  const marker = '\u0000results';
  const log: Log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [{
      tool: { driver: { name: 'crmteam', version, semanticVersion: version, rules } },
      originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(cwd.endsWith('/') ? cwd : `${cwd}/`).href } },
      columnKind: 'utf16CodeUnits',
      results: marker as unknown as Result[],
    }],
  };
  const [head, tail] = (JSON.stringify(log, null, 2) + '\n').split(JSON.stringify(marker)) as [string, string];
  // `results` is at depth 3 (log, runs, run): its items at depth 4.
  const closing = '\n      ]';
  let first = true;
  return {
    start: () => head,
    file(file) {
      let out = '';
      for (const result of resultsOf(file)) {
        out += `${first ? '[\n' : ',\n'}${stringifyAt(result, 4)}`;
        first = false;
      }
      return out;
    },
    end: () => `${first ? '[]' : closing}${tail}`,
  };
}

function pascal(id: string): string {
  return id.split('-').map((w) => (w === 'it' ? 'IT' : w.charAt(0).toUpperCase() + w.slice(1))).join('');
}
