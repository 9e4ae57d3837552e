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
import { githubFormatter } from './formatters/github';
import { jsonFormatter } from './formatters/json';
import { sarifFormatter } from './formatters/sarif';
import { stylishFormatter } from './formatters/stylish';
import { addSummary, EMPTY_SUMMARY, summarize } from './formatters/summary';
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
/** What every worker is started with; the plans to check come in messages. */
interface WorkerSetup { readonly scopes: ScopeTexts; readonly options: { levels: [string, string][]; fix: boolean } }

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
  // In path order, so that the plans of a scope are checked together and its cross-plan pass can run early.
  jobs.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const texts: ScopeTexts = {};
  for (const configPath of byScope.keys()) {
    const setup = scopes.setup(configPath)!;
    texts[configPath] = { configText: setup.configText, ...(setup.rosterText !== undefined ? { rosterText: setup.rosterText } : {}) };
  }
  for (const note of scopes.notes) process.stderr.write(`crmteam: ${note}\n`);

  // The report, printed piece by piece: a plan's part as soon as it and every plan before it are final.
  const color = options.color ?? (Boolean(process.stdout.isTTY) && !process.env.NO_COLOR && !options.outputFile);
  const formatter =
    options.format === 'json' ? jsonFormatter()
      : options.format === 'sarif' ? sarifFormatter(cwd, VERSION)
        : options.format === 'github' ? githubFormatter()
          : stylishFormatter(color, options.quiet);
  const output = new Output(options.outputFile);
  let summary = EMPTY_SUMMARY;
  let plansReported = 0;
  let ioErrors = 0;
  let reportMs = 0;
  const emit = (r: FileReport) => {
    const started = performance.now();
    try {
      emitReport(r);
    } finally {
      reportMs += performance.now() - started;
    }
  };
  const emitReport = (r: FileReport) => {
    if (r.ioError) {
      ioErrors++;
      process.stderr.write(`crmteam: ${r.ioError}\n`);
      return;
    }
    const shown: FileReport = { path: displayPath(r.path, cwd), findings: options.quiet ? r.findings.filter((f) => f.severity === 'error') : r.findings, fixed: r.fixed, ...(r.settings ? { settings: true as const } : {}) };
    output.write(formatter.file(shown));
    summary = addSummary(summary, summarize([shown]));
    if (!shown.settings) plansReported++;
  };
  output.write(formatter.start());

  // The configurations' and rosters' own findings come first; each scope's summary line is filled in by its pass. Done
  // when the first report arrives, so that the rosters are analysed here while the workers check plans.
  const summaries: ScopeSummary[] = [];
  const scopeIndex = new Map<string, number>();
  let begun = false;
  const begin = () => {
    if (begun) return;
    begun = true;
    for (const [configPath, members] of scopeMembers) {
      const setup = scopes.setup(configPath)!;
      if (setup.config.findings.length > 0) emit({ path: configPath, findings: settingsFileFindings(setup.config), fixed: 0, settings: true });
      if (setup.roster && setup.roster.findings.length > 0) emit({ path: setup.rosterPath!, findings: settingsFileFindings(setup.roster), fixed: 0, settings: true });
      scopeIndex.set(configPath, summaries.length);
      summaries.push({
        config: displayPath(configPath, cwd),
        plans: members.length,
        checked: members.filter((m) => requested.has(m)).length,
        ...(setup.roster ? { roster: displayPath(setup.rosterPath!, cwd), people: setup.roster.people.size } : {}),
        crossPlanFindings: 0,
      });
    }
  };

  // Reports arrive in any order; a plan in a scope is final once the scope's cross-plan pass has run.
  const done = new Map<string, FileReport>();
  const pending = new Map([...scopeMembers].map(([configPath, members]) => [configPath, members.length]));
  const final = new Set<string>();
  const order = files.filter((f) => requested.has(f));
  let next = 0;
  let crossMs = 0;
  const crossPass = (configPath: string) => {
    const setup = scopes.setup(configPath)!;
    const plans = scopeMembers.get(configPath)!.flatMap((m) => {
      const facts = done.get(m)?.facts;
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
    // Every finding of a plan names the same few files: each display path is worked out once.
    const displayed = new Map<string, string>();
    const displayOf = (name: string) => {
      let shown = displayed.get(name);
      if (shown === undefined) displayed.set(name, shown = displayPath(resolve(configPath, '..', name), cwd));
      return shown;
    };
    let crossCount = 0;
    for (const plan of plans) {
      const found = extra.get(plan.file);
      if (!found || !requested.has(plan.path)) continue;
      const current = done.get(plan.path)!;
      const added = found.map((f) => reportScopeFinding(f, displayOf));
      crossCount += added.filter((f) => f.ruleId !== 'unused-suppression').length;
      done.set(plan.path, { ...current, findings: [...current.findings, ...added].sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId)) });
    }
    const i = scopeIndex.get(configPath)!;
    summaries[i] = { ...summaries[i]!, plans: plans.length, checked: plans.filter((p) => requested.has(p.path)).length, crossPlanFindings: crossCount };
    for (const member of scopeMembers.get(configPath)!) {
      if (requested.has(member)) final.add(member);
      else done.delete(member);
    }
  };
  const jobScope = new Map(jobs.flatMap((j) => (j.scope === undefined ? [] : [[j.file, j.scope] as const])));
  const arrived = (r: FileReport) => {
    begin();
    done.set(r.path, r);
    const configPath = jobScope.get(r.path);
    if (configPath === undefined) final.add(r.path);
    else {
      const left = pending.get(configPath)! - 1;
      pending.set(configPath, left);
      if (left === 0) crossPass(configPath);
    }
    while (next < order.length && final.has(order[next]!)) {
      const file = order[next++]!;
      emit(done.get(file)!);
      done.delete(file);
    }
  };

  const lintOptions: LintFileOptions = { levels: options.levels, fix: options.fix };
  const lintStarted = performance.now();
  const threads = await lintAll(jobs, texts, lintOptions, options.jobs, (configPath) => scopes.setup(configPath), arrived);
  const lintMs = performance.now() - lintStarted;
  const reportDuringLintMs = reportMs;
  const endStarted = performance.now();
  begin();
  output.write(formatter.end({ summary, plans: plansReported, scopes: summaries }));
  const written = output.close();
  reportMs += performance.now() - endStarted;
  // CRMTEAM_TIMING=1 (as ESLint's TIMING): where the time goes, for the benchmark and for anyone tuning a large repo.
  // The main thread runs each scope's cross-plan pass and prints the report while the plans are checked: the per-file
  // work is the checking's time less those (on one thread, exactly the time spent checking plans).
  if (process.env.CRMTEAM_TIMING === '1') {
    process.stderr.write(`crmteam timing: ${jobs.length} plans; per-file work ${(lintMs - crossMs - reportDuringLintMs).toFixed(1)} ms on ${threads} thread${threads === 1 ? '' : 's'}; cross-plan pass ${crossMs.toFixed(1)} ms; report ${reportMs.toFixed(1)} ms\n`);
  }
  if (!written) return 2;

  if (ioErrors > 0) return 2;
  if (summary.errors > 0) return 1;
  if (options.maxWarnings !== undefined && summary.warnings > options.maxWarnings) {
    process.stderr.write(`crmteam: ${summary.warnings} warnings, more than --max-warnings ${options.maxWarnings}.\n`);
    return 1;
  }
  return 0;
}

/**
 * Where the report goes: standard output as it is printed (in pieces of about a megabyte), or the `--output-file`,
 * written once at the end.
 */
class Output {
  private readonly pieces: string[] = [];
  private buffered = 0;

  constructor(private readonly file: string | undefined) {}

  write(text: string): void {
    if (text === '') return;
    this.pieces.push(text);
    this.buffered += text.length;
    if (this.file === undefined && this.buffered >= 1 << 20) this.flush();
  }

  /** False (with a message) when the output file cannot be written. */
  close(): boolean {
    if (this.file === undefined) {
      this.flush();
      return true;
    }
    try {
      writeFileSync(this.file, this.pieces.join(''));
      return true;
    } catch (error) {
      process.stderr.write(`crmteam: cannot write \`${this.file}\`: ${(error as Error).message}\n`);
      return false;
    }
  }

  private flush(): void {
    if (this.pieces.length > 0) process.stdout.write(this.pieces.join(''));
    this.pieces.length = 0;
    this.buffered = 0;
  }
}

/** How many plans a worker is sent at a time, and how many such batches it holds: enough that it never waits. */
const BATCH = 4;
const BATCHES_AHEAD = 2;

/**
 * Lints every job, on worker threads when there are many, calling `arrived` with each report as it comes (in any
 * order); resolves with the number of threads used. Workers take small batches from one queue in path order, so the
 * plans of one scope finish close together and the main thread's work on them overlaps the checking of the rest.
 */
async function lintAll(
  jobs: readonly LintJob[], scopes: ScopeTexts, options: LintFileOptions, threadsWanted: number | undefined,
  setupOf: (configPath: string) => Pick<ScopeSetup, 'config' | 'roster'> | undefined,
  arrived: (report: FileReport) => void,
): Promise<number> {
  const threads = Math.min(threadsWanted ?? availableParallelism(), Math.ceil(jobs.length / 16));
  if (jobs.length < PARALLEL_THRESHOLD || threads < 2) {
    for (const job of jobs) arrived(lintJob(job, options, setupOf));
    return 1;
  }
  let taken = 0;
  const workerData: WorkerSetup = { scopes, options: { levels: [...options.levels], fix: options.fix } };
  await Promise.all(Array.from({ length: threads }, () => new Promise<void>((resolvePromise, reject) => {
    const worker = new Worker(__filename, { workerData, execArgv: process.execArgv });
    let outstanding = 0;
    let failed = false;
    const send = () => {
      while (outstanding < BATCHES_AHEAD && taken < jobs.length) {
        worker.postMessage(jobs.slice(taken, taken += BATCH));
        outstanding++;
      }
      if (outstanding === 0) worker.postMessage(null);
    };
    worker.on('message', (reports: FileReport[]) => {
      outstanding--;
      send();
      try {
        for (const report of reports) arrived(report);
      } catch (error) {
        failed = true;
        void worker.terminate();
        reject(error);
      }
    });
    worker.once('error', (error) => { failed = true; reject(error); });
    worker.once('exit', (code) => { if (failed) return; if (code !== 0) reject(new Error(`worker exited with code ${code}`)); else resolvePromise(); });
    send();
  })));
  return threads;
}

function lintJob(job: LintJob, options: LintFileOptions, setupOf: (configPath: string) => Pick<ScopeSetup, 'config' | 'roster'> | undefined): FileReport {
  const setup = job.scope === undefined ? undefined : setupOf(job.scope);
  const report = lintFile(job.file, { ...options, ...(setup ? { config: setup.config.config } : {}), ...(setup?.roster ? { roster: setup.roster } : {}) });
  // Only the cross-plan pass reads the facts: a plan outside any scope does not carry them back.
  if (job.scope !== undefined || report.facts === undefined) return report;
  const { facts: _facts, ...rest } = report;
  return rest;
}

if (!isMainThread && parentPort && (workerData as WorkerSetup | undefined)?.scopes) {
  const task = workerData as WorkerSetup;
  const port = parentPort;
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
  // A batch of plans in, their reports out; nothing (null) when there is no more work.
  port.on('message', (batch: LintJob[] | null) => {
    if (batch === null) port.close();
    else port.postMessage(batch.map((job) => lintJob(job, options, setupOf)));
  });
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
