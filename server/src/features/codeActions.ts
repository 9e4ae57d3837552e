// Code actions from the cached analysis: every fix of each diagnostic as a quick fix, "Ignore <rule> on this line",
// and `source.fixAll.crmteam` (every safe, non-overlapping fix as one edit). Findings are found through
// `Diagnostic.data` and the rule id, never through message text. The same actions, without "Ignore", for the
// configuration file and the roster, whose findings are not a plan's.

import { isScalar } from 'yaml';
import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver-types';
import type { CodeActionParams } from 'vscode-languageserver-protocol';
import type { Analysis } from '../engine/analyze';
import { INTERNAL_ERROR } from '../engine/analyze';
import { applicableSafeFixes } from '../core/applyFixes';
import type { Edit, Finding } from '../core/finding';
import { insertLineBefore } from '../model/edits';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND } from '../common/protocol';
import { workspaceEdit, type FeatureContext } from './context';
import { diagnosticData } from './diagnostics';

export interface CodeActionOptions {
  /** The client applies versioned `documentChanges` (else the edit goes in `changes`). */
  readonly documentChanges: boolean;
  /**
   * The plan's cross-plan findings (from the workspace index, for this same version of the text): they get quick
   * fixes, "Ignore" and a place in the fix-all like the plan's own.
   */
  readonly crossFindings?: readonly Finding[];
}

/** Rules whose findings get no "Ignore" action: syntax errors must be fixed, and an unused suppression removed. */
const NOT_IGNORABLE = new Set([INTERNAL_ERROR, 'yaml-syntax', 'unused-suppression']);

export function codeActions(analysis: Analysis, params: CodeActionParams, ctx: FeatureContext, options: CodeActionOptions): CodeAction[] {
  const cross = options.crossFindings ?? [];
  return actionsFor(
    cross.length > 0 ? [...analysis.findings, ...cross] : analysis.findings, params, ctx, options,
    (diagnostic) => findingOf(analysis, diagnostic, ctx) ?? findingAt(cross, diagnostic, ctx),
    (finding) => ignoreEdit(analysis, finding),
  );
}

/** The code actions of a configuration file or roster: their `config` findings' fixes, and the fix-all. */
export function settingsCodeActions(findings: readonly Finding[], params: CodeActionParams, ctx: FeatureContext, options: CodeActionOptions): CodeAction[] {
  // Nothing in these files is suppressed by a comment: no "Ignore".
  return actionsFor(findings, params, ctx, options, (diagnostic) => findingAt(findings, diagnostic, ctx), () => undefined);
}

function actionsFor(
  findings: readonly Finding[], params: CodeActionParams, ctx: FeatureContext, options: CodeActionOptions,
  find: (diagnostic: Diagnostic) => Finding | undefined, ignoreOf: (finding: Finding) => Edit | undefined,
): CodeAction[] {
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    // Several findings of one rule on one line share a single "Ignore" action (it silences them all).
    const ignores = new Map<string, CodeAction>();
    for (const diagnostic of params.context.diagnostics ?? []) {
      const finding = find(diagnostic);
      if (!finding) continue;
      actions.push(...quickFixes(finding, ignoreOf(finding), diagnostic, ctx, options, ignores));
    }
  }
  // `only: ['source']` or `['source.fixAll']` must reach the fix-all too; with no `only`, offer it alongside.
  if (wants(only, FIX_ALL_KIND)) {
    const fixAll = fixAllAction(findings, ctx, options);
    if (fixAll) actions.push(fixAll);
  }
  return actions;
}

/** The fix-all action, or `undefined` when no safe fix applies. */
function fixAllAction(findings: readonly Finding[], ctx: FeatureContext, options: CodeActionOptions): CodeAction | undefined {
  const fixes = applicableSafeFixes(findings);
  if (fixes.length === 0) return undefined;
  return {
    title: fixes.length === 1 ? 'Fix the safe crmteam problem' : `Fix all ${fixes.length} safe crmteam problems`,
    kind: FIX_ALL_KIND,
    edit: workspaceEdit(fixes.flatMap((f) => f.edits), ctx, options.documentChanges),
  };
}

function quickFixes(
  finding: Finding, ignore: Edit | undefined, diagnostic: Diagnostic, ctx: FeatureContext, options: CodeActionOptions,
  ignores: Map<string, CodeAction>,
): CodeAction[] {
  const actions: CodeAction[] = [];
  let preferredGiven = false;
  for (const fix of finding.fixes) {
    if (fix.edits.length === 0) continue;
    // One preferred action per diagnostic: it is what "Auto Fix" applies without asking.
    const preferred: boolean = fix.preferred === true && !preferredGiven;
    preferredGiven ||= preferred;
    actions.push({
      title: fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      ...(preferred ? { isPreferred: true } : {}),
      edit: workspaceEdit(fix.edits, ctx, options.documentChanges),
    });
  }
  const key = ignore && `${finding.ruleId}\u0000${ignore.start}\u0000${ignore.end}\u0000${ignore.text}`;
  const shared = key !== undefined ? ignores.get(key) : undefined;
  if (shared) {
    shared.diagnostics!.push(diagnostic);
  } else if (ignore && key !== undefined) {
    const action: CodeAction = {
      title: `Ignore ${finding.ruleId} on this line`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: workspaceEdit([ignore], ctx, options.documentChanges),
    };
    ignores.set(key, action);
    actions.push(action);
  }
  return actions;
}

/**
 * A `# crmteam-disable-next-line <rule> -- reason` line above the finding's line, indented like it; when such a
 * comment is already there, the rule is added to it instead.
 */
export function ignoreEdit(analysis: Analysis, finding: Finding): Edit | undefined {
  if (NOT_IGNORABLE.has(finding.ruleId)) return undefined;
  const { model } = analysis;
  const text = model.text;
  const line = analysis.lines.lineOf(finding.range.start);
  const existing = analysis.suppressions.find((s) => s.kind === 'next-line' && s.line === line && s.ruleIds.length > 0);
  if (existing) {
    const last = existing.ruleIds[existing.ruleIds.length - 1]!;
    return { start: last.range.end, end: last.range.end, text: `, ${finding.ruleId}` };
  }
  const lineStart = analysis.lines.lineStart(line);
  // Inside a multi-line scalar a new line would become part of the value, not a comment.
  const node = model.locate(finding.range.start).node;
  if (node && isScalar(node) && node.range && node.range[0] < lineStart) return undefined;
  const edit = insertLineBefore(text, finding.range.start, `# crmteam-disable-next-line ${finding.ruleId} -- reason`);
  // A byte order mark stays the first character of the file.
  if (edit.start === 0 && text.startsWith('\uFEFF')) return { start: 1, end: 1, text: edit.text };
  return edit;
}

/** The finding a diagnostic was made from: by `data` when it is current, else by rule id and range. */
export function findingOf(analysis: Analysis, diagnostic: Diagnostic, ctx: FeatureContext): Finding | undefined {
  if (diagnostic.source !== undefined && diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const code = diagnostic.code;
  if (typeof code !== 'string') return undefined;
  const data = diagnosticData(diagnostic);
  if (data) {
    // A diagnostic of an older version: its fixes were computed for a text that no longer exists.
    if (data.version !== ctx.version) return undefined;
    const finding = analysis.findings[data.index];
    if (finding && finding.ruleId === code && sameRange(ctx.rangeOf(finding.range), diagnostic.range)) return finding;
    // The indexes moved (a settings change re-ran the rules): fall back to matching.
  }
  return findingAt(analysis.findings, diagnostic, ctx);
}

/** The finding of a diagnostic made without `data` (or whose `data` is stale): by rule id and range. */
function findingAt(findings: readonly Finding[], diagnostic: Diagnostic, ctx: FeatureContext): Finding | undefined {
  if (diagnostic.source !== undefined && diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  return findings.find((f) => f.ruleId === diagnostic.code && sameRange(ctx.rangeOf(f.range), diagnostic.range));
}

function wants(only: readonly string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

function sameRange(a: Range, b: Range | undefined): boolean {
  return !!b && a.start.line === b.start.line && a.start.character === b.start.character
    && a.end.line === b.end.line && a.end.character === b.end.character;
}
