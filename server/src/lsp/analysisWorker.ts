// Runs inside a worker thread for large documents: analyses the versions it is sent and answers document requests
// from its latest analysis, with the same request table as the main thread (see largeDocuments.ts for the why). The
// same worker script checks plans that are not open for the workspace index (checkWorkers.ts).

import { parentPort } from 'node:worker_threads';
import { ResponseError } from 'vscode-languageserver';
import { analyzeDocument, checkDocument, type AnalysisInputs, type SourceDocument } from './analysisSource';
import { describeError } from './handler';
import { runDocumentRequest, type AnalysisMethod, type ClientSupport, type Found } from './requests';

export interface AnalyzeMessage {
  readonly kind: 'analyze';
  readonly document: SourceDocument;
  /** The inputs stamp the analysis is labelled with (analysisSource.ts). */
  readonly stamp: number;
  readonly inputs: AnalysisInputs;
}

export interface RequestMessage {
  readonly kind: 'request';
  readonly id: number;
  readonly uri: string;
  /** The analysis the request is meant for: answered `stale` when this worker no longer holds it. */
  readonly version: number;
  readonly stamp: number;
  readonly method: AnalysisMethod;
  readonly params: unknown;
  readonly support: ClientSupport;
}

export interface DropMessage {
  readonly kind: 'drop';
  readonly uri: string;
}

/** A plan that is not open, checked for the workspace index (checkWorkers.ts): answered with `Checked`, not kept. */
export interface CheckMessage {
  readonly kind: 'check';
  readonly id: number;
  readonly document: SourceDocument;
  readonly inputs: AnalysisInputs;
}

export type ToWorker = AnalyzeMessage | RequestMessage | DropMessage | CheckMessage;

export type FromWorker =
  | { readonly kind: 'analyzed'; readonly uri: string; readonly version: number; readonly stamp: number }
  | { readonly kind: 'response'; readonly id: number; readonly result: unknown }
  /** A deliberate answer for the client (a `ResponseError`, such as a refused rename). */
  | { readonly kind: 'refused'; readonly id: number; readonly code: number; readonly message: string; readonly data?: unknown }
  /** The analysis asked for was replaced by a newer one. */
  | { readonly kind: 'stale'; readonly id: number }
  /** A bug: the exception with its stack, for the log. */
  | { readonly kind: 'error'; readonly id: number; readonly name: string; readonly message: string; readonly stack?: string }
  | { readonly kind: 'log'; readonly message: string };

interface Held extends Found {
  readonly version: number;
  readonly stamp: number;
}

export function runAnalysisWorker(): void {
  const port = parentPort;
  if (!port) return;
  const latest = new Map<string, Held>();
  const send = (message: FromWorker) => port.postMessage(message);
  const log = (message: string) => send({ kind: 'log', message });
  const sendError = (id: number, error: unknown) => {
    const e = error instanceof Error ? error : new Error(String(error));
    send({ kind: 'error', id, name: e.name, message: e.message, ...(e.stack !== undefined ? { stack: e.stack } : {}) });
  };

  port.on('message', (message: ToWorker) => {
    if (message.kind === 'drop') {
      latest.delete(message.uri);
    } else if (message.kind === 'check') {
      try {
        send({ kind: 'response', id: message.id, result: checkDocument(message.document, message.inputs, log) });
      } catch (error) {
        sendError(message.id, error);
      }
    } else if (message.kind === 'analyze') {
      const { document, stamp } = message;
      try {
        latest.set(document.uri, { ...analyzeDocument(document, message.inputs, log), version: document.version, stamp });
      } catch (error) {
        log(`Analysing ${document.uri} failed: ${describeError(error)}`);
      }
      // Reported even after a failure, so that nobody waits forever for this version.
      send({ kind: 'analyzed', uri: document.uri, version: document.version, stamp });
    } else {
      const held = latest.get(message.uri);
      if (!held || held.version !== message.version || held.stamp !== message.stamp) {
        send({ kind: 'stale', id: message.id });
        return;
      }
      try {
        send({ kind: 'response', id: message.id, result: runDocumentRequest(message.method, held, message.params, message.support) });
      } catch (error) {
        if (error instanceof ResponseError) {
          send({ kind: 'refused', id: message.id, code: error.code, message: error.message, data: error.data as unknown });
        } else {
          sendError(message.id, error);
        }
      }
    }
  });
}
