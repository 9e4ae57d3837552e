// Names shared by every front end (which files are plans, configurations; which plans a configuration ignores) and
// `checkFolder`, the whole many-plans check over files held in memory: the rule pages' multi-file examples, the
// rule fixtures and the tests use it, and it is the reference the CLI and the language server must agree with.

import { minimatch } from 'minimatch';
import type { Finding } from '../core/finding';
import type { RuleLevels } from '../core/ruleOptions';
import { analyze, sortAndDedupe, type Analysis } from '../engine/analyze';
import { analyzeConfig, CONFIG_FILE_NAME, type ConfigAnalysis } from './config';
import { analyzeRoster, type Roster } from './roster';
import { checkScope } from './checkScope';

/** `*.crmteam.yaml`, `*.crmteam.yml`, or a bare `.crmteam.yaml` / `.crmteam.yml`. */
export function isPlanFileName(name: string): boolean {
  return /(^|\.)crmteam\.ya?ml$/.test(name) && name !== CONFIG_FILE_NAME;
}

export function isConfigFileName(name: string): boolean {
  return name === CONFIG_FILE_NAME;
}

/** Whether a plan, given by its path relative to the configuration's folder (with `/`), matches an `ignore` glob. */
export function isIgnored(ignore: readonly string[], relativePath: string): boolean {
  return ignore.some((glob) => minimatch(relativePath, glob, { dot: true }));
}

/** Splits the text of a multi-file example (`# file: name` lines start each file) into files. */
export function splitFolderText(text: string): Map<string, string> {
  const files = new Map<string, string>();
  let name: string | undefined;
  let lines: string[] = [];
  const flush = () => { if (name !== undefined) files.set(name, lines.join('\n')); };
  for (const line of text.split('\n')) {
    const header = /^# file: (\S+)\s*$/.exec(line);
    if (header) {
      flush();
      name = header[1]!;
      lines = [];
    } else {
      lines.push(line);
    }
  }
  flush();
  for (const [file, content] of files) files.set(file, content.endsWith('\n') ? content : `${content}\n`);
  return files;
}

export interface FolderCheck {
  /** Findings per file: plans (with their cross-plan findings), configurations and rosters. */
  readonly findings: Map<string, Finding[]>;
  readonly analyses: Map<string, Analysis>;
}

/**
 * Checks every plan among `files` (paths with `/`, relative to one root) as the CLI checks a folder: each plan's
 * nearest configuration, its rules, roster and ignore list, then the cross-plan rules per scope.
 */
export function checkFolder(files: ReadonlyMap<string, string>, overrides?: RuleLevels): FolderCheck {
  const findings = new Map<string, Finding[]>();
  const analyses = new Map<string, Analysis>();
  const configs = new Map<string, ConfigAnalysis>();
  const rosters = new Map<string, Roster>();
  for (const [path, text] of files) {
    if (!isConfigFileName(basename(path))) continue;
    const config = analyzeConfig(text, { exists: (rel) => files.has(join(dirname(path), rel)), ...(overrides ? { levels: overrides } : {}) });
    configs.set(path, config);
    findings.set(path, [...config.findings]);
    const rosterPath = config.config.roster === undefined ? undefined : join(dirname(path), config.config.roster);
    const rosterText = rosterPath === undefined ? undefined : files.get(rosterPath);
    if (rosterPath !== undefined && rosterText !== undefined && !rosters.has(rosterPath)) {
      const roster = analyzeRoster(rosterText, overrides ? { levels: overrides } : {});
      rosters.set(rosterPath, roster);
      findings.set(rosterPath, [...roster.findings]);
    }
  }
  const scopes = new Map<string, { file: string; path: string }[]>();
  for (const [path, text] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    if (!isPlanFileName(basename(path))) continue;
    const configPath = nearestConfig(path, configs);
    const config = configPath === undefined ? undefined : configs.get(configPath)!;
    const file = configPath === undefined ? path : relative(dirname(configPath), path);
    if (config && isIgnored(config.config.ignore, file)) continue;
    const rosterPath = config?.config.roster === undefined ? undefined : join(dirname(configPath!), config.config.roster);
    const roster = rosterPath === undefined ? undefined : rosters.get(rosterPath);
    const analysis = analyze(text, { ...(overrides ? { levels: overrides } : {}), ...(config ? { config: config.config } : {}), ...(roster ? { roster } : {}) });
    analyses.set(path, analysis);
    findings.set(path, [...analysis.findings]);
    if (configPath !== undefined) {
      const members = scopes.get(configPath) ?? [];
      members.push({ file, path });
      scopes.set(configPath, members);
    }
  }
  for (const [configPath, members] of scopes) {
    const config = configs.get(configPath)!.config;
    const rosterPath = config.roster === undefined ? undefined : join(dirname(configPath), config.roster);
    const roster = rosterPath === undefined ? undefined : rosters.get(rosterPath);
    const levels = analyses.get(members[0]!.path)!.levels;
    const extra = checkScope({
      plans: members.map((m) => ({ file: m.file, facts: analyses.get(m.path)!.facts })),
      ...(roster ? { roster: { file: config.roster!, facts: roster.facts } } : {}),
      config,
      levels,
    });
    for (const m of members) {
      const more = extra.get(m.file);
      if (more) findings.set(m.path, sortAndDedupe([...findings.get(m.path)!, ...more.map((f) => f.finding)]));
    }
  }
  return { findings, analyses };
}

function nearestConfig(path: string, configs: ReadonlyMap<string, unknown>): string | undefined {
  let dir = dirname(path);
  for (;;) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    if (configs.has(candidate)) return candidate;
    if (dir === '') return undefined;
    dir = dirname(dir);
  }
}

// Paths here are `/`-separated and relative to one root ('' is the root itself).
function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i === -1 ? '' : path.slice(0, i);
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function join(dir: string, rel: string): string {
  const parts = dir === '' ? [] : dir.split('/');
  for (const part of rel.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

function relative(dir: string, path: string): string {
  return dir === '' ? path : path.startsWith(`${dir}/`) ? path.slice(dir.length + 1) : path;
}
