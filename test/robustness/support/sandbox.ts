// Runs a robustness job in a worker thread with a real time box and a memory cap. A synchronous hang cannot be
// interrupted on the test's own thread; a worker can be terminated. The job reports progress with `beat(label)`:
// when no beat arrives within `idleMs`, the worker is terminated and the test fails naming the last input started.
//
// The worker runs the same bundled test file (`__filename`): each robustness test file calls `serveJobs(jobs)` at
// the top level, which on a worker runs the requested job, and on the main thread does nothing.

import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

export type Beat = (label: string) => void;
export type Job = (payload: unknown, beat: Beat) => unknown | Promise<unknown>;

interface JobRequest { readonly job: string; readonly payload: unknown }

type WorkerMessage =
  | { readonly kind: 'beat'; readonly label: string }
  | { readonly kind: 'done'; readonly result: unknown }
  | { readonly kind: 'error'; readonly message: string };

/** True on the worker thread started by `runSandboxed`: test files register no tests there. */
export const inSandbox = !isMainThread && (workerData as JobRequest | undefined)?.job !== undefined;

export function serveJobs(jobs: Readonly<Record<string, Job>>): void {
  if (!inSandbox || !parentPort) return;
  const port = parentPort;
  const { job, payload } = workerData as JobRequest;
  const run = jobs[job];
  const fail = (error: unknown) => {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    port.postMessage({ kind: 'error', message } satisfies WorkerMessage);
  };
  // The engine does no IO: a library warning printed on the way (process.emitWarning) fails the job.
  const warnings: string[] = [];
  let last = '(before the first input)';
  process.on('warning', (warning) => warnings.push(`${warning.name}: ${warning.message} (on ${last})`));
  const beat: Beat = (label) => {
    last = label;
    port.postMessage({ kind: 'beat', label } satisfies WorkerMessage);
  };
  try {
    if (!run) throw new Error(`no job named ${job}`);
    void Promise.resolve(run(payload, beat)).then(
      // Warnings are emitted on the next tick: give them one before judging.
      (result) => setImmediate(() => {
        if (warnings.length > 0) fail(new Error(`the job printed ${warnings.length} warnings, the first: ${warnings[0]}`));
        else port.postMessage({ kind: 'done', result } satisfies WorkerMessage);
      }),
      fail,
    );
  } catch (error) {
    fail(error);
  }
}

export interface SandboxLimits {
  /** The longest time allowed between two beats (one input's whole check). */
  readonly idleMs: number;
  /** The worker's old-generation heap cap. */
  readonly memoryMb?: number;
  /** The worker's stack size, in megabytes (Node's default for workers is 4). */
  readonly stackMb?: number;
}

export class SandboxTimeout extends Error {}

/** Runs `job` of the bundled file `file` on a worker; resolves with its result, rejects on error, timeout or OOM. */
export function runSandboxed<T>(file: string, job: string, payload: unknown, limits: SandboxLimits): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(file, {
      workerData: { job, payload } satisfies JobRequest,
      resourceLimits: {
        ...(limits.memoryMb ? { maxOldGenerationSizeMb: limits.memoryMb } : {}),
        ...(limits.stackMb ? { stackSizeMb: limits.stackMb } : {}),
      },
      stdout: false,
      stderr: false,
    });
    let last = '(before the first input)';
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      action();
      void worker.terminate();
    };
    const arm = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => settle(() => reject(new SandboxTimeout(`no progress for ${limits.idleMs} ms: stuck on ${last}`))), limits.idleMs);
    };
    arm();
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'beat') {
        last = message.label;
        arm();
      } else if (message.kind === 'done') {
        settle(() => resolve(message.result as T));
      } else {
        settle(() => reject(new Error(`job ${job} failed on ${last}: ${message.message}`)));
      }
    });
    worker.on('error', (error) => settle(() => reject(new Error(`worker of job ${job} died on ${last}: ${error.message}`))));
    worker.on('exit', (code) => settle(() => reject(new Error(`worker of job ${job} exited with code ${code} on ${last}`))));
  });
}
