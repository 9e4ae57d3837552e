// The language server's wiring: capabilities, document sync, and one guarded handler per LSP method, each reading
// the shared analysis cache and calling a feature function. No YAML or rule logic lives here.

import {
  CodeActionKind, DidChangeConfigurationNotification, DocumentDiagnosticReportKind, LSPErrorCodes, ResponseError,
  TextDocuments, TextDocumentSyncKind,
  type CancellationToken, type ClientCapabilities, type CompletionList, type Diagnostic, type DocumentDiagnosticReport,
  type InitializeResult, type ProposedFeatures, type ServerCapabilities, type TextDocumentIdentifier,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND, NewPlanTemplateRequest, type InitializationOptions, type NewPlanTemplateResult } from '../common/protocol';
import { AnalysisCache } from './cache';
import { featureContext } from './convert';
import { bundledDocsBase } from './docsBase';
import { describeError, guardNotification, guardRequest, StaleRequest, type Logger } from './handler';
import { LargeDocuments } from './largeDocuments';
import { PLAN_TEMPLATE } from './planTemplate';
import { PUSH_DEBOUNCE_MS, PushScheduler } from './pushDiagnostics';
import { FEATURES, runDocumentRequest, type ClientSupport, type DocumentMethod, type Features, type Found } from './requests';
import { SettingsStore } from './settings';

export type { Features } from './requests';

export type Connection = ProposedFeatures.Connection;

export interface ServerOptions {
  /** Where the rule pages are when the client does not pass `docsBase`; defaults to the bundle's `../docs/rules`. */
  readonly docsBase?: string;
  readonly features?: Partial<Features>;
  /** The debounce for push-diagnostics clients. */
  readonly pushDelayMs?: number;
  /**
   * The script that runs as an analysis worker (the server bundle itself); without it every document is analysed on
   * the main thread, as in-process tests do.
   */
  readonly largeDocumentsScript?: string;
}

/** Requests whose answers hold edits or positions computed on the analysed text. */
const EDITING_METHODS: ReadonlySet<DocumentMethod> = new Set<DocumentMethod>([
  'textDocument/codeAction', 'textDocument/rename', 'textDocument/prepareRename', 'textDocument/completion',
]);

export const COMPLETION_TRIGGER_CHARACTERS = [':', ' ', '[', ',', '-'];

const EMPTY_REPORT: DocumentDiagnosticReport = { kind: DocumentDiagnosticReportKind.Full, items: [] };

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const features: Features = { ...FEATURES, ...options.features };
  const logger: Logger = {
    error: (message) => connection.console.error(message),
    info: (message) => connection.console.info(message),
  };
  const documents = new TextDocuments(TextDocument);
  const settings = new SettingsStore(connection, logger);
  const cache = new AnalysisCache({
    settingsFor: (uri) => settings.get(uri),
    currentVersion: (uri) => documents.get(uri)?.version,
    onRuleError: (ruleId, error) => logger.error(`The rule ${ruleId} threw; it was reported as one finding. ${describeError(error)}`),
  });
  const push = new PushScheduler((uri) => publish(uri));
  const pushDelay = options.pushDelayMs ?? PUSH_DEBOUNCE_MS;
  let support: ClientSupport = supportOf({});
  let docsBase = options.docsBase ?? bundledDocsBase();
  const justOpened = new Set<string>();

  const large = options.largeDocumentsScript ? new LargeDocuments(options.largeDocumentsScript, logger) : undefined;

  /** The cached analysis of an open document and the context its features need; `undefined` if it is not open. */
  async function analysisFor(uri: string, token?: CancellationToken): Promise<(Found & { resultId: string }) | undefined> {
    const document = documents.get(uri);
    if (!document) return undefined;
    const cached = await cache.get(document, token);
    return { analysis: cached.analysis, snapshot: cached.snapshot, ctx: featureContext(cached.snapshot, cached.settings, docsBase), resultId: cached.resultId };
  }

  /** Diagnostics for the document's current version, analysed here or by the large-document workers. */
  async function currentDiagnostics(uri: string, token?: CancellationToken): Promise<{ version: number; resultId: string; items: () => Promise<Diagnostic[]> } | undefined> {
    const document = documents.get(uri);
    if (!document) return undefined;
    if (large?.has(uri)) {
      const version = document.version;
      const generation = cache.settingsGeneration;
      await large.analysed(uri, version, generation);
      if (token?.isCancellationRequested) throw new StaleRequest('cancelled');
      return { version, resultId: `${generation}:${version}`, items: async () => (await large.request(uri, '$/diagnostics', undefined, support)) as Diagnostic[] };
    }
    const found = await analysisFor(uri, token);
    if (!found) return undefined;
    return { version: found.ctx.version, resultId: found.resultId, items: async () => features.diagnostics(found.analysis, found.ctx) };
  }

  /** Answers a document request from the analysis of the document (for large ones: the freshest finished one). */
  async function documentRequest<R>(method: DocumentMethod, params: { textDocument: TextDocumentIdentifier }, token: CancellationToken, empty: R): Promise<R> {
    const uri = params.textDocument.uri;
    if (large?.has(uri)) {
      // Answers that carry edits or positions to insert at must come from the version the client holds: an older
      // analysis would place them wrongly. Reading answers (hover, navigation) may come from the freshest one.
      const document = documents.get(uri);
      if (document && EDITING_METHODS.has(method)) await large.analysed(uri, document.version, cache.settingsGeneration);
      if (token.isCancellationRequested) throw new StaleRequest('cancelled');
      return (await large.request(uri, method, params, support)) as R;
    }
    const found = await analysisFor(uri, token);
    return found ? (runDocumentRequest(method, found, params, support, features) as R) : empty;
  }

  /** Sends a large document's newest version to the workers, or takes it back when it has become small. */
  function routeDocument(document: TextDocument): void {
    if (!large) return;
    const uri = document.uri;
    if (!large.isLarge(document)) {
      if (large.has(uri)) large.close(uri);
      return;
    }
    cache.delete(uri);
    large.track(uri);
    const generation = cache.settingsGeneration;
    void settings.get(uri).then((s) => {
      // Closed meanwhile, or the settings changed: a later update carries the newer state.
      const current = documents.get(uri);
      if (current && large.has(uri) && generation === cache.settingsGeneration) large.update(current, s, docsBase, generation);
    }, (error: unknown) => logger.error(`Reading the settings for ${uri} failed. ${describeError(error)}`));
  }

  async function publish(uri: string): Promise<void> {
    try {
      const found = await currentDiagnostics(uri);
      // Closed, or changed again while being analysed: a newer timer will publish.
      if (!found || documents.get(uri)?.version !== found.version) return;
      await connection.sendDiagnostics({ uri, version: found.version, diagnostics: await found.items() });
    } catch (error) {
      if (!(error instanceof StaleRequest)) logger.error(`Publishing diagnostics for ${uri} failed. ${describeError(error)}`);
    }
  }

  /** After a settings change: every open document is analysed again, at once. */
  function revalidateAll(): void {
    for (const document of documents.all()) {
      void settings.get(document.uri);
      if (large?.has(document.uri)) routeDocument(document);
    }
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
    return { capabilities: capabilities(support), serverInfo: { name: 'crmteam-language-server' } };
  });

  connection.onInitialized(guardNotification(logger, 'initialized', async () => {
    if (support.dynamicConfiguration) {
      await connection.client.register(DidChangeConfigurationNotification.type, { section: 'crmteam' });
    }
  }));

  connection.onDidChangeConfiguration(guardNotification(logger, 'workspace/didChangeConfiguration', (params) => {
    settings.clear();
    settings.setPushed(params?.settings);
    cache.clear();
    revalidateAll();
  }));

  documents.onDidOpen((event) => {
    justOpened.add(event.document.uri);
    // Ask for the settings now, so the first analysis does not wait for a round trip.
    void settings.get(event.document.uri);
  });
  documents.onDidChangeContent((event) => {
    const uri = event.document.uri;
    routeDocument(event.document);
    const opened = justOpened.delete(uri);
    if (!support.pullDiagnostics) push.schedule(uri, opened ? 0 : pushDelay);
  });
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    justOpened.delete(uri);
    cache.delete(uri);
    large?.close(uri);
    settings.delete(uri);
    push.cancel(uri);
    if (!support.pullDiagnostics) {
      void connection.sendDiagnostics({ uri, diagnostics: [] }).catch((error: unknown) => logger.error(describeError(error)));
    }
  });

  connection.languages.diagnostics.on(guardRequest(logger, 'textDocument/diagnostic', () => EMPTY_REPORT, async (params, token) => {
    let found;
    try {
      found = await currentDiagnostics(params.textDocument.uri, token);
    } catch (error) {
      // The client pulls again when told to: it will get the result for the newest version.
      if (error instanceof StaleRequest) throw new ResponseError(LSPErrorCodes.ServerCancelled, error.message, { retriggerRequest: true });
      throw error;
    }
    if (!found) return EMPTY_REPORT;
    if (params.previousResultId === found.resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: found.resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId: found.resultId, items: await found.items() };
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

  connection.onRequest(NewPlanTemplateRequest.method, guardRequest(logger, NewPlanTemplateRequest.method, (): NewPlanTemplateResult => '', () => PLAN_TEMPLATE));

  connection.onShutdown(() => {
    push.dispose();
    large?.dispose();
  });

  documents.listen(connection);
  connection.listen();
}

function capabilities(support: ClientSupport): ServerCapabilities {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    ...(support.pullDiagnostics
      ? { diagnosticProvider: { identifier: DIAGNOSTIC_SOURCE, interFileDependencies: false, workspaceDiagnostics: false } }
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
  };
}
