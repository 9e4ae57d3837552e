// The language server's wiring: capabilities, document sync, and one guarded handler per LSP method, each asking the
// analysis source (analysisSource.ts) for an analysis and running a request on it. No YAML or rule logic lives here,
// and nothing here knows where an analysis is made.

import {
  CodeActionKind, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, DocumentDiagnosticReportKind,
  FileChangeType, LSPErrorCodes, ResponseError,
  TextDocuments, TextDocumentSyncKind,
  type CancellationToken, type ClientCapabilities, type CodeActionParams, type CompletionList, type Diagnostic, type DocumentDiagnosticReport,
  type Hover, type InitializeResult, type Location, type Position, type ProposedFeatures, type ReferenceParams,
  type RenameParams, type ServerCapabilities, type TextDocumentIdentifier,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DIAGNOSTIC_SOURCE, FIX_ALL_KIND, NewPlanTemplateRequest, OverviewRequest, type InitializationOptions, type NewPlanTemplateResult, type OverviewResult,
} from '../common/protocol';
import type { AnalysisHandle, AnalysisSource, AnalysisSourceOptions, PlanChecker } from './analysisSource';
import type { PlanFacts } from '../plan/facts';
import { analyzeConfig, type SettingsFileAnalysis } from '../scope/config';
import { analyzeRoster } from '../scope/roster';
import { settingsCompletion, settingsDiagnostics, settingsHover, settingsKindOf, type SettingsKind } from '../features/settingsFile';
import { settingsCodeActions } from '../features/codeActions';
import { featureContext } from './convert';
import { LineIndex } from '../core/lines';
import { rosterDefinition, scopeLoad, scopeReferences, scopeRename, withScopeLoad } from './scopeNavigation';
import { LocalAnalysisSource } from './cache';
import { describeError, guardNotification, guardRequest, StaleRequest, type Logger } from './handler';
import { PLAN_TEMPLATE } from './planTemplate';
import { PUSH_DEBOUNCE_MS, PushScheduler } from './pushDiagnostics';
import { FEATURES, type ClientSupport, type DocumentMethod, type Features } from './requests';
import { SettingsStore } from './settings';
import { WorkspaceIndex, type WorkspaceFiles } from './workspace';
import { clientWorkspaceFiles, withClientFiles } from './clientFiles';

export type { Features } from './requests';

export type Connection = ProposedFeatures.Connection;

export interface ServerOptions {
  /** Where the rule pages are when the client does not pass `docsBase` (each entry point knows where they ship). */
  readonly docsBase: string;
  readonly features?: Partial<Features>;
  /** The debounce for push-diagnostics clients. */
  readonly pushDelayMs?: number;
  /**
   * Makes the analysis source; by default every document is analysed on the main thread (in-process tests, the web).
   * The Node entry point passes one that sends large documents to worker threads.
   */
  readonly analysisSource?: (options: AnalysisSourceOptions & { readonly features: Features }) => AnalysisSource;
  /**
   * How the workspace index reads the workspace folders' plans, configurations and rosters (Node: the disk). Without
   * it there is no index: each open plan is checked alone, and no workspace diagnostics are offered. `'client'` (the web):
   * ask the client (clientFiles.ts), when its initialization options say it answers; with a client that answers, the
   * files these do not handle (`WorkspaceFiles.handles`) are asked of the client too.
   */
  readonly workspaceFiles?: WorkspaceFiles | 'client';
  /** Checks the workspace's plans that are not open; on the main thread by default. Node passes worker threads. */
  readonly planChecker?: (log: (message: string) => void) => PlanChecker;
}

/**
 * Requests whose answers hold edits or positions computed on the analysed text: answered from the newest version.
 * The others (hover, navigation) may come from the freshest finished analysis, which for a very large plan can be a
 * keystroke behind while the newest is analysed.
 */
const EDITING_METHODS: ReadonlySet<DocumentMethod> = new Set<DocumentMethod>([
  'textDocument/codeAction', 'textDocument/rename', 'textDocument/prepareRename', 'textDocument/completion',
]);

/** Requests that reach across the plans of a scope when the cursor is on a person id. */
const SCOPE_METHODS: ReadonlySet<DocumentMethod> = new Set<DocumentMethod>([
  'textDocument/definition', 'textDocument/references', 'textDocument/rename', 'textDocument/hover',
]);

export const COMPLETION_TRIGGER_CHARACTERS = [':', ' ', '[', ',', '-'];

const EMPTY_REPORT: DocumentDiagnosticReport = { kind: DocumentDiagnosticReportKind.Full, items: [] };

export function startServer(connection: Connection, options: ServerOptions): void {
  const features: Features = { ...FEATURES, ...options.features };
  const logger: Logger = {
    error: (message) => connection.console.error(message),
    info: (message) => connection.console.info(message),
  };
  const documents = new TextDocuments(TextDocument);
  const settings = new SettingsStore(connection, logger);
  const push = new PushScheduler((uri) => publish(uri));
  const pushDelay = options.pushDelayMs ?? PUSH_DEBOUNCE_MS;
  let support: ClientSupport = supportOf({});
  let docsBase = options.docsBase;
  const justOpened = new Set<string>();
  let folders: string[] = [];
  let index: WorkspaceIndex | undefined;
  /** The workspace's files, once `initialize` has said whether the client answers for them. */
  let files: WorkspaceFiles | undefined;

  const sourceOptions = {
    inputsFor: async (uri: string) => {
      const scope = await index?.inputsFor(uri);
      return { settings: await settings.get(uri), docsBase, ...(scope ? { scope } : {}) };
    },
    log: (message: string) => logger.error(message),
    features,
  };
  const source = options.analysisSource?.(sourceOptions) ?? new LocalAnalysisSource(sourceOptions);

  /** The analysis a request is answered from: the newest version for answers that edit, else the freshest. */
  function analysisFor(method: DocumentMethod, uri: string, token: CancellationToken): Promise<AnalysisHandle | undefined> {
    return EDITING_METHODS.has(method) ? source.newest(uri, token) : source.freshest(uri, token);
  }

  /** The configuration file or roster open at `uri`, if that is what it is (they are not plans). */
  function settingsDocument(uri: string): { kind: SettingsKind; document: TextDocument } | undefined {
    const document = documents.get(uri);
    const kind = document ? settingsKindOf(uri, document.getText()) : undefined;
    return document && kind ? { kind, document } : undefined;
  }

  async function settingsAnalysis(kind: SettingsKind, document: TextDocument): Promise<SettingsFileAnalysis> {
    const text = document.getText();
    if (kind === 'roster') return analyzeRoster(text);
    const roster = analyzeConfig(text).config.roster;
    const dir = document.uri.slice(0, document.uri.lastIndexOf('/'));
    const rosterUri = roster === undefined ? undefined : `${dir}/${roster.split('/').map(encodeURIComponent).join('/')}`;
    // Without file access (a web client that does not answer for files) nothing can tell whether the roster exists,
    // so it is not checked.
    const found = rosterUri !== undefined && files ? (await files.read(rosterUri)) !== undefined : undefined;
    return analyzeConfig(text, found === undefined ? {} : { exists: () => found });
  }

  async function settingsRequest(method: DocumentMethod | '$/diagnostics', target: { kind: SettingsKind; document: TextDocument }, params: unknown): Promise<unknown> {
    const ctx = featureContext({ uri: target.document.uri, version: target.document.version, lines: new LineIndex(target.document.getText()) }, await settings.get(target.document.uri), docsBase);
    const position = (params as { position?: Position } | undefined)?.position;
    if (method === '$/diagnostics') return settingsDiagnostics(await settingsAnalysis(target.kind, target.document), ctx);
    if (method === 'textDocument/hover' && position) return settingsHover(target.kind, target.document.getText(), ctx.offsetAt(position), ctx);
    if (method === 'textDocument/completion' && position) return settingsCompletion(target.kind, target.document.getText(), ctx.offsetAt(position));
    if (method === 'textDocument/codeAction' && support.codeActionLiterals) {
      return settingsCodeActions((await settingsAnalysis(target.kind, target.document)).findings, params as CodeActionParams, ctx, { documentChanges: support.documentChanges });
    }
    return undefined;
  }

  async function documentRequest<R>(method: DocumentMethod, params: { textDocument: TextDocumentIdentifier }, token: CancellationToken, empty: R): Promise<R> {
    const target = settingsDocument(params.textDocument.uri);
    if (target) return ((await settingsRequest(method, target, params)) ?? empty) as R;
    const handle = await analysisFor(method, params.textDocument.uri, token);
    if (!handle) return empty;
    if (method === 'textDocument/codeAction') {
      // The plan's cross-plan findings get quick fixes too (an unused suppression, "Ignore"), made on the same text.
      const crossFindings = index?.crossFindingsAt(handle.uri, handle.version);
      return (await handle.run(method, crossFindings ? { ...params, crossFindings } : params, support)) as R;
    }
    const scope = index?.scopeOf(handle.uri);
    if (!scope || !SCOPE_METHODS.has(method)) return (await handle.run(method, params, support)) as R;
    // Person ids reach across the plans of a configuration and its roster.
    const id = (await handle.run('$/personAt', params, support)) as string | undefined;
    if (id === undefined) return (await handle.run(method, params, support)) as R;
    if (method === 'textDocument/rename') {
      const renamed = await scopeRename(scope, id, (params as unknown as RenameParams).newName, textOf, (uri) => documents.get(uri)?.version ?? null, support.documentChanges);
      if (renamed.kind === 'refused') throw new ResponseError(LSPErrorCodes.RequestFailed, renamed.message);
      if (renamed.kind === 'edit') return renamed.edit as R;
      return (await handle.run(method, params, support)) as R;
    }
    const local = await handle.run(method, params, support);
    if (method === 'textDocument/definition') return (local ?? rosterDefinition(scope, id)) as R;
    if (method === 'textDocument/references') {
      return [...(local as Location[]), ...scopeReferences(scope, handle.uri, id, (params as unknown as ReferenceParams).context?.includeDeclaration === true)] as R;
    }
    return withScopeLoad(local as Hover | null, scopeLoad(scope, handle.uri, id)) as R;
  }

  /** A file's current text: the open document's, else the file's. */
  async function textOf(uri: string): Promise<string | undefined> {
    return documents.get(uri)?.getText() ?? (await files?.read(uri));
  }

  /** The diagnostics of an open plan: its own, then its cross-plan ones (which its newest facts may just have changed). */
  async function documentDiagnostics(handle: AnalysisHandle): Promise<{ items: Diagnostic[]; resultId: string }> {
    const own = (await handle.run('$/diagnostics', undefined, support)) as Diagnostic[];
    if (!index) return { items: own, resultId: handle.resultId };
    index.setOpenFacts(handle.uri, (await handle.run('$/facts', undefined, support)) as PlanFacts, handle.version);
    const cross = index.crossDiagnostics(handle.uri);
    return { items: [...own, ...cross.items], resultId: `${handle.resultId}|${cross.key}` };
  }

  /** Open plans whose cross-plan findings (or, with `inputsChanged`, configuration or roster) changed. */
  function openPlansChanged(uris: readonly string[], inputsChanged: boolean): void {
    if (inputsChanged) for (const uri of uris) source.invalidate(uri);
    if (support.pullDiagnostics) {
      if (support.diagnosticRefresh) {
        void connection.languages.diagnostics.refresh().catch((error: unknown) => logger.error(`Diagnostics refresh failed. ${describeError(error)}`));
      }
    } else {
      for (const uri of uris) if (documents.get(uri)) push.schedule(uri, 0);
    }
  }

  async function publish(uri: string): Promise<void> {
    try {
      const target = settingsDocument(uri);
      if (target) {
        const diagnostics = (await settingsRequest('$/diagnostics', target, undefined)) as Diagnostic[];
        await connection.sendDiagnostics({ uri, version: target.document.version, diagnostics });
        return;
      }
      const handle = await source.newest(uri);
      // Closed, or changed again while being analysed: a newer timer will publish.
      if (!handle || documents.get(uri)?.version !== handle.version) return;
      const diagnostics = (await documentDiagnostics(handle)).items;
      await connection.sendDiagnostics({ uri, version: handle.version, diagnostics });
    } catch (error) {
      if (!(error instanceof StaleRequest)) logger.error(`Publishing diagnostics for ${uri} failed. ${describeError(error)}`);
    }
  }

  /** After a settings change: every open document is analysed again, at once. */
  function revalidateAll(): void {
    // Ask for the settings now, so the analyses do not wait for a round trip each.
    for (const document of documents.all()) void settings.get(document.uri);
    if (support.pullDiagnostics) {
      if (support.diagnosticRefresh) {
        void connection.languages.diagnostics.refresh().catch((error: unknown) => logger.error(`Diagnostics refresh failed. ${describeError(error)}`));
      }
    } else {
      for (const document of documents.all()) push.schedule(document.uri, 0);
    }
    if (support.inlayHintRefresh) {
      void connection.languages.inlayHint.refresh().catch((error: unknown) => logger.error(`Inlay hint refresh failed. ${describeError(error)}`));
    }
  }

  connection.onInitialize((params): InitializeResult => {
    support = supportOf(params.capabilities ?? {});
    settings.canPull = support.configuration;
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    if (typeof init.docsBase === 'string' && init.docsBase.length > 0) docsBase = init.docsBase.replace(/\/+$/, '');
    folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    const fromClient = init.workspaceFiles === true ? clientWorkspaceFiles(connection, (message) => logger.error(message)) : undefined;
    // The Node server reads the disk, and asks a client that answers for what is not on it (a virtual workspace).
    files = options.workspaceFiles === 'client' ? fromClient
      : options.workspaceFiles && fromClient ? withClientFiles(options.workspaceFiles, fromClient)
      : options.workspaceFiles;
    if (files && folders.length > 0) {
      index = new WorkspaceIndex({
        files,
        settingsFor: (uri) => settings.get(uri),
        docsBase: () => docsBase,
        log: (message) => logger.error(message),
        onOpenChanged: openPlansChanged,
        ...(options.planChecker ? { checker: options.planChecker((message) => logger.error(message)) } : {}),
      });
    }
    return { capabilities: capabilities(support, index !== undefined), serverInfo: { name: 'crmteam-language-server' } };
  });

  connection.onInitialized(guardNotification(logger, 'initialized', async () => {
    if (support.dynamicConfiguration) {
      await connection.client.register(DidChangeConfigurationNotification.type, { section: 'crmteam' });
    }
    if (index) {
      index.start(folders);
      // Plans, configurations and rosters (which may have any name) change on disk: the index follows.
      if (support.dynamicWatchedFiles) {
        await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml}' }] });
      }
    }
  }));

  connection.onDidChangeWatchedFiles(guardNotification(logger, 'workspace/didChangeWatchedFiles', async (params) => {
    await index?.filesChanged(params.changes.map((change) => ({ uri: change.uri, deleted: change.type === FileChangeType.Deleted })));
  }));

  connection.languages.diagnostics.onWorkspace(guardRequest(logger, 'workspace/diagnostic', () => ({ items: [] }), async (params, token) => {
    if (!index) return { items: [] };
    const previous = new Map(params.previousResultIds.map((p) => [p.uri, p.value]));
    const enabled = async () => (await settings.get(folders[0] ?? '')).workspaceDiagnostics;
    return { items: await index.workspaceReport(previous, enabled, token) };
  }));

  connection.onDidChangeConfiguration(guardNotification(logger, 'workspace/didChangeConfiguration', (params) => {
    settings.clear();
    settings.setPushed(params?.settings);
    source.invalidateAll();
    revalidateAll();
    void index?.settingsChanged();
  }));

  documents.onDidOpen((event) => {
    justOpened.add(event.document.uri);
    index?.open(event.document.uri);
    // Ask for the settings now, so the first analysis does not wait for a round trip.
    void settings.get(event.document.uri);
  });
  documents.onDidChangeContent((event) => {
    const document = event.document;
    const uri = document.uri;
    source.update({ uri, languageId: document.languageId, version: document.version, text: document.getText() });
    const opened = justOpened.delete(uri);
    if (!support.pullDiagnostics) push.schedule(uri, opened ? 0 : pushDelay);
  });
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    justOpened.delete(uri);
    source.forget(uri);
    index?.close(uri);
    settings.delete(uri);
    push.cancel(uri);
    if (!support.pullDiagnostics) {
      void connection.sendDiagnostics({ uri, diagnostics: [] }).catch((error: unknown) => logger.error(describeError(error)));
    }
  });

  connection.languages.diagnostics.on(guardRequest(logger, 'textDocument/diagnostic', () => EMPTY_REPORT, async (params, token) => {
    try {
      const target = settingsDocument(params.textDocument.uri);
      if (target) return { kind: DocumentDiagnosticReportKind.Full, items: (await settingsRequest('$/diagnostics', target, undefined)) as Diagnostic[] };
      const handle = await source.newest(params.textDocument.uri, token);
      if (!handle) return EMPTY_REPORT;
      const { items, resultId } = await documentDiagnostics(handle);
      if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
      return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
    } catch (error) {
      // The client pulls again when told to: it will get the result for the newest version.
      if (error instanceof StaleRequest) throw new ResponseError(LSPErrorCodes.ServerCancelled, error.message, { retriggerRequest: true });
      throw error;
    }
  }));

  /** Registers a document request: guarded, answered with `empty` when anything goes wrong. */
  const on = <P extends { textDocument: TextDocumentIdentifier }, R>(
    register: (handler: (params: P, token: CancellationToken) => Promise<R>) => unknown,
    method: DocumentMethod,
    empty: () => R,
  ) => register(guardRequest(logger, method, empty, (params: P, token) => documentRequest(method, params, token, empty())));

  on((h) => connection.onCodeAction(h), 'textDocument/codeAction', () => []);
  on((h) => connection.onDefinition(h), 'textDocument/definition', () => null);
  on((h) => connection.onReferences(h), 'textDocument/references', () => []);
  on((h) => connection.onPrepareRename(h), 'textDocument/prepareRename', () => null);
  on((h) => connection.onRenameRequest(h), 'textDocument/rename', () => null);
  on((h) => connection.onDocumentHighlight(h), 'textDocument/documentHighlight', () => []);
  on((h) => connection.onDocumentSymbol(h), 'textDocument/documentSymbol', () => []);
  on((h) => connection.onFoldingRanges(h), 'textDocument/foldingRange', () => []);
  on((h) => connection.languages.inlayHint.on(h), 'textDocument/inlayHint', () => []);
  on((h) => connection.onHover(h), 'textDocument/hover', () => null);
  on((h) => connection.onCompletion(h), 'textDocument/completion', (): CompletionList => ({ isIncomplete: false, items: [] }));
  on((h) => connection.onRequest(OverviewRequest.method, h), OverviewRequest.method, (): OverviewResult => null);

  connection.onRequest(NewPlanTemplateRequest.method, guardRequest(logger, NewPlanTemplateRequest.method, (): NewPlanTemplateResult => '', () => PLAN_TEMPLATE));

  connection.onShutdown(() => {
    index?.dispose();
    push.dispose();
    source.dispose();
  });

  documents.listen(connection);
  connection.listen();
}

function capabilities(support: ClientSupport, workspace: boolean): ServerCapabilities {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    ...(support.pullDiagnostics
      ? { diagnosticProvider: { identifier: DIAGNOSTIC_SOURCE, interFileDependencies: workspace, workspaceDiagnostics: workspace } }
      : {}),
    codeActionProvider: support.codeActionLiterals ? { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] } : true,
    definitionProvider: true,
    referencesProvider: true,
    renameProvider: support.prepareRename ? { prepareProvider: true } : true,
    documentHighlightProvider: true,
    documentSymbolProvider: { label: 'CRM team plan' },
    foldingRangeProvider: true,
    inlayHintProvider: { resolveProvider: false },
    hoverProvider: true,
    completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS, resolveProvider: false },
  };
}

function supportOf(c: ClientCapabilities): ClientSupport {
  return {
    pullDiagnostics: c.textDocument?.diagnostic !== undefined,
    diagnosticRefresh: c.workspace?.diagnostics?.refreshSupport === true,
    inlayHintRefresh: c.workspace?.inlayHint?.refreshSupport === true,
    configuration: c.workspace?.configuration === true,
    dynamicConfiguration: c.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    documentChanges: c.workspace?.workspaceEdit?.documentChanges === true,
    hierarchicalSymbols: c.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
    // Code actions as literals arrived in LSP 3.8; older clients only know commands, which we do not offer.
    codeActionLiterals: c.textDocument?.codeAction?.codeActionLiteralSupport !== undefined,
    prepareRename: c.textDocument?.rename?.prepareSupport === true,
    dynamicWatchedFiles: c.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
  };
}
