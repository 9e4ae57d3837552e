// What every feature function receives besides the analysis: settings, where the rule pages are, and the
// document's offset/position conversion (from lsp/convert.ts, the one place that does it).

import type { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { Edit, OffsetRange } from '../core/finding';
import type { Settings } from '../common/settings';

export interface FeatureContext {
  /** The document's URI, for locations and workspace edits. */
  readonly uri: string;
  /** The document version the analysis belongs to. */
  readonly version: number;
  /** URL of the folder holding `docs/rules/<id>.md`, without a trailing slash (a `file:` URI by default). */
  readonly docsBase: string;
  /** The settings for this document's resource. */
  readonly settings: Settings;
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
  rangeOf(range: OffsetRange): Range;
}

/** The address of a rule's documentation page. */
export function ruleDocsHref(ctx: Pick<FeatureContext, 'docsBase'>, ruleId: string): string {
  return `${ctx.docsBase}/${encodeURIComponent(ruleId)}.md`;
}

/**
 * The address of the format reference, `docs/format.md`, which sits next to the folder of rule pages; `section` is
 * a heading's anchor (`project`, `assignments`).
 */
export function formatDocsHref(ctx: Pick<FeatureContext, 'docsBase'>, section?: string): string {
  const base = ctx.docsBase.replace(/\/+$/, '');
  const docs = base.endsWith('/rules') ? base.slice(0, -'/rules'.length) : `${base}/..`;
  return `${docs}/format.md${section ? `#${section}` : ''}`;
}

/** Offset edits on this document as a workspace edit: versioned `documentChanges` when the client takes them. */
export function workspaceEdit(edits: readonly Edit[], ctx: FeatureContext, documentChanges: boolean): WorkspaceEdit {
  // A stable sort: insertions at the same offset keep the order they were given in.
  const textEdits: TextEdit[] = [...edits]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((e) => ({ range: ctx.rangeOf(e), newText: e.text }));
  if (documentChanges) {
    return { documentChanges: [{ textDocument: { uri: ctx.uri, version: ctx.version }, edits: textEdits }] };
  }
  return { changes: { [ctx.uri]: textEdits } };
}
