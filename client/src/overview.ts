// The Team Overview: a webview beside a plan showing its matrix, roles, coverage, load and findings. The server
// computes the overview (`crmteam/overview`); this file only asks for it after each change and renders it with the
// same HTML renderer as `crmteam report`. Clicking a cell, a role holder or a finding reveals its line in the plan.
// Strict Content-Security-Policy: no remote content, one inline script and one style element, both with a nonce.

import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { Commands, FILE_GLOB, LANGUAGE_ID, OverviewRequest, type OverviewParams, type OverviewResult } from '../../server/src/common/protocol';
import { OVERVIEW_CSS, renderOverviewSection, WEBVIEW_CSS } from '../../server/src/overview/html';

/** The webview panel's view type (also in `activeWebviewPanelId` when clauses). */
export const OVERVIEW_VIEW_TYPE = 'crmteam.overview';

/** Typing pauses this long before the overview is asked for again. */
const UPDATE_DELAY_MS = 250;

interface Panel {
  readonly panel: vscode.WebviewPanel;
  /** The column of the plan's editor, where a click reveals the line. */
  column: vscode.ViewColumn | undefined;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped by each update, so that an older answer arriving late is dropped. */
  generation: number;
}

/** What the webview tells the extension. */
type FromWebview =
  | { readonly type: 'reveal'; readonly line: number; readonly column: number }
  | { readonly type: 'openRule'; readonly href: string };

export interface OverviewApi {
  /** The open overview panels by plan URI (for the end-to-end tests). */
  readonly panels: ReadonlyMap<string, vscode.WebviewPanel>;
  /** Resolves after the panel of `uri` shows the overview of the document's current text. */
  whenRendered(uri: string): Promise<void>;
  /** The HTML last sent to the panel of `uri`. */
  html(uri: string): string | undefined;
}

export function registerOverview(context: vscode.ExtensionContext, client: () => BaseLanguageClient, output: vscode.LogOutputChannel): OverviewApi {
  const panels = new Map<string, Panel>();
  const rendered = new Map<string, { version: number; waiters: (() => void)[]; html?: string }>();

  const isPlan = (document: vscode.TextDocument) =>
    document.languageId === LANGUAGE_ID || (document.languageId === 'yaml' && vscode.languages.match({ pattern: FILE_GLOB }, document) > 0);

  async function update(uri: string): Promise<void> {
    const entry = panels.get(uri);
    if (!entry) return;
    const generation = ++entry.generation;
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    const version = document?.version ?? -1;
    let html: string;
    try {
      const languageClient = client();
      if (!languageClient.isRunning()) await languageClient.start();
      const params: OverviewParams = { textDocument: { uri } };
      const result = await languageClient.sendRequest<OverviewResult>(OverviewRequest.method, params);
      // The server names the plan by its URI; people know it by its path in the workspace.
      html = result
        ? renderOverviewSection({ ...result, file: vscode.workspace.asRelativePath(vscode.Uri.parse(uri)) }, { interactive: true })
        : '<p>Open the plan in an editor to see its overview.</p>';
    } catch (error) {
      output.error(`The team overview failed: ${error instanceof Error ? error.message : String(error)}`);
      html = '<p>The overview could not be computed; see the CRM Team output for details.</p>';
    }
    if (generation !== entry.generation) return;
    await entry.panel.webview.postMessage({ type: 'render', html });
    const state = rendered.get(uri) ?? { version: -1, waiters: [] };
    state.version = version;
    state.html = html;
    rendered.set(uri, state);
    const current = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri)?.version ?? -1;
    if (current === version) for (const resolve of state.waiters.splice(0)) resolve();
  }

  function schedule(uri: string, delay = UPDATE_DELAY_MS): void {
    const entry = panels.get(uri);
    if (!entry) return;
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = setTimeout(() => { entry.timer = undefined; void update(uri); }, delay);
  }

  async function reveal(uri: string, line: number, column: number): Promise<void> {
    const entry = panels.get(uri);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    const position = new vscode.Position(Math.max(0, line - 1), Math.max(0, column - 1));
    const editor = await vscode.window.showTextDocument(document, {
      viewColumn: entry?.column ?? vscode.ViewColumn.One,
      selection: new vscode.Range(position, position),
      preserveFocus: false,
    });
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  async function openRule(href: string): Promise<void> {
    const uri = vscode.Uri.parse(href);
    if (uri.scheme === 'http' || uri.scheme === 'https') {
      await vscode.env.openExternal(uri);
      return;
    }
    try {
      await vscode.commands.executeCommand('markdown.showPreview', uri);
    } catch {
      await vscode.commands.executeCommand('vscode.open', uri);
    }
  }

  function open(document: vscode.TextDocument, column: vscode.ViewColumn | undefined): void {
    const uri = document.uri.toString();
    const existing = panels.get(uri);
    if (existing) {
      existing.column = column ?? existing.column;
      existing.panel.reveal(vscode.ViewColumn.Beside, true);
      schedule(uri, 0);
      return;
    }
    const name = document.uri.path.split('/').pop() ?? 'plan';
    const panel = vscode.window.createWebviewPanel(OVERVIEW_VIEW_TYPE, `Team Overview: ${name}`, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: [],
    });
    const entry: Panel = { panel, column, timer: undefined, generation: 0 };
    panels.set(uri, entry);
    panel.webview.html = page(name);
    panel.webview.onDidReceiveMessage((message: FromWebview) => {
      const action = message.type === 'reveal' ? reveal(uri, Number(message.line), Number(message.column))
        : message.type === 'openRule' ? openRule(String(message.href)) : Promise.resolve();
      action.catch((error: unknown) => output.error(`The team overview could not do that: ${error instanceof Error ? error.message : String(error)}`));
    }, undefined, context.subscriptions);
    panel.onDidChangeViewState(() => { if (panel.visible) schedule(uri, 0); }, undefined, context.subscriptions);
    panel.onDidDispose(() => {
      if (entry.timer) clearTimeout(entry.timer);
      panels.delete(uri);
      rendered.delete(uri);
    }, undefined, context.subscriptions);
    schedule(uri, 0);
  }

  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.openOverview, async (target?: vscode.Uri) => {
      const editor = vscode.window.activeTextEditor;
      let document = target ? await vscode.workspace.openTextDocument(target) : editor?.document;
      if (!document || !isPlan(document)) {
        document = vscode.window.visibleTextEditors.map((e) => e.document).find(isPlan);
      }
      if (!document) {
        void vscode.window.showInformationMessage('Open a team plan (*.crmteam.yaml) to see its overview.');
        return;
      }
      const column = vscode.window.visibleTextEditors.find((e) => e.document === document)?.viewColumn ?? editor?.viewColumn;
      open(document, column);
    }),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0) schedule(event.document.uri.toString());
    }),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      const entry = editor && panels.get(editor.document.uri.toString());
      if (entry && editor.viewColumn !== undefined) entry.column = editor.viewColumn;
    }),
  );

  return {
    get panels() {
      return new Map([...panels].map(([uri, p]) => [uri, p.panel]));
    },
    whenRendered(uri: string): Promise<void> {
      const state = rendered.get(uri) ?? { version: -1, waiters: [] };
      rendered.set(uri, state);
      const current = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri)?.version ?? -1;
      if (state.version === current && !panels.get(uri)?.timer) return Promise.resolve();
      return new Promise((resolve) => state.waiters.push(resolve));
    },
    html: (uri: string) => rendered.get(uri)?.html,
  };
}

/** The webview's page: styles and a small script, both allowed by nonce; the overview arrives by message. */
function page(name: string): string {
  const nonce = makeNonce();
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Team Overview: ${escape(name)}</title>
<style nonce="${nonce}">${WEBVIEW_CSS}${OVERVIEW_CSS}</style>
</head>
<body>
<main id="overview" aria-live="polite"><p>Computing the overview…</p></main>
<script nonce="${nonce}">${WEBVIEW_SCRIPT}</script>
</body>
</html>`;
}

/** Renders what the extension sends, keeps the focused control across updates, and reports clicks. */
const WEBVIEW_SCRIPT = `
(function () {
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('overview');
  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || message.type !== 'render') return;
    const focused = document.activeElement && document.activeElement.getAttribute('aria-label');
    root.innerHTML = message.html;
    if (focused) {
      for (const element of root.querySelectorAll('[aria-label]')) {
        if (element.getAttribute('aria-label') === focused) { element.focus(); break; }
      }
    }
    document.body.dataset.rendered = String(Number(document.body.dataset.rendered || '0') + 1);
  });
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const rule = target && target.closest('[data-rule-href]');
    if (rule) {
      event.preventDefault();
      vscode.postMessage({ type: 'openRule', href: rule.getAttribute('data-rule-href') });
      return;
    }
    const place = target && target.closest('[data-line]');
    if (place) {
      vscode.postMessage({ type: 'reveal', line: Number(place.getAttribute('data-line')), column: Number(place.getAttribute('data-column')) });
    }
  });
}());
`;

function makeNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
