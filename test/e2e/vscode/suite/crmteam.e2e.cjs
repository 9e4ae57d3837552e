// The extension in the real VS Code, through the VS Code API (runs in the extension host; `vscode` is the real API).
// Loaded by index.cjs. The workspace is test/e2e/workspace (runners open a temporary copy of it):
//   fabrikam-draft.crmteam.yaml  copy of examples/: many findings (diagnostics, crmteam.rules, navigation)
//   northwind.crmteam.yaml       copy of examples/: a clean plan (hover on itOwner, rename of a person)
//   no-it-owner.crmteam.yaml     no roles.itOwner: the "add IT owner" quick fix
//   fix-on-save.crmteam.yaml     template for fix-all on save (the test saves a copy, never this file)
//   misspelt-it-owner.crmteam.yaml  one error near the top, for the UI check (test/editors/editors.test.ts)
// Every wait polls for a condition with a timeout (`until`); nothing sleeps for a fixed time.
// CRMTEAM_E2E_EXPECT=vsix|dev|web (set by the runner) asserts where the extension under test was loaded from.
// The same file runs in VS Code for the Web (test/e2e/web/suite.cjs bundles it): it uses only the VS Code API and
// `node:assert/strict` (replaced there by test/e2e/web/assert.cjs), never other Node modules.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');

const EXTENSION_ID = 'crmteam.crmteam-yaml';
const LANGUAGE_ID = 'crmteam-yaml';
const EXPECT = process.env.CRMTEAM_E2E_EXPECT;
const { Error: ERROR, Warning: WARNING, Information: INFO } = vscode.DiagnosticSeverity;

/** Polls `fn` every 50 ms until it returns something truthy; fails after `ms` with `what` and the last value seen. */
async function until(fn, what, ms = 15_000) {
  const end = Date.now() + ms;
  let last;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() > end) {
      const seen = typeof last === 'object' ? JSON.stringify(last) : String(last);
      throw new Error(`timed out after ${ms} ms waiting for ${what} (last: ${seen})`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

const folder = () => {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'a workspace folder is open');
  return f.uri;
};
const planUri = (name) => vscode.Uri.joinPath(folder(), name);
const code = (d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const codesOf = (uri) => vscode.languages.getDiagnostics(uri).map(code);
const findingsOf = (uri, ruleId) => vscode.languages.getDiagnostics(uri).filter((d) => code(d) === ruleId);
const baseName = (uri) => uri.path.slice(uri.path.lastIndexOf('/') + 1);
/** The size of a file of the workspace or of the extension (on the web an http(s) URI, read with fetch), or -1. */
async function sizeOf(uri) {
  if (uri.scheme === 'http' || uri.scheme === 'https') {
    const response = await fetch(uri.toString(true));
    return response.ok ? (await response.arrayBuffer()).byteLength : -1;
  }
  return vscode.workspace.fs.stat(uri).then((s) => s.size, () => -1);
}

async function show(uri) {
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  return { doc, editor };
}

/** Reverts the active editor's unsaved changes (tests change documents but never save them, except fix-on-save). */
async function revert(doc) {
  if (!doc.isDirty) return;
  await vscode.window.showTextDocument(doc, { preview: false });
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await until(() => !doc.isDirty, `${baseName(doc.uri)} reverted`);
}

const positionOf = (doc, needle, delta = 0) => {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `${needle} is in ${baseName(doc.uri)}`);
  return doc.positionAt(at + delta);
};
const hoverText = (hovers) => hovers
  .flatMap((h) => h.contents)
  .map((c) => (typeof c === 'string' ? c : c.value))
  .join('\n---\n');
const count = (text, re) => (text.match(re) ?? []).length;

describe('crmteam in VS Code', function () {
  let api;

  it('activates when a plan is opened and returns { client, restart }', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
    assert.equal(ext.isActive, false, 'not active before any plan is open');
    const { doc } = await show(planUri('fabrikam-draft.crmteam.yaml'));
    assert.equal(doc.languageId, LANGUAGE_ID);
    await until(() => ext.isActive, 'activation on opening a plan');
    api = ext.exports;
    assert.ok(api && api.client, 'activate() returned the client');
    assert.equal(typeof api.restart, 'function');
    await until(() => api.client.isRunning(), 'the language server running');
  });

  it('is the build under test (installed .vsix, development folder, or the web extension)', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    const where = ext.extensionUri;
    const has = async (file) => (await sizeOf(vscode.Uri.joinPath(where, file))) >= 0;
    console.log(`extension under test: ${where} (version ${ext.packageJSON.version}, expected: ${EXPECT ?? 'any'})`);
    if (EXPECT === 'web') {
      // VS Code for the Web: the `browser` entry runs, with its server in a web worker; Node's are never used.
      assert.equal(vscode.env.uiKind, vscode.UIKind.Web, 'a web workbench');
      assert.equal(ext.packageJSON.browser, './dist/browser.js');
      assert.ok(await has('dist/browserServer.js'), 'dist/browserServer.js is there');
      assert.ok(typeof WorkerGlobalScope !== 'undefined' && globalThis instanceof WorkerGlobalScope, 'a web worker extension host');
    } else {
      assert.ok(await has('dist/server.js'), 'dist/server.js is there');
    }
    if (EXPECT === 'vsix' || EXPECT === 'web') {
      for (const absent of ['client/src/extension.ts', 'server/src/lsp/server.ts', 'test/e2e/README.md', 'esbuild.mjs',
        'node_modules/yaml/package.json', 'dist/server.js.map', 'dist/cli.js']) {
        assert.ok(!(await has(absent)), `the packaged extension has no ${absent}`);
      }
    } else if (EXPECT === 'dev') {
      assert.ok(await has('client/src/extension.ts') && await has('esbuild.mjs'), 'loaded from the development folder');
    }
  });

  it('shows the draft plan\'s findings with the expected rule ids, severities and rule-page links', async () => {
    const uri = planUri('fabrikam-draft.crmteam.yaml');
    const expected = [
      'business-owner-required', 'cio-day-to-day', 'cio-in-selection', 'data-migration-needs-business', 'full-support-is-rare',
      'in-house-programmers', 'integration-needs-it', 'integrator-not-decider',
      'it-must-not-lead', 'it-owner-full-time', 'load-testing-owner', 'post-rollout-vision', 'rollout-support-capacity',
      'schema', 'selection-includes-it', 'super-users-write-use-cases', 'technical-staff-coverage',
      'training-by-job-experts',
    ];
    const diags = await until(() => {
      const d = vscode.languages.getDiagnostics(uri);
      return expected.every((id) => d.some((x) => code(x) === id)) && d;
    }, 'the draft\'s findings');
    const seen = [...new Set(diags.filter((d) => d.severity !== vscode.DiagnosticSeverity.Hint).map(code))].sort();
    assert.deepEqual(seen, expected);
    assert.equal(diags.filter((d) => code(d) === 'technical-staff-coverage').length, 5, 'one per missing function');
    const byId = (id) => diags.find((d) => code(d) === id);
    assert.equal(byId('business-owner-required').severity, ERROR);
    assert.equal(byId('business-owner-required').range.start.line, 30);
    assert.equal(byId('schema').severity, ERROR);
    assert.match(byId('schema').message, /Unknown key `allocation` under `people\.sales-vp`/);
    assert.equal(byId('selection-includes-it').severity, WARNING);
    assert.equal(byId('cio-day-to-day').severity, INFO);
    for (const d of diags) {
      assert.equal(d.source, 'crmteam');
      const target = d.code.target;
      assert.ok(target instanceof vscode.Uri, `${code(d)} links its rule page`);
      assert.match(target.path, new RegExp(`/docs/rules/${code(d)}\\.md$`));
    }
    // the linked page exists in the extension that runs (for a .vsix: it was packaged; on the web: it is served, and
    // the link is an http(s) URL, which opens in a browser tab)
    const page = byId('selection-includes-it').code.target;
    if (EXPECT === 'web') assert.match(page.scheme, /^https?$/, `${page} opens in the browser`);
    assert.ok((await sizeOf(page)) > 200, `${page} has content`);
  });

  it('reports nothing on the clean plan; an edit that breaks it shows a finding, undoing it clears it', async () => {
    const uri = planUri('northwind.crmteam.yaml');
    const { doc, editor } = await show(uri);
    try {
      const line = positionOf(doc, '  itOwner:').line;
      await editor.edit((b) => b.replace(new vscode.Range(line, 2, line, 9), 'itOwnr'));
      await until(() => codesOf(uri).includes('schema'), 'a schema finding for the misspelt key');
      await vscode.commands.executeCommand('undo');
      await until(() => !doc.isDirty && vscode.languages.getDiagnostics(uri).length === 0, 'no findings after undo');
    } finally {
      await revert(doc);
    }
  });

  it('an unclosed quote: one squiggle, at the quote, and nothing else until it is closed', async () => {
    const uri = planUri('northwind.crmteam.yaml');
    const { doc, editor } = await show(uri);
    try {
      const at = positionOf(doc, 'name: Northwind', 'name: '.length);
      await editor.edit((b) => b.insert(at, "'"));
      const diagnostics = await until(() => {
        const d = vscode.languages.getDiagnostics(uri);
        return d.length > 0 && d;
      }, 'a finding for the unclosed quote');
      assert.deepEqual(diagnostics.map(code), ['yaml-syntax']);
      assert.deepEqual([diagnostics[0].range.start.line, diagnostics[0].range.start.character], [at.line, at.character]);
      assert.match(diagnostics[0].message, /never closed/);
      await vscode.commands.executeCommand('undo');
      await until(() => !doc.isDirty && vscode.languages.getDiagnostics(uri).length === 0, 'no findings after undo');
    } finally {
      await revert(doc);
    }
  });

  it('hover on itOwner gives the IT owner role guidance', async () => {
    const { doc } = await show(planUri('northwind.crmteam.yaml'));
    const pos = positionOf(doc, '  itOwner:', 4);
    const hovers = await until(async () => {
      const h = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, pos);
      return h && h.length > 0 && h;
    }, 'a hover on itOwner');
    const text = hoverText(hovers);
    assert.match(text, /### IT owner \(`roles\.itOwner`\)/);
    assert.match(text, /Internal IT’s lead on the project and the business owners’ opposite number/);
    assert.match(text, /it-owner-required\.md/, 'links the rules that check the role');
  });

  it('the "add IT owner" quick fix, executed, changes the document and the finding goes away', async () => {
    const uri = planUri('no-it-owner.crmteam.yaml');
    const { doc, editor } = await show(uri);
    try {
      const [finding] = await until(() => { const f = findingsOf(uri, 'it-owner-required'); return f.length && f; },
        'the it-owner-required finding');
      assert.equal(finding.severity, ERROR);
      const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, finding.range,
        vscode.CodeActionKind.QuickFix.value);
      const titles = actions.map((a) => a.title);
      const fix = actions.find((a) => a.title.startsWith('Make John Doe (jdoe) the IT owner'));
      assert.ok(fix, `the fix is offered among ${JSON.stringify(titles)}`);
      assert.equal(fix.isPreferred, true, 'it is the preferred fix');
      assert.ok(titles.some((t) => t.startsWith('Add a new person `it-owner` as IT owner')), 'and the "new person" fix');
      assert.doesNotMatch(doc.getText(), /itOwner/);
      // Executed the way a person does it: cursor on the finding, the preferred quick fix applied by the editor's
      // code-action command (what a keybinding for "Auto Fix" runs), not by the test applying the edit itself.
      editor.selection = new vscode.Selection(finding.range.start, finding.range.start);
      await vscode.commands.executeCommand('editor.action.codeAction', { kind: 'quickfix', preferred: true, apply: 'first' });
      await until(() => /\n {2}itOwner: jdoe\n/.test(doc.getText()), 'itOwner: jdoe in the document');
      assert.match(doc.getText(), /# the sales lead owns the project/, 'comments are kept');
      await until(() => !codesOf(uri).includes('it-owner-required'), 'the it-owner-required finding gone');
    } finally {
      await revert(doc);
    }
  });

  it('a crmteam-disable-next-line comment silences the finding below it, and only that one', async () => {
    const uri = planUri('no-it-owner.crmteam.yaml');
    const { doc, editor } = await show(uri);
    try {
      const [finding] = await until(() => { const f = findingsOf(uri, 'it-owner-required'); return f.length && f; },
        'the it-owner-required finding');
      const others = codesOf(uri).filter((c) => c !== 'it-owner-required').sort();
      const line = finding.range.start.line;
      await editor.edit((b) => b.insert(new vscode.Position(line, 0), '# crmteam-disable-next-line it-owner-required -- e2e\n'));
      await until(() => !codesOf(uri).includes('it-owner-required'), 'it-owner-required silenced');
      assert.deepEqual(codesOf(uri).sort(), others, 'the other findings stay, and the suppression is used');
    } finally {
      await revert(doc);
    }
  });

  it('inlay hints show each person\'s name after the id', async () => {
    const { doc } = await show(planUri('northwind.crmteam.yaml'));
    const whole = new vscode.Range(0, 0, doc.lineCount, 0);
    const hints = await until(async () => {
      const h = await vscode.commands.executeCommand('vscode.executeInlayHintProvider', doc.uri, whole);
      return h && h.length > 0 && h;
    }, 'inlay hints');
    const label = (h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join(''));
    const champion = positionOf(doc, '  champion: msmith', '  champion: msmith'.length);
    const atChampion = hints.find((h) => h.position.isEqual(champion));
    assert.ok(atChampion, `a hint after champion: msmith among ${hints.length}`);
    assert.match(label(atChampion), /Maria Smith/);
  });

  it('completion offers the person ids, the IT person first', async () => {
    const template = (await vscode.workspace.openTextDocument(planUri('no-it-owner.crmteam.yaml'))).getText();
    const content = template.replace('  champion: msmith\n', '  champion: msmith\n  itOwner: \n');
    assert.notEqual(content, template);
    const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content });
    await vscode.window.showTextDocument(doc, { preview: false });
    const pos = positionOf(doc, '  itOwner: ', '  itOwner: '.length);
    const list = await until(async () => {
      const l = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, pos);
      return l && l.items.length > 0 && l;
    }, 'completion items after itOwner:');
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.deepEqual([...labels].sort(), ['jdoe', 'msmith']);
    const sorted = [...list.items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    const first = sorted[0];
    assert.equal(typeof first.label === 'string' ? first.label : first.label.label, 'jdoe');
    assert.equal(first.detail, 'John Doe — Business Applications Manager');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('fix-all on save applies the safe fixes, keeps the comments and leaves the rest', async () => {
    const editorConfig = vscode.workspace.getConfiguration('editor');
    await editorConfig.update('codeActionsOnSave', { 'source.fixAll.crmteam': 'explicit' }, vscode.ConfigurationTarget.Global);
    const uri = planUri('fix-on-save.copy.crmteam.yaml');
    await vscode.workspace.fs.copy(planUri('fix-on-save.crmteam.yaml'), uri, { overwrite: true });
    try {
      const { doc, editor } = await show(uri);
      const safe = ['requirements-need-it', 'selection-includes-it', 'support-plan-required'];
      await until(() => [...safe, 'it-owner-full-time'].every((id) => codesOf(uri).includes(id)), 'the findings before save');
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), '# saved by the e2e suite\n'));
      await vscode.commands.executeCommand('workbench.action.files.save');
      const expected = (await vscode.workspace.openTextDocument(planUri('fix-on-save.crmteam.yaml'))).getText()
        .replace(/^/, '# saved by the e2e suite\n')
        .replace('  requirements: { owner: msmith }    # keep this comment',
          '  requirements: { owner: msmith, participants: [jdoe] }    # keep this comment')
        .replace('  toolSelection: { owner: msmith }   # and this one\n',
          '  toolSelection: { owner: msmith, participants: [jdoe] }   # and this one\n  ongoingSupport: { owner: jdoe }\n');
      const onDisk = async () => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      await until(async () => !doc.isDirty && (await onDisk()) === expected, 'the fixed plan saved to disk');
      assert.equal(doc.getText(), expected);
      await until(() => {
        const codes = codesOf(uri);
        return !safe.some((id) => codes.includes(id)) && codes.includes('it-owner-full-time');
      }, 'the safe findings gone, it-owner-full-time (not a safe fix) still reported');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      await editorConfig.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Global);
      await vscode.workspace.fs.delete(uri).then(undefined, () => {});
    }
  });

  it('changing crmteam.rules changes a severity, turns a rule off, and back', async () => {
    const uri = planUri('fabrikam-draft.crmteam.yaml');
    await show(uri);
    const severity = () => findingsOf(uri, 'cio-day-to-day')[0]?.severity;
    await until(() => severity() === INFO, 'cio-day-to-day at its default severity (info)');
    const config = () => vscode.workspace.getConfiguration('crmteam');
    try {
      await config().update('rules', { 'cio-day-to-day': 'error' }, vscode.ConfigurationTarget.Global);
      await until(() => severity() === ERROR, 'cio-day-to-day as an error');
      await config().update('rules', { 'cio-day-to-day': 'off' }, vscode.ConfigurationTarget.Global);
      await until(() => severity() === undefined && codesOf(uri).includes('schema'), 'cio-day-to-day off, the rest still there');
    } finally {
      await config().update('rules', undefined, vscode.ConfigurationTarget.Global);
    }
    await until(() => severity() === INFO, 'cio-day-to-day back to info');
  });

  it('go to definition and find references of a person', async () => {
    const { doc } = await show(planUri('fabrikam-draft.crmteam.yaml'));
    const pos = positionOf(doc, 'lead: partner-lead', 'lead: '.length + 1);
    const defs = await vscode.commands.executeCommand('vscode.executeDefinitionProvider', doc.uri, pos);
    assert.equal(defs.length, 1);
    const def = defs[0].range ?? defs[0].targetRange;
    assert.equal(def.start.line, positionOf(doc, '  partner-lead:').line);
    const refs = await vscode.commands.executeCommand('vscode.executeReferenceProvider', doc.uri, pos);
    assert.equal(refs.length, count(doc.getText(), /\bpartner-lead\b/g), 'every occurrence, the definition included');
  });

  it('rename of a person updates every reference', async () => {
    const uri = planUri('northwind.crmteam.yaml');
    const { doc } = await show(uri);
    try {
      const before = doc.getText();
      const occurrences = count(before, /\bjdoe\b/g);
      assert.ok(occurrences >= 8, `jdoe appears ${occurrences} times`);
      const pos = positionOf(doc, 'person: jdoe', 'person: '.length + 1);
      const edit = await vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', uri, pos, 'john-doe');
      assert.ok(edit, 'a rename edit');
      assert.equal(edit.get(uri).length, occurrences, 'one text edit per occurrence');
      assert.ok(await vscode.workspace.applyEdit(edit));
      const after = doc.getText();
      assert.equal(count(after, /\bjdoe\b/g), 0, 'no jdoe left');
      assert.equal(count(after, /\bjohn-doe\b/g), occurrences);
      assert.match(after, /\n {2}john-doe:\n {4}name: John Doe\n/, 'the definition is renamed too');
      assert.equal(after.replace(/\bjohn-doe\b/g, 'jdoe'), before, 'nothing else changed');
      // the server sees the renamed plan: the new id is a known person (hover shows the person card)
      const refPos = positionOf(doc, 'person: john-doe', 'person: '.length + 1);
      await until(async () => {
        const h = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, refPos);
        return /John Doe/.test(hoverText(h ?? []));
      }, 'the person card of john-doe');
      assert.ok(!codesOf(uri).includes('unknown-person'));
    } finally {
      await revert(doc);
    }
  });

  it('New Team Plan opens a clean plan from the server\'s template', async () => {
    await vscode.commands.executeCommand('crmteam.newPlan');
    const editor = await until(() => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.isUntitled && e.document.languageId === LANGUAGE_ID && e;
    }, 'the new plan\'s editor');
    const doc = editor.document;
    assert.match(doc.getText(), /^crmteam: 1$/m);
    // The template is clean. Proof that it is checked at all: one bad value gives exactly one finding, that one.
    const at = positionOf(doc, 'companySize: medium', 'companySize: '.length);
    await editor.edit((b) => b.replace(new vscode.Range(at, at.translate(0, 'medium'.length)), 'huge'));
    const diags = await until(() => { const d = vscode.languages.getDiagnostics(doc.uri); return d.length > 0 && d; },
      'the new plan checked');
    assert.deepEqual(diags.map((d) => [code(d), d.range.start.line]), [['schema', at.line]]);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('the restart command restarts the language server, which answers again', async () => {
    assert.ok(api, 'activated');
    const states = [];
    const sub = api.client.onDidChangeState((e) => states.push(e.newState));
    try {
      await vscode.commands.executeCommand('crmteam.restartServer');
      // vscode-languageclient State: Stopped = 1, Running = 2, Starting = 3
      await until(() => states.includes(1) && api.client.isRunning(), 'stopped, then running again', 20_000);
    } finally {
      sub.dispose();
    }
    assert.deepEqual(states.slice(-1), [2], `state changes ${JSON.stringify(states)}`);
    // the new server checks and answers: a fresh finding on an edit, and a hover
    const uri = planUri('northwind.crmteam.yaml');
    const { doc, editor } = await show(uri);
    try {
      const line = positionOf(doc, '  champion: msmith').line;
      await editor.edit((b) => b.replace(new vscode.Range(line, 12, line, 18), 'nobody'));
      await until(() => codesOf(uri).includes('unknown-person'), 'unknown-person from the restarted server');
      const h = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, positionOf(doc, '  itOwner:', 4));
      assert.match(hoverText(h), /IT owner/);
    } finally {
      await revert(doc);
    }
  });
});
