// One analysis per document version, shared by diagnostics, code actions, navigation, hover and completion
// (ARCHITECTURE.md, "From a keystroke to a squiggle"). The cache is an optimisation: a miss simply analyses again, and the same text with the
// same settings always gives the same result. Work for a version that is no longer current is dropped.

import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CancellationToken } from 'vscode-languageserver';
import { analyze, type Analysis } from '../core/analyze';
import { ruleLevelsFromObject } from '../core/ruleOptions';
import type { Settings } from '../common/settings';
import { StaleRequest } from './handler';

/** Above this many characters the server yields to the event loop before analysing, so cancellation gets through. */
const YIELD_ABOVE_LENGTH = 20_000;

export interface CachedAnalysis {
  readonly analysis: Analysis;
  /** A frozen copy of the document at the analysed version: positions always agree with the analysis' offsets. */
  readonly snapshot: TextDocument;
  readonly settings: Settings;
  /** Changes whenever the settings or the version change: the pull-diagnostics `resultId`. */
  readonly resultId: string;
}

interface Entry extends CachedAnalysis {
  readonly version: number;
  readonly generation: number;
}

export interface AnalysisCacheOptions {
  readonly settingsFor: (uri: string) => Promise<Settings>;
  /** The version the server currently holds for `uri`, `undefined` once closed. */
  readonly currentVersion: (uri: string) => number | undefined;
  readonly onRuleError?: (ruleId: string, error: unknown) => void;
}

export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();
  /** Bumped by `clear()`: results computed with earlier settings are never stored or served. */
  private generation = 0;

  constructor(private readonly options: AnalysisCacheOptions) {}

  async get(document: TextDocument, token?: CancellationToken): Promise<CachedAnalysis> {
    const uri = document.uri;
    // `TextDocuments` updates documents in place: take the version and text before any await.
    const version = document.version;
    const text = document.getText();
    for (let attempt = 0; ; attempt++) {
      const generation = this.generation;
      const hit = this.entries.get(uri);
      if (hit && hit.version === version && hit.generation === generation) return hit;
      const settings = await this.options.settingsFor(uri);
      if (text.length > YIELD_ABOVE_LENGTH) await yieldToEventLoop();
      if (token?.isCancellationRequested) throw new StaleRequest('cancelled');
      if (this.options.currentVersion(uri) !== version) throw new StaleRequest('stale');
      // The settings changed while we waited: fetch them again rather than analyse with old ones.
      if (generation !== this.generation && attempt < 3) continue;
      const again = this.entries.get(uri);
      if (again && again.version === version && again.generation === this.generation) return again;
      const analysis = analyze(text, {
        levels: ruleLevelsFromObject(settings.rules),
        ...(this.options.onRuleError ? { onRuleError: this.options.onRuleError } : {}),
      });
      // Labelled with the generation of the settings it was made with, so that it is never served as current
      // after the settings changed once more (the retries above give up after three changes in a row).
      const entry: Entry = {
        analysis,
        snapshot: TextDocument.create(uri, document.languageId, version, text),
        settings,
        resultId: `${generation}:${version}`,
        version,
        generation,
      };
      // Only the newest version of a document is kept, and only if made with the current settings.
      if (generation === this.generation) this.entries.set(uri, entry);
      return entry;
    }
  }

  /** Bumped whenever the settings change; analyses made with other settings are not served. */
  get settingsGeneration(): number {
    return this.generation;
  }

  /** Drops every analysis (settings changed); later requests analyse again. */
  clear(): void {
    this.entries.clear();
    this.generation++;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
