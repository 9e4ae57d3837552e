// The engine: text in, findings out. The CLI, the language server and the tests all call `analyze`.

import type { Finding, Level, OffsetRange, Severity } from '../core/finding';
import { LineIndex } from '../core/lines';
import { findSuppressions, type Suppression } from '../model/suppressions';
import type { RuleLevels } from '../core/ruleOptions';
import { isMap, isScalar } from 'yaml';
import { YamlModel } from '../model/yamlModel';
import { isPossible } from '../model/edits';
import { Plan } from '../plan/plan';
import { isPlanShaped } from '../schema/planShape';
import { RULES, RULES_BY_ID } from '../rules/index';
import type { Report, Rule, UnusedSuppression } from '../rules/rule';
import { placeOf, planFacts, type PlanFacts } from '../plan/facts';
import type { Person } from '../plan/plan';

/** The rules that run while the YAML is broken; `schema` then reports only what lies before the first mistake. */
const BROKEN_YAML_RULES: ReadonlySet<string> = new Set(['yaml-syntax', 'schema']);

/** Findings of the engine itself rather than of a rule: a rule that crashed, a file too large to analyse. */
export const INTERNAL_ERROR = 'internal-error';

/**
 * Plans above this size are not analysed in full: parsing grows with size, and the editor must stay responsive.
 * 4 MB is about 130,000 lines of a realistic plan, far beyond the largest plans seen in practice.
 */
export const MAX_ANALYSED_LENGTH = 4_000_000;

/** What the engine reads of a configuration file (scope/config.ts has the whole of it). */
export interface ConfigLevels {
  readonly rules: RuleLevels;
}

/** What the engine reads of a roster (scope/roster.ts has the whole of it). */
export interface RosterPeople {
  readonly people: ReadonlyMap<string, Person>;
}

export interface AnalyzeOptions {
  /** A person's or a command line's severity overrides by rule id; `off` disables a rule. They win over `config`. */
  readonly levels?: RuleLevels;
  /** The configuration file that covers the plan (README, "Many plans"): its `rules` are the default severities. */
  readonly config?: ConfigLevels;
  /** The roster that covers the plan: its people may be referenced without being defined. */
  readonly roster?: RosterPeople;
  /** Called when a rule throws, for logging; the engine reports it as a finding either way. */
  readonly onRuleError?: (ruleId: string, error: unknown) => void;
}

export interface Analysis {
  readonly model: YamlModel;
  readonly plan: Plan;
  readonly findings: readonly Finding[];
  readonly suppressions: readonly Suppression[];
  /** The severities in force: the configuration's, overridden by the person's or the command line's. */
  readonly levels: RuleLevels;
  /** What the cross-plan rules need from this plan. */
  readonly facts: PlanFacts;
  /** The line index of the analysed text: every position shown to a user comes from it. */
  readonly lines: LineIndex;
}

/** Severity precedence (README, "Many plans"): the overrides (`--rule`, `crmteam.rules`) over the configuration's `rules`. */
export function effectiveLevels(config: ConfigLevels | undefined, overrides: RuleLevels | undefined): RuleLevels {
  if (!config || config.rules.size === 0) return overrides ?? new Map<string, Level>();
  return new Map([...config.rules, ...(overrides ?? [])]);
}

export function levelOf(levels: RuleLevels, rule: Rule): Level {
  return levels.get(rule.meta.id) ?? rule.meta.defaultSeverity;
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const levels = effectiveLevels(options.config, options.levels);

  if (text.length > MAX_ANALYSED_LENGTH) return tooLarge(text, levels);

  const model = new YamlModel(text);
  const plan = new Plan(model, options.roster?.people);
  const fixable = structureCanBeEdited(model);

  const runRule = (rule: Rule, unusedSuppressions: readonly UnusedSuppression[], into: Finding[]) => {
    const level = levelOf(levels, rule);
    if (level === 'off') return;
    const reports: Report[] = [];
    try {
      rule.check({ model, plan, unusedSuppressions, report: (r) => reports.push(r) });
    } catch (error) {
      options.onRuleError?.(rule.meta.id, error);
      into.push(internalFinding(model.firstKeyRange(), `The check \`${rule.meta.id}\` stopped on this file (${describe(error)}); every other check still ran. Please report this.`));
      return;
    }
    for (const r of reports) into.push(toFinding(rule, level, fixable ? r : { ...r, fixes: [] }));
  };

  // An empty file (nothing, only comments, or `{}`) is a plan not yet started: the schema rule says how to begin, and the
  // guidance rules would only repeat that every role is missing.
  const root = model.root;
  const empty = root === null || root === undefined || (isScalar(root) && root.value === null) || (isMap(root) && root.items.length === 0);
  // While the YAML is broken, what looks missing may only be hidden by the mistake: only the syntax and the format
  // are checked, and the format only before the first mistake (docs/rules/yaml-syntax.md).
  // YAML that is not a team plan at all (a mapping of unrelated keys) gets the structure checks only.
  const broken = model.brokenAt !== undefined;
  const guidance = !empty && isPlanShaped(model);
  const runs = (rule: Rule): boolean =>
    broken ? BROKEN_YAML_RULES.has(rule.meta.id) : guidance || rule.meta.category === 'structure';
  const early: Finding[] = [];
  for (const rule of RULES) {
    if (rule.meta.scope !== undefined) continue;
    if (rule.meta.phase === undefined && runs(rule)) runRule(rule, [], early);
  }

  const suppressions = findSuppressions(model);
  const { kept, used } = applySuppressions(early, suppressions, model);

  // Findings about suppressions can themselves be suppressed (`# crmteam-disable unused-suppression`), and a comment
  // that silences one of them has been used too: repeat until no more comments turn out to be used (twice at most,
  // since a comment silencing such a finding cannot itself be silenced by another).
  let lateKept: Finding[] = [];
  let unused: UnusedSuppression[] = [];
  for (let pass = 0; pass < 3; pass++) {
    const late: Finding[] = [];
    unused = unusedSuppressions(suppressions, used, levels);
    const settledHere = unused.filter((u) => !isScopeRuleId(u.ruleId));
    // On broken YAML most rules did not run, so a comment silencing them is not unused: nothing judges comments then.
    if (!broken) for (const rule of RULES) if (rule.meta.phase === 'after-suppressions') runRule(rule, settledHere, late);
    const result = applySuppressions(late, suppressions, model);
    lateKept = result.kept;
    const before = used.size;
    for (const key of result.used) used.add(key);
    if (used.size === before) break;
  }

  // Ids of cross-plan rules are settled by the cross-plan pass, which alone knows whether they silenced anything:
  // here each gets the finding it would give, and `checkScope` reports those that stay unused.
  const pending: { key: string; finding: Finding; at: ReturnType<typeof placeOf> }[] = [];
  const unusedRule = RULES_BY_ID.get('unused-suppression');
  const scopeIds = unused.filter((u) => isScopeRuleId(u.ruleId));
  if (!broken && unusedRule && scopeIds.length > 0 && levelOf(levels, unusedRule) !== 'off') {
    for (const u of scopeIds) {
      const into: Finding[] = [];
      unusedRule.check({ model, plan, unusedSuppressions: [u], report: (r) => into.push(toFinding(unusedRule, levelOf(levels, unusedRule) as Severity, r)) });
      const index = suppressions.indexOf(u.suppression);
      const j = u.suppression.ruleIds.findIndex((r) => r.id === u.ruleId);
      for (const finding of into) pending.push({ key: `${index}:${j}`, finding, at: placeOf(model, finding.range) });
    }
  }

  return {
    model,
    plan,
    findings: sortAndDedupe([...kept, ...lateKept]),
    suppressions,
    lines: model.lines,
    levels,
    facts: planFacts(plan, suppressions, pending),
  };
}

function isScopeRuleId(id: string | undefined): boolean {
  return id !== undefined && RULES_BY_ID.get(id)?.meta.scope === 'scope';
}

/** Splits findings into those kept and those silenced, and notes which suppression ids (`index:position`) were used. */
export function applySuppressions(
  findings: readonly Finding[],
  suppressions: readonly Suppression[],
  model: YamlModel,
): { kept: Finding[]; used: Set<string> } {
  const used = new Set<string>();
  if (suppressions.length === 0) return { kept: [...findings], used };
  const kept = findings.filter((finding) => {
    const line = model.linePos(finding.range.start).line;
    let silenced = false;
    suppressions.forEach((s, index) => {
      if (s.kind === 'next-line' && s.line !== line) return;
      s.ruleIds.forEach((r, j) => {
        if (r.id === finding.ruleId) {
          silenced = true;
          used.add(`${index}:${j}`);
        }
      });
    });
    return !silenced;
  });
  return { kept, used };
}

/** The suppression ids that silenced nothing, leaving out rules the user turned off (they may be needed elsewhere). */
function unusedSuppressions(suppressions: readonly Suppression[], used: ReadonlySet<string>, levels: RuleLevels): UnusedSuppression[] {
  const unused: UnusedSuppression[] = [];
  suppressions.forEach((suppression, index) => {
    if (suppression.ruleIds.length === 0) unused.push({ suppression, ruleId: undefined });
    suppression.ruleIds.forEach((r, j) => {
      if (used.has(`${index}:${j}`)) return;
      const rule = RULES_BY_ID.get(r.id);
      if (rule && levelOf(levels, rule) === 'off') return;
      unused.push({ suppression, ruleId: r.id });
    });
  });
  return unused;
}

/**
 * Whether fixes may be offered. They add keys to the plan's mappings: when the document is a list, a lone scalar or
 * a set there is no mapping to add them to, and appending `people:` after it would only break the YAML.
 */
function structureCanBeEdited(model: YamlModel): boolean {
  // On YAML that does not parse, the node ranges a fix is computed from are the parser's guesses: an edit placed by
  // them can break the file further. Fix the syntax first; a duplicate key leaves the structure intact.
  if (model.problems.some((p) => p.code !== 'DUPLICATE_KEY')) return false;
  const root = model.root;
  if (root === null || root === undefined) return true;
  if (isScalar(root)) return root.value === null;
  // A `!!set` or `!!omap` is a mapping to the parser but cannot take `key: value` pairs.
  return isMap(root) && (root.tag === undefined || root.tag === 'tag:yaml.org,2002:map');
}

export function toFinding(rule: Rule, level: Severity, report: Report): Finding {
  return {
    ruleId: rule.meta.id,
    severity: level,
    message: report.message,
    range: report.range,
    related: report.related ?? [],
    // Builders mark edits they cannot make instead of guessing; such a fix is not offered.
    fixes: (report.fixes ?? []).filter((fix) => fix.edits.length > 0 && fix.edits.every(isPossible)),
    tags: rule.meta.tags ?? [],
  };
}

function internalFinding(range: OffsetRange, message: string): Finding {
  return { ruleId: INTERNAL_ERROR, severity: 'error', message, range, related: [], fixes: [], tags: [] };
}

function tooLarge(text: string, levels: RuleLevels): Analysis {
  const model = new YamlModel('');
  const megabytes = (text.length / 1_000_000).toFixed(1);
  const finding = internalFinding(
    { start: 0, end: Math.min(text.length, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n')) },
    `This file has ${megabytes} million characters; plans over ${MAX_ANALYSED_LENGTH / 1_000_000} million are too large for full analysis and were not checked. Split the plan into smaller files.`,
  );
  // The model is empty, but positions are still those of the text the user has.
  const plan = new Plan(model);
  return { model, plan, findings: [finding], suppressions: [], lines: new LineIndex(text), levels, facts: planFacts(plan) };
}

export function sortAndDedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings
    .sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message))
    .filter((f) => {
      const key = `${f.ruleId}\u0000${f.range.start}\u0000${f.range.end}\u0000${f.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
