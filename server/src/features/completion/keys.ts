// Keys that may appear at the cursor and are not there yet, from the schema's `properties`. Each comes with the
// guidance for that key as documentation, and inserts `key: ` followed by a value placeholder that fits it: a choice
// of values for enums and booleans, a choice of person ids where a person goes, the required keys of a mapping.

import { CompletionItemKind, InsertTextFormat, InsertTextMode, type CompletionItem } from 'vscode-languageserver-types';
import type { Analysis } from '../../engine/analyze';
import type { Path } from '../../model/yamlModel';
import { allowedKeysAt } from '../../schema/lookup';
import type { FeatureContext } from '../context';
import { allowedValues, keyMarkdown, schemaAt, shortDescription } from '../explain';
import type { KeyContext } from './context';
import { own } from '../../core/own';
import { choice, indentBlock, replace } from './edit';
import { rankedIds, slotAt } from './people';


function requiredKeys(path: Path): string[] {
  const node = schemaAt(path);
  const required = own(node, 'required');
  return Array.isArray(required) ? required.filter((k): k is string => typeof k === 'string') : [];
}

/** What follows the key name: `: ` and a placeholder shaped like the value the key takes. */
function valueSnippet(analysis: Analysis, path: Path, flow: boolean): string {
  const slot = slotAt(path, false);
  if (slot) {
    const ids = rankedIds(analysis.plan, slot);
    return slot.wrap ? `: [${choice(1, ids)}]` : `: ${choice(1, ids)}`;
  }
  if (path.length === 2 && path[0] === 'activities') {
    const ids = rankedIds(analysis.plan, slotAt([...path, 'owner'], false));
    return flow
      ? `: { owner: ${choice(1, ids)}, participants: [$2] }`
      : `:\n  owner: ${choice(1, ids)}\n  participants: [$2]`;
  }
  const values = allowedValues(path);
  if (values.length === 1) return `: ${values[0]!.value}`;
  if (values.length > 1) {
    const byDefault = own(schemaAt(path), 'default');
    const first = values.filter((v) => String(byDefault) === v.value);
    return `: ${choice(1, [...first, ...values].map((v) => v.value))}`;
  }
  const node = schemaAt(path);
  const type = own(node, 'type');
  if (type === 'array') return ': [$1]';
  if (type === 'object') {
    const required = requiredKeys(path);
    if (flow) return required.length > 0 ? `: { ${required.map((k, i) => `${k}: $${i + 1}`).join(', ')} }` : ': { $1 }';
    return required.length > 0 ? `:\n${required.map((k, i) => `  ${k}: $${i + 1}`).join('\n')}` : ':\n  $1';
  }
  return ': $1';
}

export function keyItems(analysis: Analysis, cursor: KeyContext, ctx: FeatureContext): CompletionItem[] {
  const keys = allowedKeysAt(cursor.parent).filter((k) => !cursor.present.has(k));
  const required = new Set(requiredKeys(cursor.parent));
  return keys.map((key, index): CompletionItem => {
    const path = [...cursor.parent, key];
    const detail = shortDescription(path);
    const documentation = keyMarkdown(path, ctx.docsBase);
    const rest = cursor.colonFollows ? '' : indentBlock(valueSnippet(analysis, path, cursor.flow), cursor.column);
    return {
      label: key,
      kind: CompletionItemKind.Property,
      ...(required.has(key) ? { labelDetails: { description: 'required' } } : {}),
      ...(detail !== undefined ? { detail } : {}),
      ...(documentation !== undefined ? { documentation: { kind: 'markdown', value: documentation } } : {}),
      // Required keys first, then the schema's order.
      sortText: `${required.has(key) ? 0 : 1}${String(index).padStart(3, '0')}`,
      filterText: key,
      insertTextFormat: rest === '' ? InsertTextFormat.PlainText : InsertTextFormat.Snippet,
      insertTextMode: InsertTextMode.asIs,
      textEdit: replace(cursor, `${cursor.lead}${key}${rest}`, ctx),
    };
  });
}
