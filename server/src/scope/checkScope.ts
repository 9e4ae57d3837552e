// The cross-plan pass (README, "Many plans"): the scope rules over the facts of every plan of one configuration's scope,
// then each plan's suppression comments. A pure function of the facts: the CLI runs it once per scope, the language
// server again whenever a plan, the configuration or the roster of the scope changes.

import type { Finding, Severity } from '../core/finding';
import type { RuleLevels } from '../core/ruleOptions';
import { RULES } from '../rules/index';
import type { ScopeReport } from '../rules/rule';
import type { Config } from './config';
import type { Place, PlanFacts } from '../plan/facts';

export interface ScopeInput {
  /** Every plan of the scope that is checked, named by its path relative to the configuration's folder. */
  readonly plans: readonly { readonly file: string; readonly facts: PlanFacts }[];
  readonly roster?: { readonly file: string; readonly facts: PlanFacts };
  readonly config: Config;
  /** The severities in force for the scope (the configuration's, with any overrides). */
  readonly levels: RuleLevels;
}

/** A cross-plan finding, with the places of the finding and of its related information (which may be in other files). */
export interface ScopeFinding {
  readonly finding: Finding;
  readonly at: Place;
  /** Parallel to `finding.related`. */
  readonly relatedAt: readonly Place[];
}

/** The cross-plan findings of each plan (by file), after its suppressions; plans with none are left out. */
export function checkScope(input: ScopeInput): Map<string, ScopeFinding[]> {
  const raw = new Map<string, ScopeFinding[]>();
  for (const rule of RULES) {
    if (rule.meta.scope !== 'scope' || !rule.checkScope) continue;
    const level = input.levels.get(rule.meta.id) ?? rule.meta.defaultSeverity;
    if (level === 'off') continue;
    const report = (file: string, r: ScopeReport) => {
      const finding: Finding = {
        ruleId: rule.meta.id,
        severity: level as Severity,
        message: r.message,
        range: { start: r.at.start, end: r.at.end },
        related: r.related.map((x) => ({ file: x.file, range: { start: x.at.start, end: x.at.end }, message: x.message })),
        fixes: [],
        tags: [],
      };
      const list = raw.get(file) ?? [];
      list.push({ finding, at: r.at, relatedAt: r.related.map((x) => x.at) });
      raw.set(file, list);
    };
    rule.checkScope({
      plans: input.plans,
      ...(input.roster ? { roster: input.roster } : {}),
      capacity: input.config.capacity,
      report,
    });
  }

  const result = new Map<string, ScopeFinding[]>();
  for (const { file, facts } of input.plans) {
    const used = new Set<string>();
    const kept = (raw.get(file) ?? []).filter((f) => {
      let silenced = false;
      facts.suppressions.forEach((s, i) => {
        if (s.kind === 'next-line' && s.line !== f.at.line) return;
        s.ids.forEach((id, j) => {
          if (id === f.finding.ruleId) {
            silenced = true;
            used.add(`${i}:${j}`);
          }
        });
      });
      return !silenced;
    });
    for (const pending of facts.pendingUnused) {
      if (!used.has(pending.key)) kept.push({ finding: pending.finding, at: pending.at, relatedAt: [] });
    }
    if (kept.length > 0) result.set(file, kept.sort((a, b) => a.at.start - b.at.start || a.finding.ruleId.localeCompare(b.finding.ruleId)));
  }
  return result;
}
