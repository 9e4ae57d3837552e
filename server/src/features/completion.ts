// Completion: keys that may appear at the cursor and are not there yet, enum and boolean values, person ids wherever
// a person goes, and snippets for a new person, a new activity and a whole plan. The cursor's context is read by
// completion/context.ts; each kind of item has its own module. Never throws: anything odd gives an empty list.

import type { CompletionItem, CompletionList } from 'vscode-languageserver-types';
import type { Analysis } from '../engine/analyze';
import type { FeatureContext } from './context';
import { cursorContext, type KeyContext } from './completion/context';
import { keyItems } from './completion/keys';
import { personItems, slotAt } from './completion/people';
import { newActivity, newPerson, planSkeleton } from './completion/snippets';
import { valueItems } from './completion/values';

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

// Exceptions are not caught here: the server's request guard logs them and answers empty, so they get reported.
export function completion(analysis: Analysis, offset: number, ctx: FeatureContext): CompletionList {
  if (offset < 0 || offset > analysis.model.text.length) return EMPTY;
  return { isIncomplete: false, items: itemsAt(analysis, offset, ctx) };
}

function keyContextItems(analysis: Analysis, cursor: KeyContext, offset: number, ctx: FeatureContext): CompletionItem[] {
  const parent = cursor.parent;
  // A new line under a list of people, before its `- `: offer the ids as new items.
  const list = slotAt(parent, true);
  if (list && !cursor.flow) return personItems(analysis, { ...cursor, lead: `${cursor.lead}- ` }, list, offset, ctx);
  const items = keyItems(analysis, cursor, ctx);
  if (cursor.flow) return items;
  if (parent.length === 0 && cursor.emptyFile) items.push(planSkeleton(cursor, ctx));
  if (parent.length === 1 && parent[0] === 'people') items.push(newPerson(cursor, ctx));
  if (parent.length === 1 && parent[0] === 'activities') {
    const activity = newActivity(analysis, cursor, ctx);
    if (activity) items.push(activity);
  }
  return items;
}

function itemsAt(analysis: Analysis, offset: number, ctx: FeatureContext): CompletionItem[] {
  const cursor = cursorContext(analysis.model, offset);
  if (!cursor) return [];
  if (cursor.kind === 'key') return keyContextItems(analysis, cursor, offset, ctx);
  const slot = cursor.kind === 'item' ? slotAt(cursor.list, true) : slotAt(cursor.path, false);
  if (slot) return personItems(analysis, cursor, slot, offset, ctx);
  return cursor.kind === 'value' ? valueItems(cursor.path, cursor, ctx) : [];
}
