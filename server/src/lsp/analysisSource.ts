// The one interface between the server's wiring and its analyses (ARCHITECTURE.md, "Analysis sources"): give me the
// analysis of this document's newest version, run a request on it, and drop what is stale. Two implementations:
// `LocalAnalysisSource` (cache.ts) analyses on the calling thread and runs anywhere, a browser worker included;
// `LargeDocumentSource` (largeDocuments.ts, Node only) sends very large documents to two worker threads.
//
// An analysis is keyed by the document version AND a stamp of its inputs: everything besides the text it depends
// on (settings today; a configuration file, a roster or other plans tomorrow). Whoever sees an input change calls
// `invalidate(uri)` or `invalidateAll()`; the source then never serves an analysis made before, and large documents
// are analysed again at once. The inputs themselves are fetched by the source through `inputsFor(uri)`, after it
// has read the stamp, so an analysis is always labelled with a stamp no newer than its inputs.

import type { Diagnostic } from 'vscode-languageserver';
import { analyze } from '../engine/analyze';
import { diagnostics } from '../features/diagnostics';
import type { PlanFacts } from '../plan/facts';
import { analyzeConfig, type Config } from '../scope/config';
import { analyzeRoster, type Roster } from '../scope/roster';
import { ruleLevelsFromObject } from '../core/ruleOptions';
import type { Settings } from '../common/settings';
import { featureContext } from './convert';
import { describeError } from './handler';
import type { AnalysisMethod, ClientSupport, Found } from './requests';

/** A document's text at one version: an open document, or a file the caller read (the text is always given). */
export interface SourceDocument {
  readonly uri: string;
  readonly languageId: string;
  readonly version: number;
  readonly text: string;
}

/**
 * Everything an analysis depends on besides the document's text. Plain data (it is copied to worker threads).
 * Add a field here for each new dependency, use it in `analyzeDocument`, and call `invalidate` when it changes.
 */
export interface AnalysisInputs {
  readonly settings: Settings;
  /** Where the rule pages are, for the links in diagnostics and hovers. */
  readonly docsBase: string;
  /** The texts of the configuration (and roster) that cover the document, from the workspace index (README, "Many plans"). */
  readonly scope?: { readonly configText: string; readonly rosterText?: string };
}

/** The smallest part of a cancellation token the sources read (LSP's `CancellationToken` fits). */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

/** One finished analysis of one document version with one stamp of inputs. */
export interface AnalysisHandle {
  readonly uri: string;
  readonly version: number;
  /** Differs for every (version, inputs) pair: the pull-diagnostics `resultId`. */
  readonly resultId: string;
  /**
   * Answers a document request (or `$/diagnostics`) from this analysis. Rejects with `StaleRequest` when the analysis
   * is no longer held (a newer one replaced it meanwhile); errors of the feature itself propagate.
   */
  run(method: AnalysisMethod, params: unknown, support: ClientSupport): Promise<unknown>;
}

export interface AnalysisSource {
  /** The newest text of a document; call on open and on every change. Replaces what was given before. */
  update(document: SourceDocument): void;
  /**
   * The analysis of the newest version given to `update`, with the newest inputs, waiting for it if needed.
   * `undefined` when the document is unknown; rejects with `StaleRequest` when it is superseded while waited for
   * (a newer version, new inputs, `forget`) or the token is cancelled.
   */
  newest(uri: string, token?: Cancellation): Promise<AnalysisHandle | undefined>;
  /**
   * The freshest finished analysis, possibly of an older version, for answers that may lag a keystroke (hover,
   * navigation). Waits only when nothing is analysed yet. A source that analyses on demand answers as `newest`.
   */
  freshest(uri: string, token?: Cancellation): Promise<AnalysisHandle | undefined>;
  /** The inputs of this document changed (for example a file it depends on): its analyses are stale. */
  invalidate(uri: string): void;
  /** The inputs of every document changed (for example the settings): every analysis is stale. */
  invalidateAll(): void;
  /** Stops tracking the document (closed, deleted) and frees its analyses. */
  forget(uri: string): void;
  dispose(): void;
}

/** What a source needs from the server. */
export interface AnalysisSourceOptions {
  readonly inputsFor: (uri: string) => Promise<AnalysisInputs>;
  /** Errors that are not answers to anyone: a rule that threw, inputs that could not be read. */
  readonly log: (message: string) => void;
}

/**
 * The inputs stamp of each document: one counter, bumped by every invalidation. A document's stamp is the newest
 * of the last `invalidateAll` and its own last `invalidate`, so it only ever grows.
 */
export class InputStamps {
  private counter = 0;
  private all = 0;
  private readonly own = new Map<string, number>();

  of(uri: string): number {
    return Math.max(this.all, this.own.get(uri) ?? 0);
  }

  invalidate(uri: string): void {
    this.own.set(uri, ++this.counter);
  }

  invalidateAll(): void {
    this.all = ++this.counter;
    this.own.clear();
  }
}

/** The pull-diagnostics result id of an analysis. */
export function resultIdOf(version: number, stamp: number): string {
  return `${stamp}:${version}`;
}

/** Makes one analysis: the same on the main thread and in the workers. */
export function analyzeDocument(document: SourceDocument, inputs: AnalysisInputs, log: (message: string) => void): Found {
  const scope = inputs.scope ? scopeOf(inputs.scope) : undefined;
  const analysis = analyze(document.text, {
    levels: ruleLevelsFromObject(inputs.settings.rules),
    ...(scope ? { config: scope.config, ...(scope.roster ? { roster: scope.roster } : {}) } : {}),
    onRuleError: (ruleId, error) => log(`The rule ${ruleId} threw; it was reported as one finding. ${describeError(error)}`),
  });
  return { analysis, ctx: featureContext({ uri: document.uri, version: document.version, lines: analysis.lines }, inputs.settings, inputs.docsBase) };
}

/** What the workspace index keeps of a plan that is not open: its diagnostics and what the cross-plan rules need. */
export interface Checked {
  /** Without code-action data: a closed plan has no analysis to find fixes in. */
  readonly diagnostics: Diagnostic[];
  readonly facts: PlanFacts;
}

/** Checks a plan that is not open, from its file's text: the same analysis as an open document's. */
export function checkDocument(document: SourceDocument, inputs: AnalysisInputs, log: (message: string) => void): Checked {
  const found = analyzeDocument(document, inputs, log);
  return {
    diagnostics: diagnostics(found.analysis, found.ctx).map(({ data: _data, ...diagnostic }) => diagnostic),
    facts: found.analysis.facts,
  };
}

/** Checks plans that are not open for the workspace index: on the calling thread, or in worker threads (Node). */
export interface PlanChecker {
  check(document: SourceDocument, inputs: AnalysisInputs): Promise<Checked>;
  dispose(): void;
}

/** The checker that works on the calling thread (in-process tests, the web). */
export function localPlanChecker(log: (message: string) => void): PlanChecker {
  return {
    check: async (document, inputs) => checkDocument(document, inputs, log),
    dispose: () => undefined,
  };
}

/** The parsed configuration and roster of the last few scopes seen: the same texts come with every analysis. */
const parsedScopes = new Map<string, { config: Config; roster?: Roster }>();

function scopeOf(texts: NonNullable<AnalysisInputs['scope']>): { config: Config; roster?: Roster } {
  const key = `${texts.configText}\u0000${texts.rosterText ?? ''}`;
  let parsed = parsedScopes.get(key);
  if (!parsed) {
    parsed = { config: analyzeConfig(texts.configText).config, ...(texts.rosterText !== undefined ? { roster: analyzeRoster(texts.rosterText) } : {}) };
    if (parsedScopes.size >= 8) parsedScopes.delete(parsedScopes.keys().next().value!);
    parsedScopes.set(key, parsed);
  }
  return parsed;
}
