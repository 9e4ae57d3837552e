// Suppression comments (docs/format.md, "Suppressing a finding"): `# crmteam-disable-next-line ID[, ID] -- reason` silences those rules on the
// next line, `# crmteam-disable ID -- reason` silences them in the whole file.

import { isScalar } from 'yaml';
import type { OffsetRange } from '../core/finding';
import type { YamlModel } from './yamlModel';

export interface Suppression {
  readonly kind: 'next-line' | 'file';
  readonly ruleIds: readonly SuppressedId[];
  /** The whole comment, from `#` to the end of its line. */
  readonly range: OffsetRange;
  /** For `next-line`: the 0-based line the comment silences. */
  readonly line: number;
  readonly reason?: string;
}

export interface SuppressedId {
  readonly id: string;
  readonly range: OffsetRange;
}

const DIRECTIVE = /#[ \t]*crmteam-(disable-next-line|disable)(?=[\s,]|$)([^\r\n]*)/g;

export function findSuppressions(model: YamlModel): Suppression[] {
  const text = model.text;
  if (!text.includes('crmteam-disable')) return [];
  const found: Suppression[] = [];
  for (const match of text.matchAll(DIRECTIVE)) {
    const start = match.index;
    // A `#` starts a comment only at the start of a line or after white space, and never inside a scalar.
    if (start > 0 && !/\s/.test(text[start - 1]!)) continue;
    const at = model.locate(start).node;
    if (at && isScalar(at) && at.range && start >= at.range[0] && start < at.range[1]) continue;
    const body = match[2] ?? '';
    const bodyStart = start + match[0].length - body.length;
    const separator = body.indexOf('--');
    const idsText = separator === -1 ? body : body.slice(0, separator);
    const reason = separator === -1 ? undefined : body.slice(separator + 2).trim();
    const ruleIds: SuppressedId[] = [];
    for (const idMatch of idsText.matchAll(/[^\s,]+/g)) {
      const idStart = bodyStart + idMatch.index;
      ruleIds.push({ id: idMatch[0], range: { start: idStart, end: idStart + idMatch[0].length } });
    }
    const end = start + match[0].trimEnd().length;
    found.push({
      kind: match[1] === 'disable' ? 'file' : 'next-line',
      ruleIds,
      range: { start, end },
      line: model.linePos(start).line + 1,
      ...(reason ? { reason } : {}),
    });
  }
  return found;
}
