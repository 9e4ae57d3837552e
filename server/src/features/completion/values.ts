// Values of enums, booleans and constants, from the schema: each with its one-line description as detail and the
// guidance for that value (or the schema's long description) as documentation.

import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver-types';
import type { Path } from '../../model/yamlModel';
import type { FeatureContext } from '../context';
import { allowedValues, schemaAt, valueMarkdown } from '../explain';
import type { CursorContext } from './context';
import { replace } from './edit';

export function valueItems(path: Path, cursor: CursorContext, ctx: FeatureContext): CompletionItem[] {
  const values = allowedValues(path);
  const byDefault = (schemaAt(path) ?? {})['default'];
  return values.map((v, index): CompletionItem => {
    const isDefault = byDefault !== undefined && String(byDefault) === v.value;
    const documentation = valueMarkdown(path, v.value, ctx.docsBase) ?? v.long;
    return {
      label: v.value,
      kind: v.value === 'true' || v.value === 'false' ? CompletionItemKind.Value : CompletionItemKind.EnumMember,
      ...(v.short !== undefined ? { detail: v.short } : {}),
      ...(isDefault ? { labelDetails: { description: 'default' } } : {}),
      ...(documentation !== undefined ? { documentation: { kind: 'markdown', value: documentation } } : {}),
      sortText: String(index).padStart(3, '0'),
      filterText: v.value,
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: replace(cursor, `${cursor.lead}${v.value}`, ctx),
    };
  });
}
