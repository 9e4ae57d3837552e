// The seed plans the fuzzers start from: the examples and every rule's invalid fixture, read from the repository.

import { readdirSync, readFileSync } from 'node:fs';
import { repoPath } from '../../harness/repo';

export interface SeedPlan { readonly name: string; readonly text: string }

export function seedPlans(): SeedPlan[] {
  const plans: SeedPlan[] = [];
  for (const file of readdirSync(repoPath('examples')).filter((f) => f.endsWith('.yaml')).sort()) {
    plans.push({ name: `examples/${file}`, text: readFileSync(repoPath('examples', file), 'utf8') });
  }
  for (const rule of readdirSync(repoPath('test', 'rules')).sort()) {
    try {
      plans.push({ name: `test/rules/${rule}/invalid.yaml`, text: readFileSync(repoPath('test', 'rules', rule, 'invalid.yaml'), 'utf8') });
    } catch {
      // A rule folder without invalid.yaml is the registry test's business.
    }
  }
  return plans;
}
