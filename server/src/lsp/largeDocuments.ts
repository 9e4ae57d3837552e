// Keeps the server responsive on very large plans (Node only: worker threads). Parsing a 50,000-line plan takes
// seconds and cannot be split, so such documents are analysed off the main thread by two workers that take turns:
// the one holding the freshest finished analysis answers requests at once, while the other analyses the newest
// version. Versions typed in the meantime are never analysed (only the newest one is), and `newest` waits for the
// version it was asked about. `LargeDocumentSource` sends each document to the worker source or the local one by its
// size; both implement the one `AnalysisSource` interface (analysisSource.ts), so the server never asks which.

import { Worker } from 'node:worker_threads';
import { ResponseError } from 'vscode-languageserver';
import {
  InputStamps, resultIdOf,
  type AnalysisHandle, type AnalysisSource, type AnalysisSourceOptions, type Cancellation, type SourceDocument,
} from './analysisSource';
import type { AnalyzeMessage, FromWorker, ToWorker } from './analysisWorker';
import { LocalAnalysisSource } from './cache';
import { describeError, StaleRequest } from './handler';
import type { AnalysisMethod, ClientSupport, Features } from './requests';

/**
 * Documents longer than this are analysed in workers: about 12,500 lines of a realistic plan. Below it an analysis
 * takes about 200 ms or less on the main thread, and two more V8 heaps would cost more memory than they save time.
 */
export const LARGE_DOCUMENT_LENGTH = 500_000;

/**
 * A worker that neither serves nor analyses any document is ended after this long: each one holds a heap of hundreds
 * of megabytes after analysing a very large plan, and starting a new one takes well under a second.
 */
const IDLE_WORKER_MS = 3_000;

export interface LargeDocumentSourceOptions extends AnalysisSourceOptions {
  /** The script that runs as an analysis worker (the server bundle itself, see main.ts). */
  readonly workerScript: string;
  /** The feature functions of the main thread; the workers always run the real ones. */
  readonly features?: Features;
  /** Documents longer than this go to the workers; `LARGE_DOCUMENT_LENGTH` unless a test sets it. */
  readonly largeLength?: number;
}

/** Small documents on the main thread, large ones in the workers; a document moves when it crosses the size. */
export class LargeDocumentSource implements AnalysisSource {
  private readonly local: LocalAnalysisSource;
  private readonly workers: WorkerAnalysisSource;
  private readonly largeLength: number;

  constructor(options: LargeDocumentSourceOptions) {
    this.largeLength = options.largeLength ?? LARGE_DOCUMENT_LENGTH;
    // One stamp counter for both, so that a document moving between them never repeats a result id.
    const stamps = new InputStamps();
    this.local = new LocalAnalysisSource({ ...options, stamps });
    this.workers = new WorkerAnalysisSource({ ...options, stamps });
  }

  update(document: SourceDocument): void {
    if (document.text.length > this.largeLength) {
      this.local.forget(document.uri);
      this.workers.update(document);
    } else {
      this.workers.forget(document.uri);
      this.local.update(document);
    }
  }

  newest(uri: string, token?: Cancellation): Promise<AnalysisHandle | undefined> {
    return this.sourceOf(uri).newest(uri, token);
  }

  freshest(uri: string, token?: Cancellation): Promise<AnalysisHandle | undefined> {
    return this.sourceOf(uri).freshest(uri, token);
  }

  invalidate(uri: string): void {
    this.local.invalidate(uri);
    this.workers.reanalyse(uri);
  }

  invalidateAll(): void {
    this.local.invalidateAll();
    this.workers.reanalyseAll();
  }

  forget(uri: string): void {
    this.local.forget(uri);
    this.workers.forget(uri);
  }

  dispose(): void {
    this.local.dispose();
    this.workers.dispose();
  }

  private sourceOf(uri: string): AnalysisSource {
    return this.workers.has(uri) ? this.workers : this.local;
  }
}

interface Turn {
  readonly worker: number;
  readonly version: number;
  readonly stamp: number;
}

interface Waiter {
  /** `undefined`: whichever analysis finishes first. */
  readonly version?: number;
  readonly stamp: number;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

interface DocumentState {
  /** The newest text given to `update`. */
  document: SourceDocument;
  /** The worker with the freshest finished analysis, which answers requests. */
  served?: Turn;
  /** The analysis under way, if any. */
  running?: Turn;
  /** The newest version, waiting for a worker when one is already busy with an older version. */
  wanted?: AnalyzeMessage;
  /** The newest version ever sent: analysed again if a worker dies with it. */
  latest?: AnalyzeMessage;
  crashes: number;
  /** Requests waiting for a version to be analysed. */
  readonly waiters: Waiter[];
}

export interface WorkerAnalysisSourceOptions extends AnalysisSourceOptions {
  readonly workerScript: string;
  readonly stamps?: InputStamps;
}

/** Every document it is given is analysed by the two workers (whatever its size: `LargeDocumentSource` chooses). */
export class WorkerAnalysisSource implements AnalysisSource {
  private readonly workers: (Worker | undefined)[] = [undefined, undefined];
  private readonly idleTimers: (NodeJS.Timeout | undefined)[] = [undefined, undefined];
  private readonly states = new Map<string, DocumentState>();
  private readonly pending = new Map<number, { worker: number; resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private readonly stamps: InputStamps;
  private nextId = 1;

  constructor(private readonly options: WorkerAnalysisSourceOptions) {
    this.stamps = options.stamps ?? new InputStamps();
  }

  /** Whether this document is handled here: `update`d and not forgotten since. */
  has(uri: string): boolean {
    return this.states.has(uri);
  }

  /**
   * Takes the document's newest version and schedules its analysis once its inputs are read. Requests arriving
   * meanwhile wait for that analysis instead of being answered from nothing.
   */
  update(document: SourceDocument): void {
    const state = this.states.get(document.uri);
    if (state) {
      state.document = document;
      // A new version gets its own three attempts (see onExit).
      state.crashes = 0;
    } else this.states.set(document.uri, { document, crashes: 0, waiters: [] });
    this.schedule(document.uri);
  }

  async newest(uri: string, token?: Cancellation): Promise<AnalysisHandle | undefined> {
    const state = this.states.get(uri);
    if (!state) return undefined;
    const version = state.document.version;
    const stamp = this.stamps.of(uri);
    const served = state.served;
    if (!served || served.version !== version || served.stamp !== stamp) {
      await new Promise<void>((resolve, reject) => state.waiters.push({ version, stamp, resolve, reject }));
    }
    if (token?.isCancellationRequested) throw new StaleRequest('cancelled');
    return this.handle(uri, state);
  }

  async freshest(uri: string, token?: Cancellation): Promise<AnalysisHandle | undefined> {
    const state = this.states.get(uri);
    if (!state) return undefined;
    // Nothing analysed yet (the document just opened): wait for the first analysis, whichever version it is.
    if (!state.served) await new Promise<void>((resolve, reject) => state.waiters.push({ stamp: 0, resolve, reject }));
    if (token?.isCancellationRequested) throw new StaleRequest('cancelled');
    return this.handle(uri, state);
  }

  invalidate(uri: string): void {
    this.stamps.invalidate(uri);
    this.schedule(uri);
  }

  invalidateAll(): void {
    this.stamps.invalidateAll();
    this.reanalyseAll();
  }

  /** Analyses the document again with its current inputs stamp (shared stamps bumped by someone else). */
  reanalyse(uri: string): void {
    this.schedule(uri);
  }

  reanalyseAll(): void {
    for (const uri of this.states.keys()) this.schedule(uri);
  }

  forget(uri: string): void {
    const state = this.states.get(uri);
    if (!state) return;
    this.states.delete(uri);
    for (const waiter of state.waiters) waiter.reject(new StaleRequest('stale'));
    for (const worker of this.workers) if (worker) this.post(worker, { kind: 'drop', uri });
    this.endIdleWorkers();
  }

  dispose(): void {
    for (const timer of this.idleTimers) if (timer) clearTimeout(timer);
    for (const worker of this.workers) void worker?.terminate();
    this.workers.fill(undefined);
  }

  /** A handle on the analysis being served now; its requests go to the worker holding it. */
  private handle(uri: string, state: DocumentState): AnalysisHandle {
    const served = state.served;
    if (!served) throw new StaleRequest('stale');
    return {
      uri,
      version: served.version,
      resultId: resultIdOf(served.version, served.stamp),
      run: (method, params, support) => this.request(uri, served, method, params, support),
    };
  }

  private request(uri: string, turn: Turn, method: AnalysisMethod, params: unknown, support: ClientSupport): Promise<unknown> {
    const worker = this.workerOf(turn.worker);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { worker: turn.worker, resolve, reject });
      this.post(worker, { kind: 'request', id, uri, version: turn.version, stamp: turn.stamp, method, params, support });
    });
  }

  /** Reads the document's inputs, then sends its newest version to be analysed; only the newest is ever analysed. */
  private schedule(uri: string): void {
    const state = this.states.get(uri);
    if (!state) return;
    const document = state.document;
    const stamp = this.stamps.of(uri);
    this.options.inputsFor(uri).then((inputs) => {
      // Forgotten, changed or invalidated meanwhile: a later schedule carries the newer state.
      if (this.states.get(uri) !== state || state.document !== document || this.stamps.of(uri) !== stamp) return;
      state.wanted = { kind: 'analyze', document, stamp, inputs };
      state.latest = state.wanted;
      this.startNext(state);
    }, (error: unknown) => {
      this.options.log(`Reading the inputs of ${uri} failed; it is not analysed until it changes. ${describeError(error)}`);
      if (this.states.get(uri) === state) for (const waiter of state.waiters.splice(0)) waiter.reject(new StaleRequest('stale'));
    });
  }

  /** Schedules the end of each worker that has nothing to do; any new work for it cancels that. */
  private endIdleWorkers(): void {
    this.workers.forEach((worker, index) => {
      if (!worker || this.idleTimers[index] || this.isBusy(index)) return;
      const timer = setTimeout(() => {
        this.idleTimers[index] = undefined;
        if (this.workers[index] !== worker || this.isBusy(index)) return;
        this.workers[index] = undefined;
        void worker.terminate();
      }, IDLE_WORKER_MS);
      timer.unref();
      this.idleTimers[index] = timer;
    });
  }

  private isBusy(index: number): boolean {
    for (const state of this.states.values()) if (state.served?.worker === index || state.running?.worker === index) return true;
    for (const waiting of this.pending.values()) if (waiting.worker === index) return true;
    return false;
  }

  private startNext(state: DocumentState): void {
    if (state.running || !state.wanted) return;
    const message = state.wanted;
    state.wanted = undefined;
    // The worker not serving requests analyses, so answers keep flowing from the other one meanwhile.
    const index = state.served ? 1 - state.served.worker : 0;
    state.running = { worker: index, version: message.document.version, stamp: message.stamp };
    this.post(this.workerOf(index), message);
  }

  private onMessage(index: number, message: FromWorker): void {
    if (message.kind === 'log') {
      this.options.log(message.message);
    } else if (message.kind === 'analyzed') {
      this.onAnalysed(index, message.uri, message.version, message.stamp);
    } else {
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (!waiting) return;
      if (message.kind === 'response') waiting.resolve(message.result);
      else if (message.kind === 'refused') waiting.reject(new ResponseError(message.code, message.message, message.data));
      else if (message.kind === 'stale') waiting.reject(new StaleRequest('stale'));
      else waiting.reject(workerError(message.name, message.message, message.stack));
    }
  }

  private onAnalysed(index: number, uri: string, version: number, stamp: number): void {
    const state = this.states.get(uri);
    const running = state?.running;
    if (!state || !running || running.worker !== index || running.version !== version || running.stamp !== stamp) return;
    state.crashes = 0;
    const previous = state.served;
    state.served = state.running;
    state.running = undefined;
    // The other worker's analysis is now older than this one: free its memory (requests already queued there are
    // answered first, because a worker handles its messages in order).
    if (previous && previous.worker !== index) this.post(this.workerOf(previous.worker), { kind: 'drop', uri });
    this.settleWaiters(state);
    this.startNext(state);
    this.endIdleWorkers();
  }

  private settleWaiters(state: DocumentState): void {
    const served = state.served!;
    const newestVersion = state.wanted?.document.version ?? state.running?.version;
    for (const waiter of [...state.waiters]) {
      const done = waiter.version === undefined || (waiter.version === served.version && waiter.stamp === served.stamp);
      const superseded = waiter.version! < served.version || (newestVersion !== undefined && newestVersion > waiter.version!)
        || (waiter.version === served.version && waiter.stamp < served.stamp);
      if (!done && !superseded) continue;
      state.waiters.splice(state.waiters.indexOf(waiter), 1);
      if (done) waiter.resolve();
      else waiter.reject(new StaleRequest('stale'));
    }
  }

  private workerOf(index: number): Worker {
    const timer = this.idleTimers[index];
    if (timer) {
      clearTimeout(timer);
      this.idleTimers[index] = undefined;
    }
    const existing = this.workers[index];
    if (existing) return existing;
    // The worker inherits the process's options (no `execArgv`): passing V8 flags such as
    // --disallow-code-generation-from-strings explicitly is refused, and they hold for every thread anyway.
    const worker = new Worker(this.options.workerScript, { argv: ['--analysis-worker'] });
    worker.on('message', (message: FromWorker) => this.onMessage(index, message));
    worker.on('error', (error) => this.options.log(`An analysis worker failed: ${describeError(error)}`));
    worker.on('exit', (code) => this.onExit(index, worker, code));
    // Workers must not keep a server alive whose client has gone.
    worker.unref();
    this.workers[index] = worker;
    return worker;
  }

  /** A worker that dies takes its analyses with it: forget them, fail what waited on it, and analyse again. */
  private onExit(index: number, worker: Worker, code: number): void {
    if (this.workers[index] !== worker) return;
    this.workers[index] = undefined;
    if (code !== 0) this.options.log(`An analysis worker exited with code ${code}; its documents are analysed again.`);
    for (const [id, waiting] of this.pending) {
      if (waiting.worker !== index) continue;
      this.pending.delete(id);
      waiting.reject(new StaleRequest('stale'));
    }
    for (const [uri, state] of this.states) {
      const lost = state.served?.worker === index || state.running?.worker === index;
      if (state.served?.worker === index) state.served = undefined;
      if (state.running?.worker === index) state.running = undefined;
      // Analyse again, but not forever: a document that kills workers twice is left alone.
      if (lost) state.crashes++;
      if (lost && state.crashes > 2) {
        this.options.log(`Analysing ${uri} stopped an analysis worker three times in a row; it is not analysed again until it changes.`);
        state.wanted = undefined;
        for (const waiter of state.waiters.splice(0)) waiter.reject(new StaleRequest('stale'));
        continue;
      }
      if (lost && !state.wanted && state.latest) state.wanted = state.latest;
      this.startNext(state);
    }
  }

  private post(worker: Worker, message: ToWorker): void {
    worker.postMessage(message);
  }
}

/** An exception thrown in a worker, rebuilt with the worker's own stack so that the log shows where it happened. */
export function workerError(name: string, message: string, stack: string | undefined): Error {
  const error = new Error(message);
  error.name = name;
  if (stack !== undefined) error.stack = `${stack}\n    (in an analysis worker)`;
  return error;
}
