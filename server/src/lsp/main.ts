// The language server's entry point (`dist/server.js`): `--stdio`, `--node-ipc` or `--socket=N`, as chosen by
// `createConnection` from the command line. Everything else is in server.ts.

import { isMainThread } from 'node:worker_threads';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { runAnalysisWorker } from './analysisWorker';
import { bundledDocsBase } from '../common/docsBase';
import { describeError } from './handler';
import { CheckWorkers } from './checkWorkers';
import { LargeDocumentSource } from './largeDocuments';
import { nodeWorkspaceFiles } from './nodeFiles';
import { startServer } from './server';

if (!isMainThread) {
  // The same bundle serves as the analysis worker for large documents (largeDocuments.ts) and for checking the
  // workspace's closed plans (checkWorkers.ts).
  runAnalysisWorker();
} else {
  const connection = createConnection(ProposedFeatures.all);

  // A bug anywhere must not end the session: log it and keep serving (handlers already catch their own errors).
  process.on('uncaughtException', (error) => connection.console.error(`Uncaught exception: ${describeError(error)}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${describeError(reason)}`));

  startServer(connection, {
    docsBase: bundledDocsBase(),
    analysisSource: (options) => new LargeDocumentSource({ ...options, workerScript: __filename }),
    workspaceFiles: nodeWorkspaceFiles,
    planChecker: (log) => new CheckWorkers({ workerScript: __filename, log }),
  });
}
