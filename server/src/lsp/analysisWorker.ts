// Runs inside a worker thread for large documents: analyses the versions it is sent and answers document requests
// from its latest analysis, with the same request table as the main thread (see largeDocuments.ts for the why).

import { parentPort } from 'node:worker_threads';
import { ResponseError } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../core/analyze';
import { ruleLevelsFromObject } from '../core/ruleOptions';
import type { Settings } from '../common/settings';
import { FEATURES, runDocumentRequest, type ClientSupport, type DocumentMethod, type Found } from './requests';
import { featureContext } from './convert';

export interface AnalyzeMessage {
  readonly kind: 'analyze';
  readonly uri: string;
  readonly languageId: string;
  readonly version: number;
  readonly generation: number;
  readonly text: string;
  readonly settings: Settings;
  readonly docsBase: string;
}

export interface RequestMessage {
  readonly kind: 'request';
  readonly id: number;
  readonly uri: string;
  /** A document method, or `$/diagnostics` for the diagnostics of the latest analysis. */
  readonly method: DocumentMethod | '$/diagnostics';
  readonly params: unknown;
  readonly support: ClientSupport;
}

export interface DropMessage {
  readonly kind: 'drop';
  readonly uri: string;
}

export type ToWorker = AnalyzeMessage | RequestMessage | DropMessage;

export type FromWorker =
  | { readonly kind: 'analyzed'; readonly uri: string; readonly version: number; readonly generation: number }
  | { readonly kind: 'response'; readonly id: number; readonly result: unknown }
  | { readonly kind: 'failure'; readonly id: number; readonly code: number; readonly message: string; readonly data?: unknown }
  | { readonly kind: 'log'; readonly message: string };

export function runAnalysisWorker(): void {
  const port = parentPort;
  if (!port) return;
  const latest = new Map<string, Found>();
  const send = (message: FromWorker) => port.postMessage(message);

  port.on('message', (message: ToWorker) => {
    if (message.kind === 'drop') {
      latest.delete(message.uri);
    } else if (message.kind === 'analyze') {
      try {
        const analysis = analyze(message.text, {
          levels: ruleLevelsFromObject(message.settings.rules),
          onRuleError: (ruleId, error) => send({ kind: 'log', message: `The rule ${ruleId} threw; it was reported as one finding. ${String(error)}` }),
        });
        const snapshot = TextDocument.create(message.uri, message.languageId, message.version, message.text);
        latest.set(message.uri, { analysis, snapshot, ctx: featureContext(snapshot, message.settings, message.docsBase) });
      } catch (error) {
        send({ kind: 'log', message: `Analysing ${message.uri} failed: ${String(error)}` });
      }
      // Reported even after a failure, so that nobody waits forever for this version.
      send({ kind: 'analyzed', uri: message.uri, version: message.version, generation: message.generation });
    } else {
      const found = latest.get(message.uri);
      try {
        if (!found) throw new ResponseError(-32802, 'The document is being analysed.', { retriggerRequest: true });
        const result = message.method === '$/diagnostics'
          ? FEATURES.diagnostics(found.analysis, found.ctx)
          : runDocumentRequest(message.method, found, message.params, message.support);
        send({ kind: 'response', id: message.id, result });
      } catch (error) {
        const failure = error instanceof ResponseError
          ? { code: error.code, message: error.message, data: error.data as unknown }
          : { code: -32603, message: error instanceof Error ? error.message : String(error) };
        send({ kind: 'failure', id: message.id, ...failure });
      }
    }
  });
}
