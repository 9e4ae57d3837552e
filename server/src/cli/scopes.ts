// The CLI's side of many plans (README, "Many plans"): finds each plan's configuration (the nearest crmteam.config.yaml, walking up to
// the filesystem root), reads it and its roster, lists the plans of its scope, and turns the cross-plan findings into
// reported findings. The checks themselves are the engine's (scope/).

import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { globSync } from 'tinyglobby';
import { decodePlan } from '../core/decode';
import type { RuleLevels } from '../core/ruleOptions';
import { analyzeConfig, CONFIG_FILE_NAME, type ConfigAnalysis } from '../scope/config';
import type { ScopeFinding } from '../scope/checkScope';
import { isIgnored } from '../scope/folder';
import { analyzeRoster, type Roster } from '../scope/roster';
import type { ReportedFinding } from './lint';
import { report, reportedAt } from './lint';

export interface ScopeSetup {
  readonly configPath: string;
  readonly config: ConfigAnalysis;
  readonly configText: string;
  readonly rosterPath?: string;
  readonly roster?: Roster;
  readonly rosterText?: string;
}

export interface ScopeMode {
  readonly noConfig: boolean;
  /** `--config <file>`, absolute. */
  readonly explicit?: string;
  /** `--rule` overrides (they may change the `config` rule's severity). */
  readonly levels: RuleLevels;
}

const PLAN_GLOB = '**/*.crmteam.{yaml,yml}';
const IGNORE = ['**/node_modules/**', '**/.git/**'];

export class Scopes {
  private readonly nearest = new Map<string, string | undefined>();
  private readonly setups = new Map<string, ScopeSetup | undefined>();
  /** Notes for standard error: configurations or rosters that could not be read. */
  readonly notes: string[] = [];

  constructor(private readonly mode: ScopeMode) {}

  /** The configuration that applies to a plan (absolute path), if any. */
  configPathFor(plan: string): string | undefined {
    if (this.mode.noConfig) return undefined;
    if (this.mode.explicit !== undefined) return this.mode.explicit;
    return this.nearestFrom(dirname(plan));
  }

  private nearestFrom(dir: string): string | undefined {
    if (this.nearest.has(dir)) return this.nearest.get(dir);
    const candidate = join(dir, CONFIG_FILE_NAME);
    let found: string | undefined;
    // Anything by that name counts, so that a configuration that cannot be read is reported rather than skipped.
    if (exists(candidate)) found = candidate;
    else {
      const parent = dirname(dir);
      found = parent === dir ? undefined : this.nearestFrom(parent);
    }
    this.nearest.set(dir, found);
    return found;
  }

  /** The configuration and roster, read once; undefined (with a note) when the configuration cannot be read. */
  setup(configPath: string): ScopeSetup | undefined {
    if (this.setups.has(configPath)) return this.setups.get(configPath);
    const configText = readText(configPath);
    let setup: ScopeSetup | undefined;
    if (configText === undefined) {
      this.notes.push(`Cannot read the configuration \`${configPath}\`; the plans it covers are checked with the defaults.`);
    } else {
      const dir = dirname(configPath);
      const config = analyzeConfig(configText, { exists: (rel) => isFile(resolve(dir, rel)), levels: this.mode.levels });
      const rosterPath = config.config.roster === undefined ? undefined : resolve(dir, config.config.roster);
      const rosterText = rosterPath === undefined || !isFile(rosterPath) ? undefined : readText(rosterPath);
      if (rosterPath !== undefined && isFile(rosterPath) && rosterText === undefined) {
        this.notes.push(`Cannot read the roster \`${rosterPath}\`; its people are unknown to the plans of \`${configPath}\`.`);
      }
      setup = { configPath, config, configText };
      if (rosterPath !== undefined && rosterText !== undefined) {
        // Analysed when first asked for: the lint's workers analyse it themselves, and the main thread needs it only
        // for the cross-plan pass and the summary, which run while the workers check plans.
        let roster: Roster | undefined;
        const levels = this.mode.levels;
        setup = Object.defineProperties({ ...setup, rosterPath, rosterText } as ScopeSetup, {
          roster: { enumerable: true, get: () => (roster ??= analyzeRoster(rosterText, { levels })) },
        });
      }
    }
    this.setups.set(configPath, setup);
    return setup;
  }

  /** A plan's path as the scope names it: relative to the configuration's folder, with `/`. */
  scopeName(configPath: string, plan: string): string {
    return relative(dirname(configPath), plan).split(sep).join('/');
  }

  isIgnored(configPath: string, plan: string): boolean {
    const setup = this.setup(configPath);
    return setup !== undefined && isIgnored(setup.config.config.ignore, this.scopeName(configPath, plan));
  }

  /**
   * Every plan of the scope: under the configuration's folder, covered by it and not ignored. With `--config`, the
   * scope is the plans named on the command line.
   */
  members(configPath: string, requested: readonly string[]): string[] {
    if (this.mode.explicit !== undefined) return requested.filter((p) => !this.isIgnored(configPath, p));
    const found = globSync(PLAN_GLOB, { cwd: dirname(configPath), absolute: true, dot: true, ignore: IGNORE, onlyFiles: true }).map((p) => resolve(p));
    return found.filter((p) => this.configPathFor(p) === configPath && !this.isIgnored(configPath, p)).sort();
  }
}

/** A cross-plan finding as the CLI reports it; related places in other files are named by their display path. */
export function reportScopeFinding(scopeFinding: ScopeFinding, displayOf: (scopeName: string) => string): ReportedFinding {
  const { finding, at, relatedAt } = scopeFinding;
  return reportedAt(finding, at, finding.related.map((r, i) => ({
    line: relatedAt[i]!.line,
    character: relatedAt[i]!.character,
    message: r.message,
    ...(r.file !== undefined ? { file: displayOf(r.file) } : {}),
  })));
}

/** The findings of a configuration or roster file, for the report. */
export function settingsFileFindings(analysis: { model: { readonly lines: Parameters<typeof report>[0] }; findings: readonly Parameters<typeof report>[1][] }): ReportedFinding[] {
  return analysis.findings.map((f) => report(analysis.model.lines, f));
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function readText(path: string): string | undefined {
  try {
    return decodePlan(readFileSync(path)).text;
  } catch {
    return undefined;
  }
}
