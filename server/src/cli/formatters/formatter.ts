// An output format, printed piece by piece: the lint prints each file's part as soon as the file is final (its scope's
// cross-plan pass done), so the report of a large folder is formatted and written while the workers check the rest.

import type { FileReport } from '../lint';
import type { ScopeSummary } from './stylish';
import { addSummary, EMPTY_SUMMARY, summarize, type Summary } from './summary';

/** What the end of a report may say about the whole run. */
export interface RunSummary {
  readonly summary: Summary;
  /** Plans reported (configuration and roster files are not plans). */
  readonly plans: number;
  readonly scopes: readonly ScopeSummary[];
}

export interface Formatter {
  start(): string;
  /** One file's part; files come in report order. */
  file(report: FileReport): string;
  end(run: RunSummary): string;
}

/** The whole report at once, for callers that have every file in hand. */
export function formatAll(formatter: Formatter, reports: readonly FileReport[], scopes: readonly ScopeSummary[] = []): string {
  let summary = EMPTY_SUMMARY;
  let out = formatter.start();
  for (const report of reports) {
    out += formatter.file(report);
    summary = addSummary(summary, summarize([report]));
  }
  return out + formatter.end({ summary, plans: reports.filter((r) => !r.settings).length, scopes });
}
