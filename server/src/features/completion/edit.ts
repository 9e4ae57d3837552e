// Shared pieces of completion items: the edit that replaces the partial word, and snippet text.

import type { TextEdit } from 'vscode-languageserver-types';
import type { Plan } from '../../plan/plan';
import { isValidPersonId } from '../../format/vocabulary';
import type { FeatureContext } from '../context';
import type { CursorContext } from './context';

/** Replaces the partial word around the cursor (ids contain `.` and `-`, which editors do not count as word characters). */
export function replace(cursor: CursorContext, newText: string, ctx: FeatureContext): TextEdit {
  return { range: ctx.rangeOf(cursor.word), newText };
}

/** Text that stands for itself inside a snippet. */
export function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, (c) => `\\${c}`);
}

function escapeChoice(text: string): string {
  return text.replace(/[$}\\,|]/g, (c) => `\\${c}`);
}

/** `${n|a,b,c|}`, or `${n:placeholder}` when there is nothing to choose from. */
export function choice(n: number, values: readonly string[], placeholder = ''): string {
  const unique = [...new Set(values)];
  if (unique.length === 0) return placeholder === '' ? `$${n}` : `\${${n}:${escapeSnippet(placeholder)}}`;
  return `\${${n}|${unique.map(escapeChoice).join(',')}|}`;
}

/** Valid ids of the defined people, in document order: the choices of a person placeholder. */
export function personIds(plan: Plan): string[] {
  return plan.peopleInOrder().map((p) => p.id).filter(isValidPersonId);
}

/** Indents every line after the first by `column` spaces: items are inserted as they are (`InsertTextMode.asIs`). */
export function indentBlock(text: string, column: number): string {
  return text.replace(/\n/g, `\n${' '.repeat(column)}`);
}
