// The Team Overview in the real VS Code, through the API (runs after crmteam.e2e.cjs, in the same extension host).
// What it checks here: the command (and the editor-title button) open a webview beside the plan; the overview sent to
// it is the plan's; an edit in the plan updates it. Clicking a cell inside the webview and landing on the line is
// checked by the UI check (test/e2e/vscode/ui-check.mjs, `overview`), which drives the real page.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');

async function until(fn, what, ms = 15_000) {
  const end = Date.now() + ms;
  let last;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('Team Overview in VS Code', function () {
  it('the Team Overview opens beside the plan, shows its matrix, and follows an edit', async () => {
    const ext = vscode.extensions.getExtension('crmteam.crmteam-yaml');
    const api = await ext.activate();
    const folder = vscode.workspace.workspaceFolders[0].uri;
    const uri = vscode.Uri.joinPath(folder, 'northwind.crmteam.yaml');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc, { preview: false, viewColumn: vscode.ViewColumn.One });
    try {
      const commands = await vscode.commands.getCommands(true);
      assert.ok(commands.includes('crmteam.openOverview'), 'the command is registered');
      await vscode.commands.executeCommand('crmteam.openOverview');
      const key = uri.toString();
      const panel = await until(() => api.overview.panels.get(key), 'the overview panel');
      assert.equal(panel.viewType, 'crmteam.overview');
      assert.equal(panel.title, 'Team Overview: northwind.crmteam.yaml');
      assert.notEqual(panel.viewColumn, editor.viewColumn, 'beside the plan, not over it');
      assert.equal(panel.webview.options.enableScripts, true);
      assert.deepEqual(panel.webview.options.localResourceRoots, [], 'the webview loads no local file');
      assert.match(panel.webview.html, /Content-Security-Policy" content="default-src 'none'; style-src 'nonce-[0-9a-f]{32}'; script-src 'nonce-[0-9a-f]{32}';"/);
      await api.overview.whenRendered(key);
      const html = api.overview.html(key);
      assert.match(html, /<table class="matrix">/);
      assert.match(html, /<h2>Northwind CRM rollout<\/h2>/);
      assert.match(html, /aria-label="Maria Smith \(msmith\): owner in requirements">O<\/button>/);

      // Typing in the plan updates the overview: hand `vision` to Kim Park.
      const at = doc.getText().indexOf('vision:              { owner: msmith }');
      const start = doc.positionAt(at + 'vision:              { owner: '.length);
      await editor.edit((b) => b.replace(new vscode.Range(start, start.translate(0, 'msmith'.length)), 'kpark'));
      await until(async () => {
        await api.overview.whenRendered(key);
        return /aria-label="Kim Park \(kpark\): owner in vision">O<\/button>/.test(api.overview.html(key));
      }, 'the overview after the edit');

      // Running the command again reuses the panel.
      await vscode.commands.executeCommand('crmteam.openOverview', uri);
      assert.equal(api.overview.panels.size, 1);
      panel.dispose();
      await until(() => !api.overview.panels.has(key), 'the panel closed');
    } finally {
      if (doc.isDirty) {
        await vscode.window.showTextDocument(doc);
        await vscode.commands.executeCommand('workbench.action.files.revert');
      }
    }
  });
});
