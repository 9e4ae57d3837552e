// The document requests as one table: how each LSP method turns an analysis and its params into a result. The main
// thread runs it for ordinary documents, the analysis workers for large ones, so both answer exactly alike.

import {
  LSPErrorCodes, ResponseError, SymbolInformation,
  type CodeActionParams, type CompletionList, type CompletionParams, type DefinitionParams, type DocumentHighlightParams,
  type DocumentSymbol, type DocumentSymbolParams, type FoldingRangeParams, type HoverParams, type InlayHintParams,
  type Position, type PrepareRenameParams, type ReferenceParams, type RenameParams,
} from 'vscode-languageserver';
import type { Analysis } from '../engine/analyze';
import type { Finding } from '../core/finding';
import type { OverviewParams } from '../common/protocol';
import type { FeatureContext } from '../features/context';
import { codeActions } from '../features/codeActions';
import { completion } from '../features/completion';
import { diagnostics } from '../features/diagnostics';
import { hover } from '../features/hover';
import { overview } from '../features/overview';
import {
  definition, documentHighlights, documentSymbols, foldingRanges, inlayHints, personAt, prepareRename, references, rename,
} from '../features/navigation';
import { offsetRangeOf } from './convert';

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
  readonly overview: typeof overview;
}

export const FEATURES: Features = {
  diagnostics, codeActions, definition, references, prepareRename, rename, documentHighlights, documentSymbols,
  foldingRanges, inlayHints, hover, completion, overview,
};

/** What the client told us in `initialize` that changes the shape of answers (plain data: it crosses to workers). */
export interface ClientSupport {
  readonly pullDiagnostics: boolean;
  readonly diagnosticRefresh: boolean;
  readonly inlayHintRefresh: boolean;
  readonly configuration: boolean;
  readonly dynamicConfiguration: boolean;
  readonly documentChanges: boolean;
  readonly hierarchicalSymbols: boolean;
  readonly codeActionLiterals: boolean;
  readonly prepareRename: boolean;
  /** The client lets the server register file watchers (`workspace/didChangeWatchedFiles`). */
  readonly dynamicWatchedFiles?: boolean;
}

/** Added to a code-action request by the server: the plan's cross-plan findings for the analysed version. */
export interface CrossFindingsParam {
  readonly crossFindings?: readonly Finding[];
}

/** An analysis with the context features need (bound to the analysed version's text). */
export interface Found {
  readonly analysis: Analysis;
  readonly ctx: FeatureContext;
}

type Handler = (found: Found, params: never, support: ClientSupport, features: Features) => unknown;

export const DOCUMENT_REQUESTS = {
  'textDocument/codeAction': (f: Found, p: CodeActionParams & CrossFindingsParam, s: ClientSupport, x: Features) =>
    s.codeActionLiterals ? x.codeActions(f.analysis, p, f.ctx, { documentChanges: s.documentChanges, ...(p.crossFindings ? { crossFindings: p.crossFindings } : {}) }) : [],
  'textDocument/definition': (f: Found, p: DefinitionParams, _s: ClientSupport, x: Features) =>
    x.definition(f.analysis, f.ctx.offsetAt(p.position), f.ctx),
  'textDocument/references': (f: Found, p: ReferenceParams, _s: ClientSupport, x: Features) =>
    x.references(f.analysis, f.ctx.offsetAt(p.position), p.context?.includeDeclaration === true, f.ctx),
  'textDocument/prepareRename': (f: Found, p: PrepareRenameParams, _s: ClientSupport, x: Features) => {
    const result = x.prepareRename(f.analysis, f.ctx.offsetAt(p.position), f.ctx);
    if (!result) throw new ResponseError(LSPErrorCodes.RequestFailed, 'Only person ids can be renamed: put the cursor on an id under `people` or on a reference to one.');
    return result;
  },
  'textDocument/rename': (f: Found, p: RenameParams, s: ClientSupport, x: Features) => {
    const result = x.rename(f.analysis, f.ctx.offsetAt(p.position), p.newName, f.ctx, s.documentChanges);
    if (result.kind === 'refused') throw new ResponseError(LSPErrorCodes.RequestFailed, result.message);
    return result.kind === 'edit' ? result.edit : null;
  },
  'textDocument/documentHighlight': (f: Found, p: DocumentHighlightParams, _s: ClientSupport, x: Features) =>
    x.documentHighlights(f.analysis, f.ctx.offsetAt(p.position), f.ctx),
  'textDocument/documentSymbol': (f: Found, _p: DocumentSymbolParams, s: ClientSupport, x: Features) => {
    const symbols = x.documentSymbols(f.analysis, f.ctx);
    return s.hierarchicalSymbols ? symbols : flattenSymbols(symbols, f.ctx.uri);
  },
  'textDocument/foldingRange': (f: Found, _p: FoldingRangeParams, _s: ClientSupport, x: Features) =>
    x.foldingRanges(f.analysis, f.ctx),
  'textDocument/inlayHint': (f: Found, p: InlayHintParams, _s: ClientSupport, x: Features) =>
    x.inlayHints(f.analysis, offsetRangeOf(f.analysis.lines, p.range), f.ctx),
  'textDocument/hover': (f: Found, p: HoverParams, _s: ClientSupport, x: Features) =>
    x.hover(f.analysis, f.ctx.offsetAt(p.position), f.ctx),
  'textDocument/completion': (f: Found, p: CompletionParams, _s: ClientSupport, x: Features): CompletionList =>
    x.completion(f.analysis, f.ctx.offsetAt(p.position), f.ctx),
  // The one custom request (common/protocol.ts, OverviewRequest).
  'crmteam/overview': (f: Found, _p: OverviewParams, _s: ClientSupport, x: Features) => x.overview(f.analysis, f.ctx),
} satisfies Record<string, Handler>;

export type DocumentMethod = keyof typeof DOCUMENT_REQUESTS;

/**
 * A document request, `$/diagnostics`: the diagnostics of the analysis (for a pull or a push), or `$/facts`: what
 * the cross-plan rules need from it (for the workspace index).
 */
export type AnalysisMethod = DocumentMethod | '$/diagnostics' | '$/facts' | '$/personAt';

/** Runs one document request; exceptions (including ResponseErrors meant for the client) propagate. */
export function runDocumentRequest(method: AnalysisMethod, found: Found, params: unknown, support: ClientSupport, features: Features = FEATURES): unknown {
  if (method === '$/diagnostics') return features.diagnostics(found.analysis, found.ctx);
  if (method === '$/facts') return found.analysis.facts;
  if (method === '$/personAt') return personAt(found.analysis, found.ctx.offsetAt((params as { position: Position }).position))?.id;
  const handler = DOCUMENT_REQUESTS[method] as Handler;
  return handler(found, params as never, support, features);
}

/** For clients without hierarchical outline support: the same symbols as a flat list with container names. */
function flattenSymbols(symbols: readonly DocumentSymbol[], uri: string, container?: string): SymbolInformation[] {
  return symbols.flatMap((s) => [
    SymbolInformation.create(s.name, s.kind, s.range, uri, container),
    ...flattenSymbols(s.children ?? [], uri, s.name),
  ]);
}
