// Navigation across the files of a scope (README, "Many plans"): definition of a roster person in the roster, references in
// every plan of the scope, rename of a roster person in the roster and every plan (one WorkspaceEdit), and a person's
// load across the scope's plans for the hover. Built on the workspace index's facts; the document's own answer (from
// features/navigation.ts) stays as it is and is extended.

import type { Hover, Location, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { scalarText } from '../model/edits';
import { referencesTo, refersTo, type Place, type PlanFacts } from '../plan/facts';
import { isValidPersonId } from '../format/vocabulary';
import type { WorkspaceIndex } from './workspace';

type Scope = NonNullable<ReturnType<WorkspaceIndex['scopeOf']>>;

const rangeOfPlace = (p: Place): Range => ({ start: { line: p.line, character: p.character }, end: { line: p.endLine, character: p.endCharacter } });

function rosterKey(scope: Scope, id: string): Place | undefined {
  return scope.roster?.facts.people.find((p) => p.id === id)?.key;
}

/** Where a roster person is defined, when the plan itself does not define them. */
export function rosterDefinition(scope: Scope, id: string): Location | null {
  const key = rosterKey(scope, id);
  return key && scope.rosterUri ? { uri: scope.rosterUri, range: rangeOfPlace(key) } : null;
}

/** References to `id` in the scope's other plans (and its definitions there and in the roster, when asked). */
export function scopeReferences(scope: Scope, uri: string, id: string, includeDeclaration: boolean): Location[] {
  const found: Location[] = [];
  if (includeDeclaration && scope.rosterUri) {
    const key = rosterKey(scope, id);
    if (key) found.push({ uri: scope.rosterUri, range: rangeOfPlace(key) });
  }
  for (const plan of scope.plans) {
    if (plan.uri === uri) continue;
    for (const place of placesOf(plan.facts, id, includeDeclaration)) found.push({ uri: plan.uri, range: rangeOfPlace(place) });
  }
  return found;
}

function placesOf(facts: PlanFacts, id: string, withDefinitions: boolean): Place[] {
  return [
    ...(withDefinitions ? facts.people.filter((p) => p.id === id).map((p) => p.key) : []),
    ...referencesTo(facts, id),
  ].sort((a, b) => a.start - b.start);
}

export type ScopeRename = { kind: 'edit'; edit: WorkspaceEdit } | { kind: 'refused'; message: string } | { kind: 'local' };

/**
 * Renames a roster person everywhere: the roster's key and every definition and reference in the scope's plans, in one
 * WorkspaceEdit. `local` when the id is not a roster person (the document's own rename applies). `textOf` gives a
 * file's current text (the open document's, else the file's), to keep each place's quoting.
 */
export async function scopeRename(
  scope: Scope, id: string, newName: string, textOf: (uri: string) => Promise<string | undefined>,
  versionOf: (uri: string) => number | null, documentChanges: boolean,
): Promise<ScopeRename> {
  if (!rosterKey(scope, id) || !scope.rosterUri) return { kind: 'local' };
  const wanted = newName.trim();
  if (!isValidPersonId(wanted)) return { kind: 'local' };
  if (wanted === id) return { kind: 'local' };
  const taken = [
    ...(rosterKey(scope, wanted) ? [scope.rosterUri] : []),
    ...scope.plans.filter((p) => p.facts.people.some((x) => x.id === wanted) || refersTo(p.facts, wanted)).map((p) => p.uri),
  ];
  if (taken.length > 0) {
    const where = taken.map((u) => decodeURIComponent(u.slice(u.lastIndexOf('/') + 1))).join(', ');
    return { kind: 'refused', message: `The id '${wanted}' is already used in this configuration's plans or roster (${where}); choose another id.` };
  }
  const files: [string, Place[]][] = [
    [scope.rosterUri, [rosterKey(scope, id)!]],
    ...scope.plans.map((p): [string, Place[]] => [p.uri, placesOf(p.facts, id, true)]),
  ];
  const changes: Record<string, TextEdit[]> = {};
  const docs: { textDocument: { uri: string; version: number | null }; edits: TextEdit[] }[] = [];
  for (const [file, places] of files) {
    if (places.length === 0) continue;
    const text = await textOf(file);
    if (text === undefined) return { kind: 'refused', message: `Cannot read ${file}, so the rename could not reach every file; nothing was changed.` };
    const edits = places.map((p) => ({ range: rangeOfPlace(p), newText: scalarText(wanted, text.slice(p.start, p.end)) }));
    changes[file] = edits;
    docs.push({ textDocument: { uri: file, version: versionOf(file) }, edits });
  }
  return { kind: 'edit', edit: documentChanges ? { documentChanges: docs } : { changes } };
}

/** The person's stated load in every plan of the scope, for the hover; undefined when they have none elsewhere. */
export function scopeLoad(scope: Scope, uri: string, id: string): string | undefined {
  const rows: string[] = [];
  let total = 0;
  let elsewhere = false;
  for (const plan of scope.plans) {
    const percent = plan.facts.allocations.filter((a) => a.id === id).reduce((sum, a) => sum + a.percent, 0);
    if (percent === 0) continue;
    if (plan.uri !== uri) elsewhere = true;
    total += percent;
    rows.push(`- ${decodeURIComponent(plan.uri.slice(plan.uri.lastIndexOf('/') + 1))}${plan.uri === uri ? ' (this plan)' : ''}: ${percent}%`);
  }
  if (!elsewhere) return undefined;
  return `**Load across the plans of this configuration:** ${total}% in total\n${rows.join('\n')}`;
}

/** The hover with the scope's load appended. */
export function withScopeLoad(hover: Hover | null, load: string | undefined): Hover | null {
  if (!hover || !load) return hover;
  const contents = hover.contents;
  if (typeof contents === 'object' && contents !== null && 'kind' in contents) {
    return { ...hover, contents: { kind: contents.kind, value: `${contents.value}\n\n${load}` } };
  }
  return hover;
}
