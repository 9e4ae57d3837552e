// The contract every rule file fulfils: metadata (severity, docs, sources) and a `check` that reports findings.

import type { Fix, OffsetRange, RelatedPlace, Severity } from '../core/finding';
import type { YamlModel } from '../model/yamlModel';
import type { Plan } from '../plan/plan';
import type { Suppression } from '../model/suppressions';

/** The source articles (see server/src/knowledge/sources.ts). */
export type SourceId = '000' | '001' | '002' | '003' | '004';

export type RuleCategory = 'structure' | 'owners' | 'it-owner' | 'leadership' | 'technical' | 'data-and-rollout';

export interface RuleDocs {
  /** One sentence: what the rule checks. */
  readonly summary: string;
  /** Why it matters, in our own words, naming the source article. */
  readonly rationale: string;
  /** How to fix a finding, in words (the quick-fixes are described here too). */
  readonly howToFix: string;
  /** A complete plan on which the rule fires. */
  readonly bad: string;
  /** The same plan, corrected: the rule does not fire. */
  readonly good: string;
}

export interface RuleMeta {
  readonly id: string;
  readonly category: RuleCategory;
  readonly defaultSeverity: Severity;
  /** Whether the rule offers quick-fixes, and whether any of them is safe to apply without review. */
  readonly fixable: 'none' | 'unsafe' | 'safe';
  readonly sources: readonly SourceId[];
  readonly docs: RuleDocs;
  /** `unnecessary` fades the flagged text in editors (an unused definition). */
  readonly tags?: readonly 'unnecessary'[];
  /** Rules that judge other findings run after suppressions are applied (only `unused-suppression`). */
  readonly phase?: 'after-suppressions';
}

export interface Report {
  readonly range: OffsetRange;
  readonly message: string;
  readonly related?: readonly RelatedPlace[];
  readonly fixes?: readonly Fix[];
}

export interface RuleContext {
  readonly model: YamlModel;
  readonly plan: Plan;
  /** Suppression comments that silenced nothing (only for `after-suppressions` rules). */
  readonly unusedSuppressions: readonly UnusedSuppression[];
  report(report: Report): void;
}

export interface UnusedSuppression {
  readonly suppression: Suppression;
  /** The rule id in the comment that silenced nothing; `undefined` when the comment names no rule. */
  readonly ruleId: string | undefined;
}

export interface Rule {
  readonly meta: RuleMeta;
  check(context: RuleContext): void;
}

/** Identity function that gives rule files a typed, readable shape. */
export function defineRule(rule: Rule): Rule {
  return rule;
}
