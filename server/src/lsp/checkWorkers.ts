// Checks the plans that are not open in worker threads (Node only), for the workspace index: a workspace of
// thousands of plans is read at start-up as fast as `crmteam lint` reads it, and the main thread stays free for the
// open documents. Each check is independent (the text and its inputs go in, diagnostics and facts come out), so the
// workers hold nothing between checks and a check simply goes to the worker with the fewest waiting.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AnalysisInputs, Checked, PlanChecker, SourceDocument } from './analysisSource';
import type { FromWorker, ToWorker } from './analysisWorker';
import { describeError } from './handler';
import { workerError } from './largeDocuments';

/** Workers with nothing to check are ended after this long: an idle server keeps no threads (or heaps) around. */
const IDLE_WORKER_MS = 3_000;

export interface CheckWorkersOptions {
  /** The script that runs as an analysis worker (the server bundle itself, see main.ts). */
  readonly workerScript: string;
  readonly log: (message: string) => void;
  /** How many workers at most; one per core by default (at most 4: beyond that reading files is the limit). */
  readonly size?: number;
}

interface Slot {
  worker?: Worker;
  timer?: NodeJS.Timeout;
  readonly waiting: Map<number, { resolve: (checked: Checked) => void; reject: (error: Error) => void }>;
}

export class CheckWorkers implements PlanChecker {
  private readonly slots: Slot[];
  private nextId = 1;
  private disposed = false;

  constructor(private readonly options: CheckWorkersOptions) {
    const size = Math.max(1, options.size ?? Math.min(4, availableParallelism()));
    this.slots = Array.from({ length: size }, () => ({ waiting: new Map() }));
  }

  check(document: SourceDocument, inputs: AnalysisInputs): Promise<Checked> {
    if (this.disposed) return Promise.reject(new Error('The plan checker was disposed.'));
    const slot = this.slots.reduce((a, b) => (b.waiting.size < a.waiting.size ? b : a));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      slot.waiting.set(id, { resolve, reject });
      const message: ToWorker = { kind: 'check', id, document, inputs };
      this.workerOf(slot).postMessage(message);
    });
  }

  dispose(): void {
    this.disposed = true;
    for (const slot of this.slots) {
      if (slot.timer) clearTimeout(slot.timer);
      void slot.worker?.terminate();
      slot.worker = undefined;
    }
  }

  private workerOf(slot: Slot): Worker {
    if (slot.timer) {
      clearTimeout(slot.timer);
      slot.timer = undefined;
    }
    if (slot.worker) return slot.worker;
    const worker = new Worker(this.options.workerScript, { argv: ['--analysis-worker'] });
    worker.on('message', (message: FromWorker) => this.onMessage(slot, message));
    worker.on('error', (error) => this.options.log(`A plan-checking worker failed: ${describeError(error)}`));
    worker.on('exit', (code) => this.onExit(slot, worker, code));
    // Workers must not keep a server alive whose client has gone.
    worker.unref();
    slot.worker = worker;
    return worker;
  }

  private onMessage(slot: Slot, message: FromWorker): void {
    if (message.kind === 'log') {
      this.options.log(message.message);
      return;
    }
    if (message.kind !== 'response' && message.kind !== 'error') return;
    const waiting = slot.waiting.get(message.id);
    slot.waiting.delete(message.id);
    if (waiting) {
      if (message.kind === 'response') waiting.resolve(message.result as Checked);
      else waiting.reject(workerError(message.name, message.message, message.stack));
    }
    if (slot.waiting.size === 0) this.endWhenIdle(slot);
  }

  private endWhenIdle(slot: Slot): void {
    const worker = slot.worker;
    if (!worker || slot.timer) return;
    slot.timer = setTimeout(() => {
      slot.timer = undefined;
      if (slot.worker !== worker || slot.waiting.size > 0) return;
      slot.worker = undefined;
      void worker.terminate();
    }, IDLE_WORKER_MS);
    slot.timer.unref();
  }

  /** A worker that dies fails the checks it held (the index reports those plans as not checked). */
  private onExit(slot: Slot, worker: Worker, code: number): void {
    if (slot.worker !== worker) return;
    slot.worker = undefined;
    if (code !== 0 && !this.disposed) this.options.log(`A plan-checking worker exited with code ${code}.`);
    for (const waiting of slot.waiting.values()) waiting.reject(new Error(`The worker checking it exited with code ${code}.`));
    slot.waiting.clear();
  }
}
