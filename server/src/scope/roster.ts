// The roster (README, "Many plans"): people shared by the plans of a configuration, in the format of a plan's `people`.
// Read by the plan reader itself, so a roster person is exactly what a plan person is.

import type { Finding } from '../core/finding';
import { YamlModel } from '../model/yamlModel';
import { Plan, type Person } from '../plan/plan';
import { checkSettingsFile, type SettingsFileAnalysis, type SettingsFileOptions } from './config';
import { planFacts, type PlanFacts } from '../plan/facts';

export const ROSTER_MARKER = 'crmteam-roster';

export interface Roster extends SettingsFileAnalysis {
  readonly people: ReadonlyMap<string, Person>;
  readonly facts: PlanFacts;
  readonly findings: readonly Finding[];
}

export function analyzeRoster(text: string, options: SettingsFileOptions = {}): Roster {
  const model = new YamlModel(text);
  const plan = new Plan(model);
  return { model, people: plan.people, facts: planFacts(plan), findings: checkSettingsFile('roster', model, options) };
}

/** Whether a YAML text is a roster (its first key is `crmteam-roster`), for files that are not named by convention. */
export function looksLikeRoster(text: string): boolean {
  return /^(?:\uFEFF)?(?:\s*#[^\n]*\n|\s*\n)*crmteam-roster\s*:/.test(text);
}
