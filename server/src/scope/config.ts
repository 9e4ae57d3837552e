// The configuration file `crmteam.config.yaml` (README, "Many plans"): read from text into data the engine uses, and
// checked by the `config` rule. Pure: the front ends find and read the file and say whether the roster exists.

import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Finding, Level, Severity } from '../core/finding';
import type { RuleLevels } from '../core/ruleOptions';
import { isLevel } from '../core/ruleOptions';
import { YamlModel, keyName } from '../model/yamlModel';
import { RULES, RULES_BY_ID } from '../rules/index';
import type { Report } from '../rules/rule';

export const CONFIG_FILE_NAME = 'crmteam.config.yaml';
export const DEFAULT_CAPACITY = 100;
const CAPACITY_PATTERN = /^([1-9][0-9]{0,3})%$/;

export interface Config {
  /** Default severities for the plans covered (only known rule ids with valid levels). */
  readonly rules: RuleLevels;
  /** The roster's path, relative to the configuration file, as written. */
  readonly roster?: string;
  /** Globs, relative to the configuration file, of plans not to check. */
  readonly ignore: readonly string[];
  /** The limit for `over-allocated-across-plans`, in percent. */
  readonly capacity: number;
}

export const DEFAULT_CONFIG: Config = Object.freeze({ rules: new Map<string, Level>(), ignore: Object.freeze([]), capacity: DEFAULT_CAPACITY });

export interface SettingsFileAnalysis {
  readonly model: YamlModel;
  /** `config` findings in the file itself. */
  readonly findings: readonly Finding[];
}

export interface ConfigAnalysis extends SettingsFileAnalysis {
  readonly config: Config;
}

export interface SettingsFileOptions {
  /** Whether a path relative to the file exists; without it, the roster path is not checked. */
  readonly exists?: (relativePath: string) => boolean;
  /** A person's or the command line's overrides: they may change the `config` rule's severity. */
  readonly levels?: RuleLevels;
}

export const KNOWN_RULE_IDS: readonly string[] = RULES.map((r) => r.meta.id);

export function analyzeConfig(text: string, options: SettingsFileOptions = {}): ConfigAnalysis {
  const model = new YamlModel(text);
  return { model, config: readConfig(model), findings: checkSettingsFile('config', model, options) };
}

/** Runs the `config` rule on a configuration file or a roster. */
export function checkSettingsFile(kind: 'config' | 'roster', model: YamlModel, options: SettingsFileOptions): Finding[] {
  const rule = RULES_BY_ID.get('config');
  if (!rule?.checkSettings) return [];
  const level = options.levels?.get('config') ?? rule.meta.defaultSeverity;
  if (level === 'off') return [];
  const reports: Report[] = [];
  rule.checkSettings({ kind, model, ...(options.exists ? { exists: options.exists } : {}), knownRuleIds: KNOWN_RULE_IDS, report: (r) => reports.push(r) });
  return reports
    .map((r): Finding => ({ ruleId: 'config', severity: level as Severity, message: r.message, range: r.range, related: r.related ?? [], fixes: r.fixes ?? [], tags: [] }))
    .sort((a, b) => a.range.start - b.range.start);
}

/** The configuration as data: what is valid is used, what is not is left out (and reported by `config`). */
function readConfig(model: YamlModel): Config {
  const root = model.root;
  if (!isMap(root)) return DEFAULT_CONFIG;
  const rules = new Map<string, Level>();
  const rulesNode = model.nodeAt(['rules']);
  if (isMap(rulesNode)) {
    for (const pair of rulesNode.items) {
      const id = keyName(pair.key);
      const value = model.resolve(pair.value as Node | undefined);
      if (RULES_BY_ID.has(id) && isScalar(value) && isLevel(value.value)) rules.set(id, value.value);
    }
  }
  const roster = model.nodeAt(['roster']);
  const ignore: string[] = [];
  const ignoreNode = model.nodeAt(['ignore']);
  if (isSeq(ignoreNode)) {
    for (const item of ignoreNode.items) {
      const node = model.resolve(item as Node);
      if (isScalar(node) && typeof node.value === 'string' && node.value.length > 0) ignore.push(node.value);
    }
  }
  const capacityNode = model.nodeAt(['capacity']);
  const capacity = isScalar(capacityNode) && typeof capacityNode.value === 'string' ? CAPACITY_PATTERN.exec(capacityNode.value) : null;
  return {
    rules,
    ...(isScalar(roster) && typeof roster.value === 'string' && roster.value.length > 0 ? { roster: roster.value } : {}),
    ignore,
    capacity: capacity ? Number(capacity[1]) : DEFAULT_CAPACITY,
  };
}
