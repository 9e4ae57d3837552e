// The VS Code extension on the desktop (`main`, dist/extension.js) is a launcher: it starts the language server,
// dist/server.js, in a Node process over IPC; everything else is activate.ts, shared with the web entry (browser.ts).
// Every check, hover and fix is the server's.

import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateClient, deactivateClient, type CrmTeamApi } from './activate';

export type { CrmTeamApi } from './activate';

export function activate(context: vscode.ExtensionContext): Promise<CrmTeamApi> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  return activateClient(context, (id, name, clientOptions) => new LanguageClient(id, name, serverOptions, clientOptions));
}

export function deactivate(): Promise<void> {
  return deactivateClient();
}
