// The language server's wiring: capabilities, document sync, and one guarded handler per LSP method, each reading
// the shared analysis cache and calling a feature function. No YAML or rule logic lives here.

import {
  CodeActionKind, DidChangeConfigurationNotification, DocumentDiagnosticReportKind, LSPErrorCodes, ResponseError,
  SymbolInformation, TextDocuments, TextDocumentSyncKind,
  type CancellationToken, type ClientCapabilities, type CodeAction, type CompletionList, type DocumentDiagnosticReport,
  type DocumentSymbol, type InitializeResult, type ProposedFeatures, type ServerCapabilities,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND, NewPlanTemplateRequest, type InitializationOptions, type NewPlanTemplateResult } from '../common/protocol';
import type { FeatureContext } from '../features/context';
import { codeActions } from '../features/codeActions';
import { completion } from '../features/completion';
import { diagnostics } from '../features/diagnostics';
import { hover } from '../features/hover';
import {
  definition, documentHighlights, documentSymbols, foldingRanges, inlayHints, prepareRename, references, rename,
} from '../features/navigation';
import { AnalysisCache, type CachedAnalysis } from './cache';
import { featureContext, offsetRangeOf } from './convert';
import { bundledDocsBase } from './docsBase';
import { describeError, guardNotification, guardRequest, StaleRequest, type Logger } from './handler';
import { PLAN_TEMPLATE } from './planTemplate';
import { PUSH_DEBOUNCE_MS, PushScheduler } from './pushDiagnostics';
import { SettingsStore } from './settings';

export type Connection = ProposedFeatures.Connection;

/** The feature functions the server calls; tests may replace one (for example with one that throws). */
export interface Features {
  readonly diagnostics: typeof diagnostics;
  readonly codeActions: typeof codeActions;
  readonly definition: typeof definition;
  readonly references: typeof references;
  readonly prepareRename: typeof prepareRename;
  readonly rename: typeof rename;
  readonly documentHighlights: typeof documentHighlights;
  readonly documentSymbols: typeof documentSymbols;
  readonly foldingRanges: typeof foldingRanges;
  readonly inlayHints: typeof inlayHints;
  readonly hover: typeof hover;
  readonly completion: typeof completion;
}

const FEATURES: Features = {
  diagnostics, codeActions, definition, references, prepareRename, rename, documentHighlights, documentSymbols,
  foldingRanges, inlayHints, hover, completion,
};

export interface ServerOptions {
  /** Where the rule pages are when the client does not pass `docsBase`; defaults to the bundle's `../docs/rules`. */
  readonly docsBase?: string;
  readonly features?: Partial<Features>;
  /** The debounce for push-diagnostics clients. */
  readonly pushDelayMs?: number;
}

/** What the client told us in `initialize` that changes how the server behaves. */
interface ClientSupport {
  readonly pullDiagnostics: boolean;
  readonly diagnosticRefresh: boolean;
  readonly inlayHintRefresh: boolean;
  readonly configuration: boolean;
  readonly dynamicConfiguration: boolean;
  readonly documentChanges: boolean;
  readonly hierarchicalSymbols: boolean;
  readonly codeActionLiterals: boolean;
  readonly prepareRename: boolean;
}

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

  /** The cached analysis of an open document and the context its features need; `undefined` if it is not open. */
  async function analysisFor(uri: string, token?: CancellationToken): Promise<{ cached: CachedAnalysis; ctx: FeatureContext } | undefined> {
    const document = documents.get(uri);
    if (!document) return undefined;
    const cached = await cache.get(document, token);
    return { cached, ctx: featureContext(cached.snapshot, cached.settings, docsBase) };
  }

  async function publish(uri: string): Promise<void> {
    try {
      const found = await analysisFor(uri);
      // Closed, or changed again while being analysed: a newer timer will publish.
      if (!found || documents.get(uri)?.version !== found.ctx.version) return;
      await connection.sendDiagnostics({
        uri,
        version: found.ctx.version,
        diagnostics: features.diagnostics(found.cached.analysis, found.ctx),
      });
    } catch (error) {
      if (!(error instanceof StaleRequest)) logger.error(`Publishing diagnostics for ${uri} failed. ${describeError(error)}`);
    }
  }

  /** After a settings change: every open document is analysed again, at once. */
  function revalidateAll(): void {
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
    const opened = justOpened.delete(uri);
    if (!support.pullDiagnostics) push.schedule(uri, opened ? 0 : pushDelay);
  });
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    justOpened.delete(uri);
    cache.delete(uri);
    settings.delete(uri);
    push.cancel(uri);
    if (!support.pullDiagnostics) {
      void connection.sendDiagnostics({ uri, diagnostics: [] }).catch((error: unknown) => logger.error(describeError(error)));
    }
  });

  connection.languages.diagnostics.on(guardRequest(logger, 'textDocument/diagnostic', () => EMPTY_REPORT, async (params, token) => {
    let found;
    try {
      found = await analysisFor(params.textDocument.uri, token);
    } catch (error) {
      // The client pulls again when told to: it will get the result for the newest version.
      if (error instanceof StaleRequest) throw new ResponseError(LSPErrorCodes.ServerCancelled, error.message, { retriggerRequest: true });
      throw error;
    }
    if (!found) return EMPTY_REPORT;
    const resultId = found.cached.resultId;
    if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items: features.diagnostics(found.cached.analysis, found.ctx) };
  }));

  connection.onCodeAction(guardRequest(logger, 'textDocument/codeAction', (): CodeAction[] => [], async (params, token) => {
    const found = await analysisFor(params.textDocument.uri, token);
    if (!found || !support.codeActionLiterals) return [];
    return features.codeActions(found.cached.analysis, params, found.ctx, { documentChanges: support.documentChanges });
  }));

  connection.onDefinition(guardRequest(logger, 'textDocument/definition', () => null, async (params, token) => {
    const found = await analysisFor(params.textDocument.uri, token);
    return found ? features.definition(found.cached.analysis, found.ctx.offsetAt(params.position), found.ctx) : null;
  }));

  connection.onReferences(guardRequest(logger, 'textDocument/references', () => [], async (params, token) => {
    const found = await analysisFor(params.textDocument.uri, token);
    if (!found) return [];
    return features.references(found.cached.analysis, found.ctx.offsetAt(params.position), params.context?.includeDeclaration === true, found.ctx);
  }));

  connection.onPrepareRename(guardRequest(logger, 'textDocument/prepareRename', () => null, async (params, token) => {
    const found = await analysisFor(params.textDocument.uri, token);
    if (!found) return null;
    const result = features.prepareRename(found.cached.analysis, found.ctx.offsetAt(params.position), found.ctx);
    if (!result) throw new ResponseError(LSPErrorCodes.RequestFailed, 'Only person ids can be renamed: put the cursor on an id under `people` or on a reference to one.');
    return result;
  }));

  connection.onRenameRequest(guardRequest(logger, 'textDocument/rename', () => null, async (params, token) => {
    const found = await analysisFor(params.textDocument.uri, token);
    if (!found) return null;
    const result = features.rename(found.cached.analysis, found.ctx.offsetAt(params.position), params.newName, found.ctx, support.documentChanges);
    if (result.kind === 'refused') throw new ResponseError(LSPErrorCodes.RequestFailed, result.message);
    return result.kind === 'edit' ? result.edit : null;
  }));

  connection.onDocumentHighlight(guardRequest(logger, 'textDocument/documentHighlight', () => [], async (params, token) => {
    const found = await analysisFor(params.textDocument.uri, token);
    return found ? features.documentHighlights(found.cached.analysis, found.ctx.offsetAt(params.position), found.ctx) : [];
  }));

  connection.onDocumentSymbol(guardRequest(logger, 'textDocument/documentSymbol', (): DocumentSymbol[] => [], async (params, token) => {
    const found = await analysisFor(params.textDocument.uri, token);
    if (!found) return [];
    const symbols = features.documentSymbols(found.cached.analysis, found.ctx);
    return support.hierarchicalSymbols ? symbols : flattenSymbols(symbols, found.ctx.uri);
  }));

  connection.onFoldingRanges(guardRequest(logger, 'textDocument/foldingRange', () => [], async (params, token) => {
    const found = await analysisFor(params.textDocument.uri, token);
    return found ? features.foldingRanges(found.cached.analysis, found.ctx) : [];
  }));

  connection.languages.inlayHint.on(guardRequest(logger, 'textDocument/inlayHint', () => [], async (params, token) => {
    const found = await analysisFor(params.textDocument.uri, token);
    if (!found) return [];
    return features.inlayHints(found.cached.analysis, offsetRangeOf(found.cached.snapshot, params.range), found.ctx);
  }));

  connection.onHover(guardRequest(logger, 'textDocument/hover', () => null, async (params, token) => {
    const found = await analysisFor(params.textDocument.uri, token);
    return found ? features.hover(found.cached.analysis, found.ctx.offsetAt(params.position), found.ctx) : null;
  }));

  connection.onCompletion(guardRequest(logger, 'textDocument/completion', (): CompletionList => ({ isIncomplete: false, items: [] }), async (params, token) => {
    const found = await analysisFor(params.textDocument.uri, token);
    return found ? features.completion(found.cached.analysis, found.ctx.offsetAt(params.position), found.ctx) : { isIncomplete: false, items: [] };
  }));

  connection.onRequest(NewPlanTemplateRequest.method, guardRequest(logger, NewPlanTemplateRequest.method, (): NewPlanTemplateResult => '', () => PLAN_TEMPLATE));

  connection.onShutdown(() => push.dispose());

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

/** For clients without hierarchical outline support: the same symbols as a flat list with container names. */
function flattenSymbols(symbols: readonly DocumentSymbol[], uri: string, container?: string): SymbolInformation[] {
  return symbols.flatMap((s) => [
    SymbolInformation.create(s.name, s.kind, s.range, uri, container),
    ...flattenSymbols(s.children ?? [], uri, s.name),
  ]);
}
