// The language server's entry point on the web (`dist/browserServer.js`): a web worker started by the browser client
// (client/src/browser.ts), talking LSP over the worker's messages. The server is the Node one (server.ts), without
// worker threads: every document, large ones included, is analysed on this worker's one thread, which is already
// off the editor's UI thread. The workspace index reads files through the client (clientFiles.ts).

import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { describeError } from './handler';
import { startServer } from './server';

/** The parts of the worker's global scope used here (the project's type library is Node's, not the WebWorker one). */
declare const self: {
  readonly location: { readonly href: string };
  addEventListener(type: 'error' | 'unhandledrejection', listener: (event: { error?: unknown; reason?: unknown; preventDefault(): void }) => void): void;
  close(): void;
};

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self as never), new BrowserMessageWriter(self as never));

// A bug anywhere must not end the session: log it and keep serving (handlers already catch their own errors).
self.addEventListener('error', (event) => {
  event.preventDefault();
  connection.console.error(`Uncaught exception: ${describeError(event.error)}`);
});
self.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  connection.console.error(`Unhandled rejection: ${describeError(event.reason)}`);
});
// The browser connection ignores `exit`; end the worker, as the Node server ends its process.
connection.onExit(() => self.close());

// No file system here: the workspace's plans, configurations and rosters are found and read by the client.
startServer(connection, { docsBase: bundledDocsBase(), workspaceFiles: 'client' });

/**
 * The rule pages next to the bundle (dist/browserServer.js → docs/rules), for clients that do not pass `docsBase`
 * (ours always does). VS Code for the Web starts workers from a blob: URL, against which no path resolves: none then.
 */
function bundledDocsBase(): string {
  try {
    return new URL('../docs/rules', self.location.href).href;
  } catch {
    return '';
  }
}
