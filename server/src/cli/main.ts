// The `crmteam` command: parses arguments, lints the plans (on worker threads when there are many), prints a
// report and sets the exit code (0 clean, 1 errors or too many warnings, 2 usage or file errors).

import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { HELP, parseCliArgs, UsageError, type LintOptions } from './args';
import { displayPath, findPlanFiles } from './files';
import { lintFile, type FileReport, type LintFileOptions } from './lint';
import { runDiff, runReport } from './report';
import { formatGithub } from './formatters/github';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatStylish } from './formatters/stylish';
import { summarize } from './formatters/summary';
import { RULES } from '../rules/index';
import { effectiveLevels } from '../engine/analyze';
import { analyzeConfig } from '../scope/config';
import { analyzeRoster } from '../scope/roster';
import { checkScope } from '../scope/checkScope';
import { reportScopeFinding, Scopes, settingsFileFindings, type ScopeSetup } from './scopes';
import type { ScopeSummary } from './formatters/stylish';

declare const CRMTEAM_VERSION: string | undefined;
const VERSION = typeof CRMTEAM_VERSION === 'string' ? CRMTEAM_VERSION : '0.0.0-dev';

/** Below this many files, starting worker threads costs more than it saves. */
const PARALLEL_THRESHOLD = 64;

/** A plan to lint, with the configuration that covers it (absolute path), if any. */
interface LintJob { readonly file: string; readonly scope?: string }
/** What a worker needs to set up each scope itself: the texts of the configuration and the roster. */
type ScopeTexts = Record<string, { configText: string; rosterText?: string }>;
interface WorkerTask { readonly jobs: readonly LintJob[]; readonly scopes: ScopeTexts; readonly options: { levels: [string, string][]; fix: boolean } }

export async function main(argv: readonly string[], cwd = process.cwd()): Promise<number> {
  let options: LintOptions;
  try {
    if (argv[0] === 'report') return runReport(argv.slice(1), cwd);
    if (argv[0] === 'diff') return runDiff(argv.slice(1), cwd);
    options = parseCliArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      const message = /[.?]$/.test(error.message) ? error.message : `${error.message}.`;
      const help = argv[0] === 'report' || argv[0] === 'diff' ? `crmteam ${argv[0]} --help` : 'crmteam --help';
      process.stderr.write(`crmteam: ${message} See \`${help}\`.\n`);
      return 2;
    }
    throw error;
  }
  if (options.command === 'help') { process.stdout.write(`${HELP}\n`); return 0; }
  if (options.command === 'version') { process.stdout.write(`${VERSION}\n`); return 0; }
  if (options.command === 'rules') {
    for (const rule of RULES) process.stdout.write(`${rule.meta.id.padEnd(38)} ${rule.meta.defaultSeverity.padEnd(8)} ${rule.meta.docs.summary}\n`);
    return 0;
  }

  let files: string[];
  try {
    files = findPlanFiles(options.patterns, cwd);
  } catch (error) {
    if (error instanceof UsageError) { process.stderr.write(`crmteam: ${error.message}\n`); return 2; }
    throw error;
  }

  const scopes = new Scopes({ noConfig: options.noConfig, ...(options.config !== undefined ? { explicit: resolve(cwd, options.config) } : {}), levels: options.levels });
  if (options.config !== undefined && scopes.setup(resolve(cwd, options.config)) === undefined) {
    process.stderr.write(`crmteam: ${scopes.notes.pop()}\n`);
    return 2;
  }
  // Each requested plan with its configuration; ignored plans are not checked.
  const jobs: LintJob[] = [];
  const byScope = new Map<string, string[]>();
  for (const file of files) {
    const configPath = scopes.configPathFor(file);
    const setup = configPath === undefined ? undefined : scopes.setup(configPath);
    if (configPath === undefined || setup === undefined) { jobs.push({ file }); continue; }
    if (scopes.isIgnored(configPath, file)) continue;
    jobs.push({ file, scope: configPath });
    byScope.set(configPath, [...(byScope.get(configPath) ?? []), file]);
  }
  // The cross-plan rules read every plan of a scope, also those not asked for (their findings are not printed).
  const requested = new Set(jobs.map((j) => j.file));
  const scopeMembers = new Map<string, string[]>();
  for (const [configPath, asked] of byScope) {
    const members = [...new Set([...scopes.members(configPath, asked), ...asked])].sort();
    scopeMembers.set(configPath, members);
    for (const member of members) if (!requested.has(member)) jobs.push({ file: member, scope: configPath });
  }
  const texts: ScopeTexts = {};
  for (const configPath of byScope.keys()) {
    const setup = scopes.setup(configPath)!;
    texts[configPath] = { configText: setup.configText, ...(setup.rosterText !== undefined ? { rosterText: setup.rosterText } : {}) };
  }

  const lintOptions: LintFileOptions = { levels: options.levels, fix: options.fix };
  const lintStarted = performance.now();
  const linted = await lintAll(jobs, texts, lintOptions, options.jobs, (configPath) => scopes.setup(configPath));
  const perFileMs = performance.now() - lintStarted;
  let crossMs = 0;
  const byPath = new Map(linted.map((r) => [r.path, r]));

  // The cross-plan pass, per scope; then the configuration's and the roster's own findings.
  const summaries: ScopeSummary[] = [];
  const extraReports: FileReport[] = [];
  for (const [configPath, members] of scopeMembers) {
    const setup = scopes.setup(configPath)!;
    const plans = members.flatMap((m) => {
      const facts = byPath.get(m)?.facts;
      return facts ? [{ file: scopes.scopeName(configPath, m), facts, path: m }] : [];
    });
    const crossStarted = performance.now();
    const extra = checkScope({
      plans,
      ...(setup.roster ? { roster: { file: scopes.scopeName(configPath, setup.rosterPath!), facts: setup.roster.facts } } : {}),
      config: setup.config.config,
      levels: effectiveLevels(setup.config.config, options.levels),
    });
    crossMs += performance.now() - crossStarted;
    let crossCount = 0;
    for (const plan of plans) {
      const found = extra.get(plan.file);
      if (!found || !requested.has(plan.path)) continue;
      const current = byPath.get(plan.path)!;
      const added = found.map((f) => reportScopeFinding(f, (name) => displayPath(resolve(configPath, '..', name), cwd)));
      crossCount += added.filter((f) => f.ruleId !== 'unused-suppression').length;
      byPath.set(plan.path, { ...current, findings: [...current.findings, ...added].sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId)) });
    }
    if (setup.config.findings.length > 0) extraReports.push({ path: configPath, findings: settingsFileFindings(setup.config), fixed: 0, settings: true });
    if (setup.roster && setup.roster.findings.length > 0) extraReports.push({ path: setup.rosterPath!, findings: settingsFileFindings(setup.roster), fixed: 0, settings: true });
    summaries.push({
      config: displayPath(configPath, cwd),
      plans: plans.length,
      checked: plans.filter((p) => requested.has(p.path)).length,
      ...(setup.roster ? { roster: displayPath(setup.rosterPath!, cwd), people: setup.roster.people.size } : {}),
      crossPlanFindings: crossCount,
    });
  }
  for (const note of scopes.notes) process.stderr.write(`crmteam: ${note}\n`);
  // CRMTEAM_TIMING=1 (as ESLint's TIMING): where the time goes, for the benchmark and for anyone tuning a large repo.
  if (process.env.CRMTEAM_TIMING === '1') {
    const threads = jobs.length < PARALLEL_THRESHOLD ? 1 : Math.max(1, Math.min(options.jobs ?? availableParallelism(), Math.ceil(jobs.length / 16)));
    process.stderr.write(`crmteam timing: ${jobs.length} plans; per-file work ${perFileMs.toFixed(1)} ms on ${threads} thread${threads === 1 ? '' : 's'}; cross-plan pass ${crossMs.toFixed(1)} ms\n`);
  }

  const raw = [...extraReports, ...files.filter((f) => requested.has(f)).map((f) => byPath.get(f)!)];
  const reports: FileReport[] = raw.map((r) => ({
    ...r,
    path: displayPath(r.path, cwd),
    findings: options.quiet ? r.findings.filter((f) => f.severity === 'error') : r.findings,
  }));

  const ioErrors = reports.filter((r) => r.ioError);
  for (const r of ioErrors) process.stderr.write(`crmteam: ${r.ioError}\n`);
  const readable = reports.filter((r) => !r.ioError);

  const color = options.color ?? (Boolean(process.stdout.isTTY) && !process.env.NO_COLOR && !options.outputFile);
  const output =
    options.format === 'json' ? formatJson(readable)
      : options.format === 'sarif' ? formatSarif(readable, cwd, VERSION)
        : options.format === 'github' ? formatGithub(readable)
          : formatStylish(readable, color, options.quiet, summaries);
  if (options.outputFile) {
    try {
      writeFileSync(options.outputFile, output);
    } catch (error) {
      process.stderr.write(`crmteam: cannot write \`${options.outputFile}\`: ${(error as Error).message}\n`);
      return 2;
    }
  } else {
    process.stdout.write(output);
  }

  if (ioErrors.length > 0) return 2;
  const summary = summarize(readable);
  if (summary.errors > 0) return 1;
  if (options.maxWarnings !== undefined && summary.warnings > options.maxWarnings) {
    process.stderr.write(`crmteam: ${summary.warnings} warnings, more than --max-warnings ${options.maxWarnings}.\n`);
    return 1;
  }
  return 0;
}

async function lintAll(
  jobs: readonly LintJob[], scopes: ScopeTexts, options: LintFileOptions, threadsWanted: number | undefined,
  setupOf: (configPath: string) => Pick<ScopeSetup, 'config' | 'roster'> | undefined,
): Promise<FileReport[]> {
  const threads = Math.min(threadsWanted ?? availableParallelism(), Math.ceil(jobs.length / 16));
  if (jobs.length < PARALLEL_THRESHOLD || threads < 2) return jobs.map((job) => lintJob(job, options, setupOf));
  // Interleaved chunks balance the load when plan sizes vary along the sorted list.
  const chunks: LintJob[][] = Array.from({ length: threads }, () => []);
  jobs.forEach((job, i) => chunks[i % threads]!.push(job));
  const results = await Promise.all(chunks.map((chunk) => runWorker({ jobs: chunk, scopes, options: { levels: [...options.levels], fix: options.fix } })));
  const byPath = new Map(results.flat().map((r) => [r.path, r]));
  return jobs.map((job) => byPath.get(job.file)!);
}

function lintJob(job: LintJob, options: LintFileOptions, setupOf: (configPath: string) => Pick<ScopeSetup, 'config' | 'roster'> | undefined): FileReport {
  const setup = job.scope === undefined ? undefined : setupOf(job.scope);
  return lintFile(job.file, { ...options, ...(setup ? { config: setup.config.config } : {}), ...(setup?.roster ? { roster: setup.roster } : {}) });
}

function runWorker(task: WorkerTask): Promise<FileReport[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: task, execArgv: process.execArgv });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => { if (code !== 0) reject(new Error(`worker exited with code ${code}`)); });
  });
}

if (!isMainThread && parentPort && (workerData as WorkerTask | undefined)?.jobs) {
  const task = workerData as WorkerTask;
  const options: LintFileOptions = { levels: new Map(task.options.levels) as LintFileOptions['levels'], fix: task.options.fix };
  // Each worker reads a scope's configuration and roster once, from the texts the main thread read.
  const setups = new Map<string, Pick<ScopeSetup, 'config' | 'roster'>>();
  const setupOf = (configPath: string) => {
    let setup = setups.get(configPath);
    const texts = task.scopes[configPath];
    if (!setup && texts) {
      setup = {
        config: analyzeConfig(texts.configText, { levels: options.levels }),
        ...(texts.rosterText !== undefined ? { roster: analyzeRoster(texts.rosterText, { levels: options.levels }) } : {}),
      };
      setups.set(configPath, setup);
    }
    return setup;
  };
  parentPort.postMessage(task.jobs.map((job) => lintJob(job, options, setupOf)));
} else if (require.main === module) {
  runCli();
}

/** Runs `main` on the process arguments and sets the exit code without cutting piped output short. */
export function runCli(): void {
  // A reader that stops early (`crmteam lint | head`) is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') return;
    process.stderr.write(`crmteam: cannot write the report: ${error.message}\n`);
    process.exitCode = 2;
  });
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (error: unknown) => {
      process.stderr.write(`crmteam: internal error: ${error instanceof Error ? error.message : String(error)}\nPlease report this with the file that caused it.\n`);
      process.exitCode = 2;
    },
  );
}
