// Finds the plans to check: explicit files, folders searched for *.crmteam.yaml / *.crmteam.yml, and globs.

import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { UsageError } from './args';

const PLAN_GLOB = '**/*.crmteam.{yaml,yml}';
const IGNORE = ['**/node_modules/**', '**/.git/**'];

/** Absolute paths of the plans named by the patterns, sorted and without duplicates. */
export function findPlanFiles(patterns: readonly string[], cwd: string): string[] {
  const found = new Set<string>();
  for (const pattern of patterns) {
    const absolute = isAbsolute(pattern) ? pattern : resolve(cwd, pattern);
    let stats;
    try {
      stats = statSync(absolute);
    } catch {
      stats = undefined;
    }
    if (stats?.isDirectory()) {
      const plans = globSync(PLAN_GLOB, { cwd: absolute, absolute: true, dot: true, ignore: IGNORE, onlyFiles: true });
      if (plans.length === 0) throw new UsageError(`No team plans (*.crmteam.yaml or *.crmteam.yml) under \`${pattern}\`.`);
      for (const plan of plans) found.add(resolve(plan));
    } else if (stats?.isFile()) {
      found.add(absolute);
    } else if (isDynamicPattern(pattern)) {
      const matches = globSync(pattern, { cwd, absolute: true, dot: true, ignore: IGNORE, onlyFiles: true });
      if (matches.length === 0) throw new UsageError(`No files match \`${pattern}\`.`);
      for (const match of matches) found.add(resolve(match));
    } else {
      throw new UsageError(`Cannot find \`${pattern}\`: no such file or folder.`);
    }
  }
  return [...found].sort();
}

/** The path to show: relative to the working folder when inside it, with forward slashes. */
export function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  const shown = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
  return shown.split('\\').join('/');
}
