// Per-rule severity overrides, as given by editor settings or `--rule id=level` on the command line.

import { LEVELS, type Level } from './finding';

/** Rule id → level. A Map, never a plain object, so ids such as `__proto__` cannot misbehave. */
export type RuleLevels = ReadonlyMap<string, Level>;

export function isLevel(value: unknown): value is Level {
  return typeof value === 'string' && (LEVELS as readonly string[]).includes(value);
}

/** Reads `{ "rule-id": "warning" }` from untrusted settings, ignoring entries that are not levels. */
export function ruleLevelsFromObject(value: unknown): Map<string, Level> {
  const levels = new Map<string, Level>();
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return levels;
  for (const [id, level] of Object.entries(value)) {
    if (isLevel(level)) levels.set(id, level);
  }
  return levels;
}
