// The VS Code extension on the web (`browser`, dist/browser.js: vscode.dev, github.dev, any VS Code for the Web): the
// same extension as extension.ts, with the language server, dist/browserServer.js, in a web worker instead of a Node
// process. The server is the same code, analysing on the worker's one thread (see server/src/lsp/browserMain.ts).

import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient } from 'vscode-languageclient/browser';
import { activateClient, deactivateClient, type CrmTeamApi } from './activate';

export type { CrmTeamApi } from './activate';

/** The browser's Worker (the extension host's global scope has it; the project's type library is Node's). */
declare class Worker {
  constructor(url: string, options?: { name?: string });
  terminate(): void;
}

export function activate(context: vscode.ExtensionContext): Promise<CrmTeamApi> {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'browserServer.js');
  let worker: Worker | undefined;
  context.subscriptions.push({ dispose: () => worker?.terminate() });
  return activateClient(context, (id, name, clientOptions) => new LanguageClient(id, name, async () => {
    // A fresh worker for every start (a restart too): a stopped server has ended its connection for good.
    worker?.terminate();
    worker = new Worker(serverMain.toString(true), { name: 'CRM Team Language Server' });
    // The transports, not the worker: the client would test `worker instanceof Worker`, which is false in VS Code
    // for the Web, whose extension host replaces `Worker` with a function that returns the real one.
    return { reader: new BrowserMessageReader(worker as never), writer: new BrowserMessageWriter(worker as never) };
  }, clientOptions));
}

export function deactivate(): Promise<void> {
  return deactivateClient();
}
