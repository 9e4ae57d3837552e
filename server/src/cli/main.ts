// The `crmteam` command: parses arguments, lints the plans (on worker threads when there are many), prints a
// report and sets the exit code (0 clean, 1 errors or too many warnings, 2 usage or file errors).

import { writeFileSync } from 'node:fs';
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

declare const CRMTEAM_VERSION: string | undefined;
const VERSION = typeof CRMTEAM_VERSION === 'string' ? CRMTEAM_VERSION : '0.0.0-dev';

/** Below this many files, starting worker threads costs more than it saves. */
const PARALLEL_THRESHOLD = 64;

interface WorkerTask { readonly files: readonly string[]; readonly options: { levels: [string, string][]; fix: boolean } }

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

  const lintOptions: LintFileOptions = { levels: options.levels, fix: options.fix };
  const raw = await lintAll(files, lintOptions, options.jobs);
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
          : formatStylish(readable, color, options.quiet);
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

async function lintAll(files: readonly string[], options: LintFileOptions, jobs: number | undefined): Promise<FileReport[]> {
  const threads = Math.min(jobs ?? availableParallelism(), Math.ceil(files.length / 16));
  if (files.length < PARALLEL_THRESHOLD || threads < 2) return files.map((f) => lintFile(f, options));
  // Interleaved chunks balance the load when plan sizes vary along the sorted list.
  const chunks: string[][] = Array.from({ length: threads }, () => []);
  files.forEach((file, i) => chunks[i % threads]!.push(file));
  const results = await Promise.all(chunks.map((chunk) => runWorker({ files: chunk, options: { levels: [...options.levels], fix: options.fix } })));
  const byPath = new Map(results.flat().map((r) => [r.path, r]));
  return files.map((f) => byPath.get(f)!);
}

function runWorker(task: WorkerTask): Promise<FileReport[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: task, execArgv: process.execArgv });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => { if (code !== 0) reject(new Error(`worker exited with code ${code}`)); });
  });
}

if (!isMainThread && parentPort && (workerData as WorkerTask | undefined)?.files) {
  const task = workerData as WorkerTask;
  const options: LintFileOptions = { levels: new Map(task.options.levels) as LintFileOptions['levels'], fix: task.options.fix };
  parentPort.postMessage(task.files.map((f) => lintFile(f, options)));
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
