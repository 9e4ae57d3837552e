// The invariants every input must keep when it goes through the language server in-process (test/lsp/lspPair.ts):
// open, pull diagnostics, hover and completion at several positions, code actions for every diagnostic, close.
// Every range the server sends is inside the document, every edit applies, no handler logs an error, and the
// server never calls process.exit. Problems are returned as text, so one run lists every failing input.

import type {
  CodeAction, CompletionList, Diagnostic, Hover, Position, Range, TextEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { editsFor, LspPair } from '../../lsp/lspPair';

/** Server log lines that mean a handler failed (server/src/lsp/handler.ts: they log before answering empty). */
const FAILED = /failed|threw|Uncaught|Unhandled/;

export class ServerChecker {
  private constructor(readonly pair: LspPair) {}
  private count = 0;
  private exits: string[] = [];
  private readonly realExit = process.exit;

  static async start(): Promise<ServerChecker> {
    const checker = new ServerChecker(await LspPair.start());
    // The server must never end the process on bad input: record any attempt instead of exiting.
    process.exit = ((code?: number) => {
      checker.exits.push(`process.exit(${code}) called`);
      throw new Error('process.exit called by the server');
    }) as typeof process.exit;
    return checker;
  }

  async dispose(): Promise<void> {
    process.exit = this.realExit;
    await this.pair.dispose();
  }

  /** Opens `text`, exercises the features, closes it; returns what went wrong. */
  async check(text: string): Promise<string[]> {
    const problems: string[] = [];
    const uri = `file:///robustness/${this.count++}.crmteam.yaml`;
    const pair = this.pair;
    const logsBefore = pair.logs.length;
    const doc = TextDocument.create(uri, 'crmteam-yaml', 1, text);
    const inside = (r: Range | undefined, what: string) => {
      if (!r) return;
      for (const p of [r.start, r.end]) {
        if (!validPosition(doc, p)) problems.push(`${what}: position ${p.line}:${p.character} is outside the document`);
      }
      if (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character)) problems.push(`${what}: range ends before it starts`);
    };
    try {
      await pair.open(uri, text);
      const diagnostics: Diagnostic[] = await pair.pullItems(uri);
      for (const d of diagnostics) {
        inside(d.range, `diagnostic ${d.code}`);
        for (const r of d.relatedInformation ?? []) inside(r.location.range, `related information of ${d.code}`);
      }
      const positions = probePositions(doc, diagnostics);
      for (const position of positions) {
        const at = { textDocument: { uri }, position };
        const hover = await pair.request<Hover | null>('textDocument/hover', at);
        inside(hover?.range, `hover at ${position.line}:${position.character}`);
        const completion = await pair.request<CompletionList | null>('textDocument/completion', at);
        for (const item of completion?.items ?? []) {
          const edit = item.textEdit;
          if (edit && 'range' in edit) inside(edit.range, `completion "${item.label}"`);
          if (edit && 'insert' in edit) { inside(edit.insert, `completion "${item.label}"`); inside(edit.replace, `completion "${item.label}"`); }
          for (const e of item.additionalTextEdits ?? []) inside(e.range, `completion "${item.label}" extra edit`);
        }
      }
      for (const diagnostic of diagnostics) {
        const actions = await pair.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
        for (const action of actions ?? []) {
          if (!action.edit) continue;
          let edits: TextEdit[];
          try {
            edits = editsFor(uri, action.edit);
          } catch (error) {
            problems.push(`code action "${action.title}": ${String(error)}`);
            continue;
          }
          for (const e of edits) inside(e.range, `code action "${action.title}"`);
          try {
            TextDocument.applyEdits(doc, edits);
          } catch (error) {
            problems.push(`code action "${action.title}" does not apply: ${String(error)}`);
          }
        }
      }
      await pair.close(uri);
    } catch (error) {
      problems.push(`request failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    for (const log of pair.logs.slice(logsBefore)) {
      if (log.type === 1 && FAILED.test(log.message)) problems.push(`server error log: ${log.message.split('\n')[0]}`);
    }
    problems.push(...this.exits.splice(0));
    return problems;
  }
}

function validPosition(doc: TextDocument, p: Position): boolean {
  if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0) return false;
  if (p.line >= doc.lineCount) return false;
  const lineStart = doc.offsetAt({ line: p.line, character: 0 });
  const lineEnd = p.line + 1 < doc.lineCount ? doc.offsetAt({ line: p.line + 1, character: 0 }) : doc.getText().length;
  const text = doc.getText().slice(lineStart, lineEnd).replace(/\r?\n$|\r$/, '');
  return p.character <= text.length;
}

/** Where to ask for hover and completion: the start, the end, a few spread lines, and every diagnostic's start. */
function probePositions(doc: TextDocument, diagnostics: readonly Diagnostic[]): Position[] {
  const length = doc.getText().length;
  const offsets = new Set([0, length, Math.floor(length / 3), Math.floor((2 * length) / 3)]);
  for (const d of diagnostics.slice(0, 5)) offsets.add(doc.offsetAt(d.range.start));
  return [...offsets].map((o) => doc.positionAt(o));
}
