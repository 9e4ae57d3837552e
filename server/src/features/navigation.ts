// Navigation over person ids: definition, references, rename, highlights, plus the outline, folding and the
// name hints after each reference. Everything reads the cached analysis: `plan.references` knows every place a
// person is named, and `plan.people` where each one is defined.

import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import {
  DocumentHighlightKind, FoldingRangeKind, SymbolKind,
  type DocumentHighlight, type DocumentSymbol, type FoldingRange, type InlayHint, type Location, type Range,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { Analysis } from '../engine/analyze';
import type { Edit, OffsetRange } from '../core/finding';
import { scalarText } from '../model/edits';
import { contentEnd, keyName, type Path } from '../model/yamlModel';
import { isValidPersonId, PERSON_ID_MAX_LENGTH } from '../format/vocabulary';
import { workspaceEdit, type FeatureContext } from './context';

/** A person id under the cursor: on a reference, or on the key that defines it. */
export interface PersonAt {
  readonly id: string;
  /** The scalar under the cursor (with its quotes, if any). */
  readonly range: OffsetRange;
}

export function personAt(analysis: Analysis, offset: number): PersonAt | undefined {
  const ref = analysis.plan.references.find((r) => r.range.start <= offset && offset <= r.range.end);
  if (ref) return { id: ref.id, range: ref.range };
  const key = definitionKeys(analysis).find((k) => k.range.start <= offset && offset <= k.range.end);
  return key;
}

export function definition(analysis: Analysis, offset: number, ctx: FeatureContext): Location | null {
  const at = personAt(analysis, offset);
  const person = at ? analysis.plan.people.get(at.id) : undefined;
  return person ? { uri: ctx.uri, range: ctx.rangeOf(person.keyRange) } : null;
}

export function references(analysis: Analysis, offset: number, includeDeclaration: boolean, ctx: FeatureContext): Location[] {
  const at = personAt(analysis, offset);
  if (!at) return [];
  const ranges = [
    ...(includeDeclaration ? definitionKeys(analysis).filter((k) => k.id === at.id).map((k) => k.range) : []),
    ...referenceRanges(analysis, at.id),
  ];
  return ranges.map((range) => ({ uri: ctx.uri, range: ctx.rangeOf(range) }));
}

export function documentHighlights(analysis: Analysis, offset: number, ctx: FeatureContext): DocumentHighlight[] {
  const at = personAt(analysis, offset);
  if (!at) return [];
  return [
    ...definitionKeys(analysis).filter((k) => k.id === at.id).map((k) => ({ range: ctx.rangeOf(k.range), kind: DocumentHighlightKind.Write })),
    ...referenceRanges(analysis, at.id).map((range) => ({ range: ctx.rangeOf(range), kind: DocumentHighlightKind.Read })),
  ];
}

export function prepareRename(analysis: Analysis, offset: number, ctx: FeatureContext): { range: Range; placeholder: string } | null {
  const at = personAt(analysis, offset);
  return at ? { range: ctx.rangeOf(at.range), placeholder: at.id } : null;
}

export type RenameResult =
  | { readonly kind: 'edit'; readonly edit: WorkspaceEdit }
  | { readonly kind: 'refused'; readonly message: string }
  | { readonly kind: 'nothing' };

/** Renames a person: the key under `people` and every reference, each written in its original quoting. */
export function rename(analysis: Analysis, offset: number, newName: string, ctx: FeatureContext, documentChanges: boolean): RenameResult {
  const at = personAt(analysis, offset);
  if (!at) return { kind: 'nothing' };
  const wanted = newName.trim();
  if (!isValidPersonId(wanted)) {
    return {
      kind: 'refused',
      message: `'${newName}' is not a valid person id: use lower-case letters, digits, '.', '_' and '-', start with a letter, and keep it to ${PERSON_ID_MAX_LENGTH} characters.`,
    };
  }
  if (wanted !== at.id && analysis.plan.people.has(wanted)) {
    return { kind: 'refused', message: `A person with the id '${wanted}' is already defined under people; choose another id.` };
  }
  const text = analysis.model.text;
  const ranges = [...definitionKeys(analysis).filter((k) => k.id === at.id).map((k) => k.range), ...referenceRanges(analysis, at.id)];
  const edits: Edit[] = ranges.map((r) => ({ start: r.start, end: r.end, text: scalarText(wanted, text.slice(r.start, r.end)) }));
  return { kind: 'edit', edit: workspaceEdit(edits, ctx, documentChanges) };
}

export function inlayHints(analysis: Analysis, range: OffsetRange, ctx: FeatureContext): InlayHint[] {
  if (!ctx.settings.inlayHints.enabled) return [];
  const hints: InlayHint[] = [];
  const seen = new Set<number>();
  for (const ref of analysis.plan.references) {
    if (ref.range.end < range.start || ref.range.start > range.end || seen.has(ref.range.end)) continue;
    const person = analysis.plan.person(ref.id);
    if (!person?.name) continue;
    seen.add(ref.range.end);
    hints.push({
      position: ctx.positionAt(ref.range.end),
      label: person.name,
      paddingLeft: true,
      ...(person.title ? { tooltip: person.title } : {}),
    });
  }
  return hints;
}

// ---- outline ----

export function documentSymbols(analysis: Analysis, ctx: FeatureContext): DocumentSymbol[] {
  const root = analysis.model.root;
  if (!isMap(root)) return [];
  const symbols: DocumentSymbol[] = [];
  for (const pair of root.items) {
    const name = keyName(pair.key);
    const symbol = sectionSymbol(analysis, pair, name, ctx);
    if (symbol) symbols.push(symbol);
  }
  return symbols;
}

function sectionSymbol(analysis: Analysis, pair: Pair<unknown, unknown>, name: string, ctx: FeatureContext): DocumentSymbol | undefined {
  const { plan } = analysis;
  const value = analysis.model.resolve(pair.value as Node | null);
  const children = (kind: SymbolKind, detail: (key: string, child: Pair<unknown, unknown>) => string | undefined, grandchildren?: (key: string, child: Pair<unknown, unknown>) => DocumentSymbol[]) =>
    isMap(value)
      ? value.items.flatMap((child) => {
        const key = keyName(child.key);
        const symbol = pairSymbol(analysis, child, key, kind, ctx, detail(key, child), grandchildren?.(key, child));
        return symbol ? [symbol] : [];
      })
      : [];
  switch (name) {
    case 'project':
      return pairSymbol(analysis, pair, name, SymbolKind.Module, ctx, plan.project.name,
        children(SymbolKind.Property, (_, child) => scalarDetail(child.value)));
    case 'people':
      return pairSymbol(analysis, pair, name, SymbolKind.Namespace, ctx, undefined,
        children(SymbolKind.Variable, (id) => plan.people.get(id)?.name));
    case 'roles':
      return pairSymbol(analysis, pair, name, SymbolKind.Namespace, ctx, undefined,
        children(SymbolKind.Property, (role) => holders(analysis, ['roles', role]), (role, child) => {
          const staff = analysis.model.resolve(child.value as Node | null);
          if (role !== 'technicalStaff' || !isMap(staff)) return [];
          return staff.items.flatMap((fnPair) => {
            const fn = keyName(fnPair.key);
            const symbol = pairSymbol(analysis, fnPair, fn, SymbolKind.Property, ctx, holders(analysis, ['roles', role, fn]));
            return symbol ? [symbol] : [];
          });
        }));
    case 'partners':
      return pairSymbol(analysis, pair, name, SymbolKind.Namespace, ctx, undefined,
        children(SymbolKind.Object, (partner) => {
          const organization = analysis.model.nodeAt(['partners', partner, 'organization']);
          return isScalar(organization) && typeof organization.value === 'string' ? organization.value : undefined;
        }));
    case 'activities':
      return pairSymbol(analysis, pair, name, SymbolKind.Namespace, ctx, undefined,
        children(SymbolKind.Event, (activity) => holders(analysis, ['activities', activity, 'owner'])));
    default:
      return pairSymbol(analysis, pair, name, SymbolKind.Property, ctx, scalarDetail(pair.value));
  }
}

function pairSymbol(
  analysis: Analysis, pair: Pair<unknown, unknown>, name: string, kind: SymbolKind, ctx: FeatureContext,
  detail?: string, children?: DocumentSymbol[],
): DocumentSymbol | undefined {
  const key = pair.key as Node | null;
  if (!key?.range) return undefined;
  const selection = { start: key.range[0], end: key.range[1] };
  const value = pair.value as Node | null;
  const end = value?.range ? contentEnd(analysis.model.text, selection.end, value.range[1]) : selection.end;
  return {
    // VS Code rejects a symbol with an empty name.
    name: name === '' ? '""' : name,
    kind,
    range: ctx.rangeOf({ start: selection.start, end }),
    selectionRange: ctx.rangeOf(selection),
    ...(detail ? { detail } : {}),
    ...(children && children.length > 0 ? { children } : {}),
  };
}

/** The names (or ids, for unknown people) of everyone referenced under `path`, in document order. */
function holders(analysis: Analysis, path: Path): string | undefined {
  const { plan } = analysis;
  const ids = new Set<string>();
  for (const ref of plan.references) if (startsWith(ref.path, path)) ids.add(ref.id);
  const names = [...ids].map((id) => plan.people.get(id)?.name ?? id);
  return names.length > 0 ? names.join(', ') : undefined;
}

function scalarDetail(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  return String(node.value);
}

// ---- folding ----

export function foldingRanges(analysis: Analysis, ctx: FeatureContext): FoldingRange[] {
  const text = analysis.model.text;
  const lineOf = (offset: number) => ctx.positionAt(offset).line;
  const byStart = new Map<number, FoldingRange>();
  const add = (start: number, valueEnd: number, kind?: FoldingRangeKind) => {
    const startLine = lineOf(start);
    const endLine = lineOf(Math.max(start, contentEnd(text, start, valueEnd) - 1));
    if (endLine <= startLine) return;
    const known = byStart.get(startLine);
    if (!known || known.endLine < endLine) byStart.set(startLine, { startLine, endLine, ...(kind ? { kind } : {}) });
  };
  // An explicit stack rather than recursion: a deeply nested document must not overflow the call stack.
  const stack: unknown[] = [analysis.model.root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        const value = pair.value as Node | null;
        if (!value?.range) continue;
        add(key?.range?.[0] ?? value.range[0], value.range[1]);
        stack.push(value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) {
        const child = item as Node | null;
        if (!child?.range) continue;
        if (isMap(child) || isSeq(child)) add(child.range[0], child.range[1]);
        stack.push(child);
      }
    }
  }
  // Blocks of two or more whole-line comments fold too.
  const lines = analysis.lines;
  let first = -1;
  for (let index = 0; index < lines.lineCount; index++) {
    const isComment = /^\s*#/.test(lines.lineText(index));
    if (isComment && first < 0) first = index;
    if (!isComment || index === lines.lineCount - 1) {
      const last = isComment ? index : index - 1;
      if (first >= 0 && last > first && !byStart.has(first)) byStart.set(first, { startLine: first, endLine: last, kind: FoldingRangeKind.Comment });
      if (!isComment) first = -1;
    }
  }
  return [...byStart.values()].sort((a, b) => a.startLine - b.startLine);
}

// ---- helpers ----

/** Every key under `people` (duplicates included), as id and key range. */
function definitionKeys(analysis: Analysis): PersonAt[] {
  const people = analysis.model.nodeAt(['people']);
  if (!isMap(people)) return [];
  return people.items.flatMap((pair) => {
    const key = pair.key as Node | null;
    const id = keyName(pair.key);
    return key?.range && id !== '' ? [{ id, range: { start: key.range[0], end: key.range[1] } }] : [];
  });
}

/** The places `id` is referenced, each once: references through an alias share their anchor's range. */
function referenceRanges(analysis: Analysis, id: string): OffsetRange[] {
  const seen = new Set<number>();
  const ranges: OffsetRange[] = [];
  for (const ref of analysis.plan.references) {
    if (ref.id !== id || seen.has(ref.range.start)) continue;
    seen.add(ref.range.start);
    ranges.push(ref.range);
  }
  return ranges;
}

function startsWith(path: Path, prefix: Path): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => path[i] === segment);
}

