// The contract every rule file fulfils: metadata (severity, docs, sources) and a `check` that reports findings.

import type { Fix, OffsetRange, RelatedPlace, Severity } from '../core/finding';
import type { YamlModel } from '../model/yamlModel';
import type { Plan } from '../plan/plan';
import type { PlanFacts, Place } from '../plan/facts';
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
  /**
   * What the rule looks at: one plan (the default); all plans of a configuration's scope together (`scope`, run by
   * `checkScope` after each plan's analysis); or the configuration file and the roster themselves (`settings`).
   */
  readonly scope?: 'scope' | 'settings';
  /** For rules that are not about one plan: files that show the rule firing and not firing (name → text). */
  readonly examples?: { readonly bad: Readonly<Record<string, string>>; readonly good: Readonly<Record<string, string>> };
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
  /** Rules with `scope: 'scope'`: the plans of one configuration's scope, read together. */
  checkScope?(context: ScopeContext): void;
  /** Rules with `scope: 'settings'`: a configuration file or a roster. */
  checkSettings?(context: SettingsContext): void;
}

/** A plan of a scope, named by its path relative to the configuration file's folder, as the scope rules see it. */
export interface ScopePlan {
  readonly file: string;
  readonly facts: PlanFacts;
}

export interface ScopeContext {
  readonly plans: readonly ScopePlan[];
  /** The roster's people (places in the roster's text), when the configuration names a readable roster. */
  readonly roster?: { readonly file: string; readonly facts: PlanFacts };
  /** The configuration's `capacity`, in percent. */
  readonly capacity: number;
  /** Reports a finding in the plan `file`, at a place of its facts; related places may be in other files. */
  report(file: string, report: ScopeReport): void;
}

/**
 * The most related places a cross-plan finding lists. A person shared by 200 plans would otherwise give each of the
 * 200 findings 199 related places: unreadable in an editor's problem list and quadratic in the size of a scope. The
 * message still counts every plan; the person's hover and `crmteam report` show the whole load.
 */
export const MAX_RELATED_PLACES = 5;

export interface ScopeReport {
  readonly at: Place;
  readonly message: string;
  readonly related: readonly { readonly file: string; readonly at: Place; readonly message: string }[];
}

export interface SettingsContext {
  readonly kind: 'config' | 'roster';
  readonly model: YamlModel;
  /** Whether a path relative to the file exists (the configuration's `roster`); absent when that cannot be known. */
  readonly exists?: (relativePath: string) => boolean;
  /** Every rule id, for the configuration's `rules`. */
  readonly knownRuleIds: readonly string[];
  report(report: Report): void;
}

/** Identity function that gives rule files a typed, readable shape. */
export function defineRule(rule: Rule): Rule {
  return rule;
}

/** A rule over the plans of a scope: nothing to check in one plan alone. */
export function defineScopeRule(rule: { meta: RuleMeta; checkScope(context: ScopeContext): void }): Rule {
  return { ...rule, meta: { ...rule.meta, scope: 'scope' }, check: () => undefined };
}

/** A rule about the configuration file and the roster, not about plans. */
export function defineSettingsRule(rule: { meta: RuleMeta; checkSettings(context: SettingsContext): void }): Rule {
  return { ...rule, meta: { ...rule.meta, scope: 'settings' }, check: () => undefined };
}
