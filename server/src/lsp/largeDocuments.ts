// Keeps the server responsive on very large plans. Parsing a 50,000-line plan takes seconds and cannot be split, so
// such documents are analysed off the main thread by two workers that take turns: the one holding the freshest
// finished analysis answers requests at once, while the other analyses the newest version. Versions typed in the
// meantime are never analysed (only the newest one is), and diagnostics wait for the version they were asked for.

import { Worker } from 'node:worker_threads';
import { ResponseError } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Settings } from '../common/settings';
import type { AnalyzeMessage, FromWorker, ToWorker } from './analysisWorker';
import { StaleRequest, type Logger } from './handler';
import type { ClientSupport, DocumentMethod } from './requests';

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

/** A waiter for whichever version is analysed first. */
const ANY_VERSION = -1;

interface Turn {
  readonly worker: number;
  readonly version: number;
  readonly generation: number;
}

interface DocumentState {
  /** The worker with the freshest finished analysis, which answers requests. */
  served?: Turn;
  /** The analysis under way, if any. */
  running?: Turn;
  /** The newest version, waiting for a worker when one is already busy with an older version. */
  wanted?: AnalyzeMessage;
  /** The newest version ever scheduled: analysed again if a worker dies with it. */
  latest?: AnalyzeMessage;
  crashes?: number;
  /** Diagnostics requests waiting for a version to be analysed. */
  readonly waiters: { version: number; generation: number; resolve: () => void; reject: (error: Error) => void }[];
}

export class LargeDocuments {
  private readonly workers: (Worker | undefined)[] = [undefined, undefined];
  private readonly idleTimers: (NodeJS.Timeout | undefined)[] = [undefined, undefined];
  private readonly states = new Map<string, DocumentState>();
  private readonly pending = new Map<number, { worker: number; resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private nextId = 1;

  constructor(private readonly script: string, private readonly logger: Logger) {}

  isLarge(document: TextDocument): boolean {
    return document.getText().length > LARGE_DOCUMENT_LENGTH;
  }

  /** Whether this document is handled here: `track`ed and not closed since. */
  has(uri: string): boolean {
    return this.states.has(uri);
  }

  /**
   * Starts handling a document here, before its first analysis is scheduled (which waits for its settings), so that
   * requests arriving meanwhile wait for that analysis instead of analysing on the main thread.
   */
  track(uri: string): void {
    this.stateOf(uri);
  }

  /** Schedules an analysis of the document's current version; only the newest scheduled version is analysed. */
  update(document: TextDocument, settings: Settings, docsBase: string, generation: number): void {
    const state = this.stateOf(document.uri);
    state.wanted = {
      kind: 'analyze', uri: document.uri, languageId: document.languageId, version: document.version, generation,
      text: document.getText(), settings, docsBase,
    };
    state.latest = state.wanted;
    this.startNext(state);
  }

  /** Resolves once `version` (with settings `generation`) has been analysed; rejects when a newer version supersedes it. */
  analysed(uri: string, version: number, generation: number): Promise<void> {
    const state = this.states.get(uri);
    if (!state) return Promise.reject(new StaleRequest('stale'));
    const served = state.served;
    if (served && served.version === version && served.generation === generation) return Promise.resolve();
    return new Promise((resolve, reject) => state.waiters.push({ version, generation, resolve, reject }));
  }

  /** Answers a document request from the freshest finished analysis, waiting only for the very first one. */
  async request(uri: string, method: DocumentMethod | '$/diagnostics', params: unknown, support: ClientSupport): Promise<unknown> {
    const state = this.states.get(uri);
    if (!state) throw new StaleRequest('stale');
    if (!state.served) {
      // Nothing analysed yet (the document just opened): wait for the first analysis, whichever version it is.
      await new Promise<void>((resolve, reject) => state.waiters.push({ version: ANY_VERSION, generation: 0, resolve, reject }));
    }
    const index = state.served!.worker;
    const worker = this.workerOf(index);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { worker: index, resolve, reject });
      this.post(worker, { kind: 'request', id, uri, method, params, support });
    });
  }

  /** The version and settings generation requests are answered from, if any. */
  servedTurn(uri: string): { version: number; generation: number } | undefined {
    return this.states.get(uri)?.served;
  }

  close(uri: string): void {
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

  private stateOf(uri: string): DocumentState {
    let state = this.states.get(uri);
    if (!state) {
      state = { waiters: [] };
      this.states.set(uri, state);
    }
    return state;
  }

  private startNext(state: DocumentState): void {
    if (state.running || !state.wanted) return;
    const message = state.wanted;
    state.wanted = undefined;
    // The worker not serving requests analyses, so answers keep flowing from the other one meanwhile.
    const index = state.served ? 1 - state.served.worker : 0;
    state.running = { worker: index, version: message.version, generation: message.generation };
    this.post(this.workerOf(index), message);
  }

  private onMessage(index: number, message: FromWorker): void {
    if (message.kind === 'log') {
      this.logger.error(message.message);
    } else if (message.kind === 'response' || message.kind === 'failure') {
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (!waiting) return;
      if (message.kind === 'response') waiting.resolve(message.result);
      else waiting.reject(new ResponseError(message.code, message.message, message.data));
    } else {
      const state = this.states.get(message.uri);
      const running = state?.running;
      if (!state || !running || running.worker !== index || running.version !== message.version || running.generation !== message.generation) return;
      state.crashes = 0;
      const previous = state.served;
      state.served = state.running;
      state.running = undefined;
      // The other worker's analysis is now older than this one: free its memory (requests already queued there
      // are answered first, because a worker handles its messages in order).
      if (previous && previous.worker !== index) this.post(this.workerOf(previous.worker), { kind: 'drop', uri: message.uri });
      this.settleWaiters(state);
      this.startNext(state);
      this.endIdleWorkers();
    }
  }

  private settleWaiters(state: DocumentState): void {
    const served = state.served!;
    const newest = state.wanted ?? state.running;
    for (const waiter of [...state.waiters]) {
      const done = waiter.version === ANY_VERSION || (waiter.version === served.version && waiter.generation === served.generation);
      const superseded = waiter.version < served.version || (newest !== undefined && newest.version > waiter.version)
        || (waiter.version === served.version && waiter.generation < served.generation);
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
    const worker = new Worker(this.script, { argv: ['--analysis-worker'], execArgv: process.execArgv.filter((a) => !a.startsWith('--inspect')) });
    worker.on('message', (message: FromWorker) => this.onMessage(index, message));
    worker.on('error', (error) => this.logger.error(`An analysis worker failed: ${error.message}`));
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
    if (code !== 0) this.logger.error(`An analysis worker exited with code ${code}; its documents are analysed again.`);
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
      if (lost) state.crashes = (state.crashes ?? 0) + 1;
      if (lost && state.crashes! > 2) {
        this.logger.error(`Analysing ${uri} stopped an analysis worker three times in a row; it is not analysed again until it changes.`);
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
