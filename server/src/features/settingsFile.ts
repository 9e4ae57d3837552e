// Editor features of the configuration file (crmteam.config.yaml) and the roster: their `config` findings, hovers on
// rule ids (the rule's summary and a link to its page) and on keys, and completion of keys, rule ids and severities.

import {
  CompletionItemKind, MarkupKind,
  type CompletionItem, type CompletionList, type Diagnostic, type Hover,
} from 'vscode-languageserver-types';
import { isMap } from 'yaml';
import { LEVELS } from '../core/finding';
import { keyName, rangeOf, YamlModel } from '../model/yamlModel';
import { RULES, RULES_BY_ID } from '../rules/index';
import { own } from '../core/own';
import { allowedKeysAt, schemaAtPath, type SchemaNode } from '../schema/lookup';
import configSchema from '../../../schemas/crmteam.config.schema.json';
import rosterSchema from '../../../schemas/crmteam.roster.schema.json';
import { CONFIG_FILE_NAME, type SettingsFileAnalysis } from '../scope/config';
import { looksLikeRoster } from '../scope/roster';
import { ruleDocsHref, type FeatureContext } from './context';
import { toDiagnostic } from './diagnostics';

export type SettingsKind = 'config' | 'roster';

/** Whether a document is a configuration file or a roster rather than a plan. */
export function settingsKindOf(uri: string, text: string): SettingsKind | undefined {
  const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  if (name === CONFIG_FILE_NAME) return 'config';
  return looksLikeRoster(text) ? 'roster' : undefined;
}

const ROOTS: Record<SettingsKind, SchemaNode> = {
  config: configSchema as unknown as SchemaNode,
  roster: rosterSchema as unknown as SchemaNode,
};

export function settingsDiagnostics(analysis: Pick<SettingsFileAnalysis, 'findings'>, ctx: FeatureContext): Diagnostic[] {
  return analysis.findings.map((finding, index) => {
    const diagnostic = toDiagnostic(finding, index, ctx);
    // Code actions find these findings again by rule id and range (settingsCodeActions), not through `data`.
    delete diagnostic.data;
    return diagnostic;
  });
}

export function settingsHover(kind: SettingsKind, text: string, offset: number, ctx: FeatureContext): Hover | null {
  const model = new YamlModel(text);
  const at = model.locate(offset);
  if (at.on !== 'key' || !at.node) return null;
  const range = rangeOf(at.node);
  const path = at.path;
  if (kind === 'config' && path.length === 2 && path[0] === 'rules') {
    const id = String(path[1]);
    const rule = RULES_BY_ID.get(id);
    const value = rule
      ? `**\`${id}\`** (default: ${rule.meta.defaultSeverity}): ${rule.meta.docs.summary}\n\n[Read the rule page](${ruleDocsHref(ctx, id)})`
      : `\`${id}\` is not a rule id. \`crmteam rules\` lists them.`;
    return { contents: { kind: MarkupKind.Markdown, value }, ...(range ? { range: ctx.rangeOf(range) } : {}) };
  }
  const schema = schemaAtPath(path, ROOTS[kind]);
  const description = schema ? own(schema, 'markdownDescription') ?? own(schema, 'description') : undefined;
  if (typeof description !== 'string') return null;
  return { contents: { kind: MarkupKind.Markdown, value: `**${String(path[path.length - 1])}**\n\n${description}` }, ...(range ? { range: ctx.rangeOf(range) } : {}) };
}

/** Completion by the line being typed: top-level keys, rule ids under `rules:`, severities after a rule id. */
export function settingsCompletion(kind: SettingsKind, text: string, offset: number): CompletionList {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const model = new YamlModel(text);
  const empty: CompletionList = { isIncomplete: false, items: [] };
  if (/^[A-Za-z-]*$/.test(before)) {
    const present = isMap(model.root) ? new Set(model.root.items.map((p) => keyName(p.key))) : new Set<string>();
    const items = allowedKeysAt([], ROOTS[kind]).filter((k) => !present.has(k)).map((key): CompletionItem => {
      const schema = schemaAtPath([key], ROOTS[kind]);
      const detail = schema ? own(schema, 'description') : undefined;
      return { label: key, kind: CompletionItemKind.Property, insertText: `${key}: `, ...(typeof detail === 'string' ? { detail } : {}) };
    });
    return { isIncomplete: false, items };
  }
  if (kind !== 'config' || !underRules(text, lineStart)) return empty;
  const valueMatch = /^\s+([a-z0-9-]+):\s*[a-z]*$/.exec(before);
  if (valueMatch) {
    const rule = RULES_BY_ID.get(valueMatch[1]!);
    return {
      isIncomplete: false,
      items: LEVELS.map((level) => ({
        label: level,
        kind: CompletionItemKind.EnumMember,
        ...(rule?.meta.defaultSeverity === level ? { detail: 'the default' } : {}),
      })),
    };
  }
  if (/^\s+[a-z0-9-]*$/.test(before)) {
    const rules = model.nodeAt(['rules']);
    const present = new Set(isMap(rules) ? rules.items.map((p) => keyName(p.key)) : []);
    return {
      isIncomplete: false,
      items: RULES.filter((r) => !present.has(r.meta.id)).map((r) => ({
        label: r.meta.id,
        kind: CompletionItemKind.Value,
        detail: `default: ${r.meta.defaultSeverity}`,
        documentation: r.meta.docs.summary,
        insertText: `${r.meta.id}: `,
      })),
    };
  }
  return empty;
}

/** Whether the line starting at `lineStart` is inside the top-level `rules:` mapping (by indentation). */
function underRules(text: string, lineStart: number): boolean {
  const lines = text.slice(0, lineStart).split('\n').reverse();
  for (const line of lines) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (/^\S/.test(line)) return /^rules\s*:\s*(#.*)?$/.test(line);
  }
  return false;
}

