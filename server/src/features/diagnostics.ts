// Findings → LSP diagnostics: the rule id as `code`, `crmteam` as `source`, a link to the rule's page, related
// places, the "unnecessary" tag, and `data` that lets a code action find the finding again without re-analysing.

import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver-types';
import type { Analysis } from '../engine/analyze';
import type { Finding, Severity } from '../core/finding';
import { RULES_BY_ID } from '../rules/index';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from '../common/protocol';
import { ruleDocsHref, type FeatureContext } from './context';

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function diagnostics(analysis: Analysis, ctx: FeatureContext): Diagnostic[] {
  return analysis.findings.map((finding, index) => toDiagnostic(finding, index, ctx));
}

export function toDiagnostic(finding: Finding, index: number, ctx: FeatureContext): Diagnostic {
  const data: DiagnosticData = { version: ctx.version, index };
  const diagnostic: Diagnostic = {
    range: ctx.rangeOf(finding.range),
    severity: SEVERITY[finding.severity] ?? DiagnosticSeverity.Error,
    code: finding.ruleId,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    data,
  };
  // Only rules have pages; an engine finding (`internal-error`) has nothing to link to.
  if (RULES_BY_ID.has(finding.ruleId)) diagnostic.codeDescription = { href: ruleDocsHref(ctx, finding.ruleId) };
  if (finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map((place) => ({
      location: { uri: ctx.uri, range: ctx.rangeOf(place.range) },
      message: place.message,
    }));
  }
  if (finding.tags.includes('unnecessary')) diagnostic.tags = [DiagnosticTag.Unnecessary];
  return diagnostic;
}

/** Reads `Diagnostic.data` as this server wrote it; anything else (another client's data, none) is `undefined`. */
export function diagnosticData(diagnostic: Diagnostic): DiagnosticData | undefined {
  const data = diagnostic.data as Partial<DiagnosticData> | null | undefined;
  if (data === null || typeof data !== 'object') return undefined;
  return Number.isInteger(data.version) && Number.isInteger(data.index) ? { version: data.version!, index: data.index! } : undefined;
}
