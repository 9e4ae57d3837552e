// An in-process client ↔ server pair over PassThrough streams: the real server, no editor, no child process.
// Pitfalls handled here: `processId: null`, never `exit`, reader/writer objects instead of raw
// streams (the node server calls process.exit when a raw input stream ends), and both connections disposed.

import { PassThrough } from 'node:stream';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import {
  createConnection, ProposedFeatures,
  StreamMessageReader as ServerReader, StreamMessageWriter as ServerWriter,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  ClientCapabilities, ConfigurationParams, Diagnostic, DocumentDiagnosticReport, InitializeResult, LogMessageParams,
  PublishDiagnosticsParams, TextEdit, WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { startServer, type ServerOptions } from '../../server/src/lsp/server';
import { readRepoFile } from '../harness/repo';

export const DOCS_BASE = 'file:///docs/rules';

/** What VS Code (client 11) advertises, trimmed to what the server looks at. */
export const VSCODE_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: false },
    workspaceEdit: { documentChanges: true },
    diagnostics: { refreshSupport: true },
    inlayHint: { refreshSupport: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
    publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] }, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.fixAll'] } },
      isPreferredSupport: true,
      dataSupport: true,
    },
    rename: { prepareSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    foldingRange: { lineFoldingOnly: true },
    inlayHint: {},
  },
};

/** What Neovim 0.7 advertises for the parts that matter: no pull diagnostics, no refresh requests. */
export const PUSH_CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, workspaceEdit: { documentChanges: true } },
  textDocument: {
    publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] } },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'source'] } }, isPreferredSupport: true },
    rename: { prepareSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
  },
};

export interface PairOptions {
  readonly capabilities?: ClientCapabilities;
  /** The `crmteam` section the test client answers `workspace/configuration` with (or a function of the resource). */
  readonly settings?: unknown;
  readonly initializationOptions?: unknown;
  readonly server?: Partial<ServerOptions>;
  /** Workspace folder URIs for `initialize` (none by default). */
  readonly workspaceFolders?: readonly string[];
  /** Registers more of the test client's handlers, before `initialize` (for example the web client's file requests). */
  readonly handlers?: (client: MessageConnection) => void;
}

export class LspPair {
  /** Mutable: the next `workspace/configuration` answer. */
  settings: unknown;
  readonly logs: LogMessageParams[] = [];
  readonly published: PublishDiagnosticsParams[] = [];
  readonly configurationRequests: ConfigurationParams[] = [];
  diagnosticRefreshes = 0;
  inlayHintRefreshes = 0;
  initializeResult!: InitializeResult;
  private readonly texts = new Map<string, TextDocument>();
  private readonly waiters: Array<() => void> = [];

  private constructor(readonly client: MessageConnection, private readonly server: { dispose(): void }, options: PairOptions) {
    this.settings = options.settings ?? {};
  }

  static async start(options: PairOptions = {}): Promise<LspPair> {
    const up = new PassThrough();
    const down = new PassThrough();
    const serverConnection = createConnection(ProposedFeatures.all, new ServerReader(up), new ServerWriter(down));
    startServer(serverConnection, { docsBase: DOCS_BASE, pushDelayMs: 20, ...options.server });
    const client = createMessageConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
    const pair = new LspPair(client, serverConnection, options);
    client.onRequest('workspace/configuration', (params: ConfigurationParams) => {
      pair.configurationRequests.push(params);
      // A function answers per resource, as VS Code does for settings that differ between workspace folders.
      return params.items.map((item) => (item.section !== 'crmteam' ? null
        : typeof pair.settings === 'function' ? (pair.settings as (scopeUri?: string) => unknown)(item.scopeUri) : pair.settings));
    });
    client.onRequest('workspace/diagnostic/refresh', () => {
      pair.diagnosticRefreshes++;
      pair.notify();
      return null;
    });
    client.onRequest('workspace/inlayHint/refresh', () => {
      pair.inlayHintRefreshes++;
      pair.notify();
      return null;
    });
    client.onRequest('client/registerCapability', () => null);
    options.handlers?.(client);
    client.onNotification('window/logMessage', (params: LogMessageParams) => {
      pair.logs.push(params);
      pair.notify();
    });
    client.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      pair.published.push(params);
      pair.notify();
    });
    client.listen();
    pair.initializeResult = await client.sendRequest('initialize', {
      processId: null,
      rootUri: null,
      ...(options.workspaceFolders ? { workspaceFolders: options.workspaceFolders.map((uri) => ({ uri, name: uri.slice(uri.lastIndexOf('/') + 1) })) } : {}),
      capabilities: options.capabilities ?? VSCODE_CAPABILITIES,
      ...(options.initializationOptions !== undefined ? { initializationOptions: options.initializationOptions } : {}),
    });
    await client.sendNotification('initialized', {});
    return pair;
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    this.texts.set(uri, TextDocument.create(uri, 'crmteam-yaml', version, text));
    await this.client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'crmteam-yaml', version, text } });
  }

  /** Sends `edits` as an incremental change and keeps the test's copy of the text in step. */
  async change(uri: string, edits: TextEdit[]): Promise<void> {
    const before = this.document(uri);
    const version = before.version + 1;
    const text = TextDocument.applyEdits(before, edits);
    this.texts.set(uri, TextDocument.create(uri, before.languageId, version, text));
    await this.client.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: edits.map((e) => ({ range: e.range, text: e.newText })),
    });
  }

  async close(uri: string): Promise<void> {
    this.texts.delete(uri);
    await this.client.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  document(uri: string): TextDocument {
    const document = this.texts.get(uri);
    if (!document) throw new Error(`${uri} is not open`);
    return document;
  }

  text(uri: string): string {
    return this.document(uri).getText();
  }

  async pull(uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
    return this.client.sendRequest('textDocument/diagnostic', { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) });
  }

  async pullItems(uri: string): Promise<Diagnostic[]> {
    const report = await this.pull(uri);
    if (report.kind !== 'full') throw new Error('expected a full report');
    return report.items;
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.client.sendRequest(method, params) as Promise<R>;
  }

  /** Sends a settings change the way VS Code does (`settings: null` with pull configuration). */
  async changeSettings(settings: unknown): Promise<void> {
    this.settings = settings;
    await this.client.sendNotification('workspace/didChangeConfiguration', { settings: null });
  }

  /** Resolves once `predicate` holds, re-checked after every message from the server. */
  async waitFor<T>(predicate: () => T | undefined | false, what: string, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = predicate();
      if (value) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 50));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The newest published diagnostics for `uri` at `version` (push clients). */
  async publishedFor(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    return this.waitFor(() => [...this.published].reverse().find((p) => p.uri === uri && p.version === version), `diagnostics of ${uri} v${version}`);
  }

  /** Applies a workspace edit for `uri` to the test's copy and tells the server, as an editor would. */
  async apply(uri: string, edit: WorkspaceEdit | null | undefined): Promise<void> {
    await this.change(uri, editsFor(uri, edit));
  }

  async dispose(): Promise<void> {
    try {
      await this.client.sendRequest('shutdown');
    } finally {
      this.client.dispose();
      this.server.dispose();
    }
  }

  private notify(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }
}

/** The text edits of a workspace edit for one document, from `documentChanges` or `changes`. */
export function editsFor(uri: string, edit: WorkspaceEdit | null | undefined): TextEdit[] {
  if (!edit) throw new Error('no edit');
  const fromChanges = edit.changes?.[uri] ?? [];
  const fromDocumentChanges = (edit.documentChanges ?? []).flatMap((c) => ('textDocument' in c && c.textDocument.uri === uri ? c.edits : []));
  return [...fromChanges, ...fromDocumentChanges] as TextEdit[];
}

export function fixture(name: string): string {
  return readRepoFile('test', 'fixtures', 'lsp', name);
}

/** The position of the `n`-th (0-based) occurrence of `needle` in `text`, plus `delta` characters. */
export function positionOf(text: string, needle: string, n = 0, delta = 0): { line: number; character: number } {
  let index = -1;
  for (let i = 0; i <= n; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`'${needle}' #${n} not found`);
  }
  return TextDocument.create('x:', '', 0, text).positionAt(index + delta);
}
