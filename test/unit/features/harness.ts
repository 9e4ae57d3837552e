// Feature fixtures: a `.yaml` case with `$0` at the cursor, analysed as a real document, and the feature's answer
// rendered as text for a golden file (`.expected.md` for hovers, `.expected.json` for completions).

import { readdirSync, readFileSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, CompletionList, Hover, MarkupContent, Range } from 'vscode-languageserver-types';
import { analyze, type Analysis } from '../../../server/src/engine/analyze';
import { DEFAULT_SETTINGS } from '../../../server/src/common/settings';
import type { FeatureContext } from '../../../server/src/features/context';
import { featureContext } from '../../../server/src/lsp/convert';
import { repoPath } from '../../harness/repo';

export const DOCS_BASE = 'https://crmteam.example/docs/rules';
export const CURSOR = '$0';

export interface FeatureCase {
  readonly name: string;
  readonly text: string;
  readonly offset: number;
  readonly analysis: Analysis;
  readonly ctx: FeatureContext;
  readonly document: TextDocument;
}

export function caseDir(kind: 'hover' | 'completion'): string {
  return repoPath('test', 'fixtures', 'features', kind);
}

export function caseNames(kind: 'hover' | 'completion'): string[] {
  return readdirSync(caseDir(kind))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}

export function loadCase(kind: 'hover' | 'completion', name: string): FeatureCase {
  const raw = readFileSync(`${caseDir(kind)}/${name}.yaml`, 'utf8');
  const offset = raw.indexOf(CURSOR);
  if (offset < 0 || raw.indexOf(CURSOR, offset + 1) >= 0) throw new Error(`${name}.yaml must hold exactly one ${CURSOR}`);
  const text = raw.slice(0, offset) + raw.slice(offset + CURSOR.length);
  const document = TextDocument.create(`file:///fixtures/${name}.crmteam.yaml`, 'crmteam-yaml', 1, text);
  const analysis = analyze(text);
  return { name, text, offset, analysis, ctx: featureContext({ uri: document.uri, version: document.version, lines: analysis.lines }, DEFAULT_SETTINGS, DOCS_BASE), document };
}

function showRange(document: TextDocument, range: Range | undefined): string {
  if (!range) return 'none';
  const text = document.getText(range);
  return `${range.start.line + 1}:${range.start.character + 1}-${range.end.line + 1}:${range.end.character + 1} ${JSON.stringify(text)}`;
}

export function hoverMarkdown(hover: Hover | null): string {
  return hover ? (hover.contents as MarkupContent).value : '';
}

export function renderHover(c: FeatureCase, hover: Hover | null): string {
  if (!hover) return '<!-- no hover -->\n';
  return `<!-- range: ${showRange(c.document, hover.range)} -->\n\n${hoverMarkdown(hover)}\n`;
}

function docOf(item: CompletionItem): string | undefined {
  const doc = item.documentation;
  if (doc === undefined) return undefined;
  const value = typeof doc === 'string' ? doc : doc.value;
  const first = value.split('\n').find((l) => l.trim() !== '') ?? '';
  return `${first} (${value.length} chars)`;
}

/** The items in the order an editor shows them before filtering (by `sortText`, then label). */
export function sortedItems(list: CompletionList): CompletionItem[] {
  return [...list.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label) || a.label.localeCompare(b.label));
}

export function renderCompletion(c: FeatureCase, list: CompletionList): string {
  const items = sortedItems(list).map((item) => {
    const edit = item.textEdit && 'range' in item.textEdit ? item.textEdit : undefined;
    return {
      label: item.label,
      kind: item.kind,
      ...(item.labelDetails ? { labelDetails: item.labelDetails } : {}),
      ...(item.detail !== undefined ? { detail: item.detail } : {}),
      ...(item.preselect ? { preselect: true } : {}),
      ...(edit ? { replaces: showRange(c.document, edit.range), newText: edit.newText } : {}),
      snippet: item.insertTextFormat === 2,
      ...(docOf(item) !== undefined ? { documentation: docOf(item) } : {}),
    };
  });
  return `${JSON.stringify({ isIncomplete: list.isIncomplete, items }, null, 2)}\n`;
}

/** The text after accepting `item` (snippet syntax left as it is). */
export function applyItem(c: FeatureCase, item: CompletionItem): string {
  const edit = item.textEdit && 'range' in item.textEdit ? item.textEdit : undefined;
  if (!edit) return c.text;
  return c.text.slice(0, c.document.offsetAt(edit.range.start)) + edit.newText + c.text.slice(c.document.offsetAt(edit.range.end));
}

/** Expands snippet syntax the simple way: placeholders and choices become their first value, tab stops vanish. */
export function expandSnippet(text: string): string {
  const values = new Map<string, string>();
  let out = text.replace(/\$\{(\d+)\|([^|]*)\|\}/g, (_, n: string, list: string) => {
    const first = list.split(',')[0] ?? '';
    values.set(n, first);
    return first;
  });
  for (let pass = 0; pass < 3; pass++) {
    out = out.replace(/\$\{(\d+):([^{}]*)\}/g, (_, n: string, def: string) => {
      values.set(n, def);
      return def;
    });
  }
  return out.replace(/\$(\d+)/g, (_, n: string) => values.get(n) ?? '').replace(/\\([$}\\,|])/g, '$1');
}
