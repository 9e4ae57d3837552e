// Parses `crmteam lint` arguments with node:util parseArgs; every mistake becomes a UsageError (exit code 2).

import { parseArgs } from 'node:util';
import { isLevel } from '../core/ruleOptions';
import type { Level } from '../core/finding';
import { RULES_BY_ID } from '../rules/index';
import { closest } from '../core/suggest';

export const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export interface LintOptions {
  readonly command: 'lint' | 'help' | 'version' | 'rules';
  readonly patterns: readonly string[];
  readonly format: Format;
  readonly levels: ReadonlyMap<string, Level>;
  readonly maxWarnings: number | undefined;
  readonly fix: boolean;
  readonly quiet: boolean;
  readonly color: boolean | undefined;
  readonly outputFile: string | undefined;
  readonly jobs: number | undefined;
  /** `--no-config`: ignore every crmteam.config.yaml (each plan checked alone with the defaults). */
  readonly noConfig: boolean;
  /** `--config <file>`: this configuration for every plan, instead of each plan's nearest one. */
  readonly config: string | undefined;
}

export class UsageError extends Error {}

export const HELP = `crmteam: checks .crmteam.yaml CRM team plans against their schema and staffing guidance.

Usage:
  crmteam lint [files | folders | globs ...]   check plans (default: the current folder)
  crmteam rules                                list every rule with its default severity
  crmteam report [files | folders | globs ...] the team overview: html, markdown or json (crmteam report --help)
  crmteam diff <base> [<head>]                 who gained and lost what between two versions (crmteam diff --help)
  crmteam --help | --version

Options for lint:
  -f, --format <stylish|json|sarif|github>    output format (default: stylish; github inside GitHub Actions)
  -r, --rule <id>=<off|hint|info|warning|error>
                                              change a rule's severity; repeatable
      --max-warnings <n>                      exit 1 when there are more than n warnings
      --fix                                   apply safe fixes to the files and report what changed
  -q, --quiet                                 report errors only
  -o, --output-file <path>                    write the report to a file instead of standard output
      --color / --no-color                    force or disable colours (stylish only)
  -j, --jobs <n>                              worker threads for many files (default: one per core)
  -c, --config <file>                         use this configuration for every plan
      --no-config                             use no configuration: each plan alone, with the defaults

Folders are searched for *.crmteam.yaml and *.crmteam.yml (node_modules and .git are skipped). Each plan
uses the nearest crmteam.config.yaml above it: its rules, roster and ignore list, and the cross-plan checks.
Exit codes: 0 no errors, 1 errors found (or too many warnings), 2 usage or file errors.`;

export function parseCliArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): LintOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        rule: { type: 'string', short: 'r', multiple: true },
        'max-warnings': { type: 'string' },
        fix: { type: 'boolean' },
        quiet: { type: 'boolean', short: 'q' },
        'output-file': { type: 'string', short: 'o' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        jobs: { type: 'string', short: 'j' },
        config: { type: 'string', short: 'c' },
        'no-config': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw usageErrorOf(error);
  }
  const { values, positionals } = parsed;
  const [first, ...rest] = positionals;
  let command: LintOptions['command'] = 'lint';
  let patterns: string[] = [...positionals];
  if (values.help) command = 'help';
  else if (values.version) command = 'version';
  else if (first === 'lint') patterns = rest;
  else if (first === 'rules') { command = 'rules'; patterns = rest; }
  else if (first === 'help') command = 'help';
  else if (first !== undefined) {
    const command = closest(first, ['lint', 'rules', 'report', 'diff', 'help'], 2)[0];
    throw new UsageError(command ? `Unknown command \`${first}\`; did you mean \`crmteam ${command}\`?` : `Unknown command \`${first}\`; to check files, use \`crmteam lint ${first}\`.`);
  }
  else command = 'help';

  const format = values.format ?? (env.GITHUB_ACTIONS === 'true' ? 'github' : 'stylish');
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`Unknown format \`${format}\`; use one of ${FORMATS.join(', ')}.`);
  }
  const levels = ruleLevelsFromFlags(values.rule);
  if (values['no-config'] && values.config !== undefined) throw new UsageError('`--config` and `--no-config` cannot be used together.');
  const maxWarnings = values['max-warnings'] === undefined ? undefined : nonNegativeInteger('--max-warnings', values['max-warnings']);
  const jobs = values.jobs === undefined ? undefined : nonNegativeInteger('--jobs', values.jobs);
  return {
    command,
    patterns: patterns.length > 0 ? patterns : ['.'],
    format: format as Format,
    levels,
    maxWarnings,
    fix: values.fix ?? false,
    quiet: values.quiet ?? false,
    color: values['no-color'] ? false : values.color,
    outputFile: values['output-file'],
    jobs,
    noConfig: values['no-config'] ?? false,
    config: values.config,
  };
}

/** `--rule <rule-id>=<severity>` flags as rule levels (shared by every command that takes them). */
export function ruleLevelsFromFlags(specs: readonly string[] | undefined): Map<string, Level> {
  const levels = new Map<string, Level>();
  for (const spec of specs ?? []) {
    const match = /^([^=]+)=(.*)$/.exec(spec);
    if (!match) throw new UsageError(`\`--rule ${spec}\` must look like \`--rule <rule-id>=<off|hint|info|warning|error>\`.`);
    const [, id, level] = match as unknown as [string, string, string];
    if (!RULES_BY_ID.has(id)) throw new UsageError(`Unknown rule \`${id}\` in \`--rule\`; \`crmteam rules\` lists them.`);
    if (!isLevel(level)) throw new UsageError(`Unknown severity \`${level}\` for \`${id}\`; use off, hint, info, warning or error.`);
    levels.set(id, level);
  }
  return levels;
}

/** A `parseArgs` error as a usage error, without Node's advice about `--`. */
export function usageErrorOf(error: unknown): UsageError {
  return new UsageError(error instanceof Error ? error.message.replace(/\. To specify a positional.*$/s, '.') : String(error));
}

function nonNegativeInteger(flag: string, text: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`\`${flag}\` takes a whole number, not \`${text}\`.`);
  return Number(text);
}
