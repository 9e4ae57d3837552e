// Hover: what the key or value under the cursor means. Role, function and activity keys get the guidance from
// `knowledge/`; a person id, wherever it appears, gets the person's card; enum values get what that value changes;
// any other key gets the schema's description. When the cursor is on a finding, the rule's summary and a link to
// its page follow.

import { isScalar } from 'yaml';
import type { Hover } from 'vscode-languageserver-types';
import type { Analysis } from '../engine/analyze';
import type { Finding, OffsetRange } from '../core/finding';
import { rangeOf } from '../model/yamlModel';
import { RULES_BY_ID } from '../rules/index';
import { ruleDocsHref, type FeatureContext } from './context';
import { keyMarkdown, unknownKeyMarkdown, valueMarkdown } from './explain';
import { personCard } from './personCard';

// Exceptions are not caught here: the server's request guard logs them and answers empty, so they get reported.
export function hover(analysis: Analysis, offset: number, ctx: FeatureContext): Hover | null {
  return hoverAt(analysis, offset, ctx);
}

interface Subject {
  readonly markdown?: string;
  readonly range: OffsetRange;
}

function contains(range: OffsetRange, offset: number): boolean {
  return range.start === range.end ? offset === range.start : offset >= range.start && offset < range.end;
}

function subjectAt(analysis: Analysis, offset: number, ctx: FeatureContext): Subject | undefined {
  const { model, plan } = analysis;
  // A person id used as a reference, wherever it is: in a role, a list, a flow mapping, a partner field.
  const ref = plan.references.find((r) => contains(r.range, offset));
  if (ref) return { markdown: personCard(plan, ref.id), range: ref.range };

  const location = model.locate(offset);
  const range = rangeOf(location.node);
  if (!range || !contains(range, offset)) return undefined;
  const path = location.path;
  if (location.on === 'key') {
    if (path.length === 2 && path[0] === 'people') return { markdown: personCard(plan, String(path[1])), range };
    return { ...optional(keyMarkdown(path, ctx.docsBase) ?? unknownKeyMarkdown(path, ctx.docsBase)), range };
  }
  if (location.on === 'value' && isScalar(location.node)) {
    const value = location.node.value;
    if (value === null || typeof value === 'object') return undefined;
    // An enum value explains itself; any other value explains the key it belongs to.
    const markdown = valueMarkdown(path, String(value), ctx.docsBase) ?? keyMarkdown(path, ctx.docsBase);
    return { ...optional(markdown), range };
  }
  return undefined;
}

function optional(markdown: string | undefined): { markdown?: string } {
  return markdown === undefined ? {} : { markdown };
}

function findingSection(finding: Finding, ctx: FeatureContext): string {
  const rule = RULES_BY_ID.get(finding.ruleId);
  if (!rule) return `**\`${finding.ruleId}\`** (${finding.severity}): ${finding.message}`;
  return (
    `**Check \`${finding.ruleId}\`** (${finding.severity}): ${rule.meta.docs.summary}\n\n` +
    `[Read the rule page](${ruleDocsHref(ctx, finding.ruleId)}) for why it matters and how to fix it.`
  );
}

function hoverAt(analysis: Analysis, offset: number, ctx: FeatureContext): Hover | null {
  const subject = subjectAt(analysis, offset, ctx);
  const seen = new Set<string>();
  const findings = analysis.findings.filter((f) => {
    if (!contains(f.range, offset) || seen.has(f.ruleId)) return false;
    seen.add(f.ruleId);
    return true;
  });
  const blocks: string[] = [];
  if (subject?.markdown !== undefined) blocks.push(subject.markdown);
  for (const finding of findings) blocks.push(findingSection(finding, ctx));
  if (blocks.length === 0) return null;
  const range = subject?.range ?? findings[0]?.range;
  return {
    contents: { kind: 'markdown', value: blocks.join('\n\n---\n\n') },
    ...(range ? { range: ctx.rangeOf(range) } : {}),
  };
}
