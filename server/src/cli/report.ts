// `crmteam report` and `crmteam diff`: the team overview of plans (HTML, Markdown, JSON), and what changed between
// two versions of plans (files, or git revisions read with `git show`). Returns the exit code like `main`.

import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { analyze, type Analysis } from '../engine/analyze';
import { decodePlan } from '../core/decode';
import type { Level } from '../core/finding';
import { bundledDocsBase } from '../common/docsBase';
import { diffPlans, hasNewFindings, type PlanDiff } from '../overview/diff';
import { formatDiffJson, formatDiffMarkdown, formatDiffText } from '../overview/diffText';
import { renderReportPage } from '../overview/html';
import { renderOverviewMarkdown } from '../overview/markdown';
import { buildOverview, OVERVIEW_FORMAT } from '../overview/model';
import { RULES_BY_ID } from '../rules/index';
import { ruleLevelsFromFlags, UsageError, usageErrorOf } from './args';
import { displayPath, findPlanFiles } from './files';
import { Scopes } from './scopes';
import { git } from './git';

export const REPORT_HELP = `Usage: crmteam report [files | folders | globs ...]

The team overview of each plan: who does what (activities × people), roles, coverage, load and findings.

Options:
  -f, --format <html|markdown|json>    output format (default: html)
  -o, --output-file <path>             write the report to a file instead of standard output
  -r, --rule <id>=<off|hint|info|warning|error>
                                       change a rule's severity; repeatable
      --title <text>                   the report's title (default: CRM team overview)
      --docs-base <url>                where rule pages are linked (default: the installed package's docs/rules)`;

export const DIFF_HELP = `Usage: crmteam diff <base> [<head>]

What changed between two versions of team plans: people, roles, activity ownership and membership, activities that
newly lack an owner or a side, and findings introduced and resolved.
  crmteam diff old.crmteam.yaml new.crmteam.yaml   two files
  crmteam diff origin/main                         the working tree against a git revision, every plan that changed
  crmteam diff v1.0 v1.1                           two git revisions

Options:
  -f, --format <text|markdown|json>    output format (default: text; markdown is a pull-request comment)
  -o, --output-file <path>             write the result to a file instead of standard output
  -r, --rule <id>=<off|hint|info|warning|error>
                                       change a rule's severity; repeatable
      --fail-on <new-errors|new-warnings>
                                       exit 1 when the change introduces an error (or an error or a warning)
      --docs-base <url>                where rule pages are linked (default: the installed package's docs/rules)`;

const REPORT_FORMATS = ['html', 'markdown', 'json'] as const;
const DIFF_FORMATS = ['text', 'markdown', 'json'] as const;
const PLAN_NAME = /(^|\/)(.*\.)?crmteam\.ya?ml$/;

interface Common {
  readonly positionals: string[];
  readonly format: string;
  readonly outputFile: string | undefined;
  readonly levels: ReadonlyMap<string, Level>;
  readonly docsBase: string;
  readonly values: Record<string, unknown>;
}

function parse(argv: readonly string[], formats: readonly string[], fallback: string, extra: Record<string, { type: 'string' | 'boolean' }>): Common | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        'output-file': { type: 'string', short: 'o' },
        rule: { type: 'string', short: 'r', multiple: true },
        'docs-base': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        ...extra,
      },
    });
  } catch (error) {
    throw usageErrorOf(error);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  const format = values.format ?? fallback;
  if (!formats.includes(format)) throw new UsageError(`Unknown format \`${format}\`; use one of ${formats.join(', ')}.`);
  const levels = ruleLevelsFromFlags(values.rule);
  const docsBase = (values['docs-base'] ?? bundledDocsBase()).replace(/\/+$/, '');
  return { positionals, format, outputFile: values['output-file'], levels, docsBase, values };
}

function docsHref(docsBase: string) {
  return (ruleId: string) => (RULES_BY_ID.has(ruleId) ? `${docsBase}/${encodeURIComponent(ruleId)}.md` : undefined);
}

function emit(output: string, outputFile: string | undefined): number {
  if (!outputFile) {
    process.stdout.write(output);
    return 0;
  }
  try {
    writeFileSync(outputFile, output);
    return 0;
  } catch (error) {
    process.stderr.write(`crmteam: cannot write \`${outputFile}\`: ${(error as Error).message}\n`);
    return 2;
  }
}

/**
 * How a plan at `path` is analysed: with the `--rule` levels and, as `crmteam lint` does, the configuration and roster
 * that cover it (docs/workspace.md), so a report and a diff show the findings lint reports.
 */
type AnalyzeAt = (text: string, path: string) => Analysis;

function analyzerFor(levels: ReadonlyMap<string, Level>): { analyzeAt: AnalyzeAt; scopes: Scopes } {
  const scopes = new Scopes({ noConfig: false, levels });
  const analyzeAt: AnalyzeAt = (text, path) => {
    const configPath = scopes.configPathFor(path);
    const setup = configPath === undefined ? undefined : scopes.setup(configPath);
    return analyze(text, { levels, ...(setup ? { config: setup.config.config } : {}), ...(setup?.roster ? { roster: setup.roster } : {}) });
  };
  return { analyzeAt, scopes };
}

function reportNotes(scopes: Scopes): void {
  for (const note of scopes.notes) process.stderr.write(`crmteam: ${note}\n`);
}

export function runReport(argv: readonly string[], cwd: string): number {
  const options = parse(argv, REPORT_FORMATS, 'html', { title: { type: 'string' } });
  if (options === 'help') { process.stdout.write(`${REPORT_HELP}\n`); return 0; }
  const files = findPlanFiles(options.positionals.length > 0 ? options.positionals : ['.'], cwd);
  const title = (options.values.title as string | undefined) ?? 'CRM team overview';
  const overviews = [];
  const { analyzeAt, scopes } = analyzerFor(options.levels);
  // Each plan is analysed once, whether it is reported or only counted in a sibling's load.
  const analyses = new Map<string, Analysis | undefined>();
  const analysisOf = (path: string): Analysis | undefined => {
    if (!analyses.has(path)) {
      let analysis: Analysis | undefined;
      try {
        analysis = analyzeAt(decodePlan(readFileSync(path)).text, path);
      } catch {
        analysis = undefined; // unreadable: its allocations are not counted (lint reports the file)
      }
      analyses.set(path, analysis);
    }
    return analyses.get(path);
  };
  // The plans of each scope, found once per configuration (not once per reported plan).
  const members = new Map<string, readonly string[]>();
  const membersOf = (configPath: string): readonly string[] => {
    if (!members.has(configPath)) members.set(configPath, scopes.members(configPath, []));
    return members.get(configPath)!;
  };
  let failed = false;
  for (const file of files) {
    // Plans a configuration ignores are not reported, as `crmteam lint` does not check them.
    const configPath = scopes.configPathFor(file);
    if (configPath !== undefined && scopes.isIgnored(configPath, file)) continue;
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      process.stderr.write(`crmteam: cannot read \`${displayPath(file, cwd)}\`: ${(error as Error).message}\n`);
      failed = true;
      continue;
    }
    const analysis = analyzeAt(decodePlan(bytes).text, file);
    analyses.set(file, analysis);
    // Under a configuration, the load counts each person's allocations in every plan of the scope (read, not reported).
    const setup = configPath === undefined ? undefined : scopes.setup(configPath);
    const scope = setup === undefined ? undefined : {
      capacity: setup.config.config.capacity,
      plans: membersOf(configPath!).flatMap((member) => {
        const other = analysisOf(member);
        return other === undefined ? [] : [{ analysis: other, file: displayPath(member, cwd) }];
      }),
    };
    overviews.push(buildOverview(analysis, { file: displayPath(file, cwd), docsHref: docsHref(options.docsBase), ...(scope ? { scope } : {}) }));
  }
  const output = options.format === 'html' ? renderReportPage(overviews, title)
    : options.format === 'markdown' ? renderOverviewMarkdown(overviews, title)
      : `${JSON.stringify({ format: OVERVIEW_FORMAT, plans: overviews }, null, 2)}\n`;
  reportNotes(scopes);
  const written = emit(output, options.outputFile);
  return failed ? 2 : written;
}

export function runDiff(argv: readonly string[], cwd: string): number {
  const options = parse(argv, DIFF_FORMATS, 'text', { 'fail-on': { type: 'string' } });
  if (options === 'help') { process.stdout.write(`${DIFF_HELP}\n`); return 0; }
  const failOn = options.values['fail-on'] as string | undefined;
  if (failOn !== undefined && failOn !== 'new-errors' && failOn !== 'new-warnings') {
    throw new UsageError(`Unknown \`--fail-on ${failOn}\`; use new-errors or new-warnings.`);
  }
  const [base, head, ...rest] = options.positionals;
  if (base === undefined) throw new UsageError('`crmteam diff` needs a base: two plan files, or a git revision such as `origin/main`');
  if (rest.length > 0) throw new UsageError('`crmteam diff` takes a base and at most one head');
  const docs = docsHref(options.docsBase);

  let diffs: PlanDiff[];
  const isFile = (p: string) => {
    try {
      return statSync(resolve(cwd, p)).isFile();
    } catch {
      return false;
    }
  };
  const { analyzeAt, scopes } = analyzerFor(options.levels);
  if (isFile(base) && head !== undefined && isFile(head)) {
    const before = analyzeAt(decodePlan(readFileSync(resolve(cwd, base))).text, resolve(cwd, base));
    const after = analyzeAt(decodePlan(readFileSync(resolve(cwd, head))).text, resolve(cwd, head));
    diffs = [diffPlans(before, after, { file: displayPath(resolve(cwd, head), cwd), baseFile: displayPath(resolve(cwd, base), cwd), docsHref: docs })];
  } else if (isFile(base) && head === undefined) {
    throw new UsageError(`\`${base}\` is a file: give the newer version too (\`crmteam diff ${base} <other file>\`), or a git revision to compare the working tree with`);
  } else {
    diffs = gitDiffs(base, head, cwd, analyzeAt, docs);
  }

  reportNotes(scopes);
  const output = options.format === 'markdown' ? formatDiffMarkdown(diffs)
    : options.format === 'json' ? formatDiffJson(diffs)
      : formatDiffText(diffs);
  const written = emit(output, options.outputFile);
  if (written !== 0) return written;
  if (failOn !== undefined && hasNewFindings(diffs, failOn === 'new-errors' ? 'error' : 'warning')) return 1;
  return 0;
}

/** Every plan that differs between two revisions (or a revision and the working tree), compared. */
// Both versions are analysed with the configuration and roster that cover the plan's path in the working tree.
function gitDiffs(base: string, head: string | undefined, cwd: string, analyzeAt: AnalyzeAt, docs: (id: string) => string | undefined): PlanDiff[] {
  const root = git(['rev-parse', '--show-toplevel'], cwd).toString().trim();
  for (const rev of head === undefined ? [base] : [base, head]) {
    if (rev.startsWith('-')) throw new UsageError(`\`${rev}\` is not a revision`);
    git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], root);
  }
  const pathspec = ['*.crmteam.yaml', '*.crmteam.yml'];
  const listed = git(['diff', '--name-status', '--no-renames', '-z', base, ...(head !== undefined ? [head] : []), '--', ...pathspec], root).toString().split('\0');
  const changed = new Map<string, string>();
  for (let i = 0; i + 1 < listed.length; i += 2) {
    const status = listed[i]!;
    const path = listed[i + 1]!;
    if (PLAN_NAME.test(path)) changed.set(path, status);
  }
  if (head === undefined) {
    // New plans not yet added to git are part of the working tree too.
    for (const path of git(['ls-files', '--others', '--exclude-standard', '-z', '--', ...pathspec], root).toString().split('\0')) {
      if (path !== '' && PLAN_NAME.test(path)) changed.set(path, 'A');
    }
  }
  const show = (rev: string, path: string) => git(['show', `${rev}:${path}`], root);
  const diffs: PlanDiff[] = [];
  for (const path of [...changed.keys()].sort()) {
    const status = changed.get(path)!;
    const absolute = resolve(root, path);
    const before = status.startsWith('A') ? undefined : analyzeAt(decodePlan(show(base, path)).text, absolute);
    let after: Analysis | undefined;
    if (!status.startsWith('D')) {
      if (head !== undefined) after = analyzeAt(decodePlan(show(head, path)).text, absolute);
      else if (existsSync(absolute)) after = analyzeAt(decodePlan(readFileSync(absolute)).text, absolute);
    }
    const shown = displayPath(resolve(root, path), cwd);
    diffs.push(diffPlans(before, after, { file: shown, docsHref: docs }));
  }
  return diffs;
}
