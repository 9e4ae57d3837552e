// The language server over a workspace of several plans with a configuration (README, "Many plans"): closed plans' findings
// through workspace diagnostics (result ids, `unchanged`, the request held open until something changes), an edit in
// one plan changing another's findings, a configuration change, the setting, push clients, and the same findings as
// the CLI.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import type { ClientCapabilities, Diagnostic, WorkspaceDiagnosticReport, WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { nodeWorkspaceFiles } from '../../server/src/lsp/nodeFiles';
import { CheckWorkers } from '../../server/src/lsp/checkWorkers';
import type { PlanChecker } from '../../server/src/lsp/analysisSource';
import { repoPath } from '../harness/repo';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { editsFor, LspPair, positionOf, PUSH_CAPABILITIES, VSCODE_CAPABILITIES } from './lspPair';

const CAPABILITIES: ClientCapabilities = { ...VSCODE_CAPABILITIES, workspace: { ...VSCODE_CAPABILITIES.workspace, didChangeWatchedFiles: { dynamicRegistration: true } } };

function workspace(): { dir: string; uri: (name: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'crmteam-ws-'));
  cpSync(repoPath('examples/contoso-group'), dir, { recursive: true });
  return { dir, uri: (name) => pathToFileURL(join(dir, name)).href };
}

async function start(dir: string, settings: unknown = {}, capabilities = CAPABILITIES, planChecker?: (log: (m: string) => void) => PlanChecker): Promise<LspPair> {
  return LspPair.start({ workspaceFolders: [pathToFileURL(dir).href], settings, capabilities, server: { workspaceFiles: nodeWorkspaceFiles, ...(planChecker ? { planChecker } : {}) } });
}

function workspacePull(pair: LspPair, previous: WorkspaceDocumentDiagnosticReport[] = []): Promise<WorkspaceDiagnosticReport> {
  return pair.request('workspace/diagnostic', {
    previousResultIds: previous.filter((r) => r.resultId).map((r) => ({ uri: r.uri, value: r.resultId! })),
  });
}

const itemsOf = (report: WorkspaceDiagnosticReport, uri: string): Diagnostic[] | undefined => {
  const found = report.items.find((r) => r.uri === uri);
  return found?.kind === 'full' ? found.items : undefined;
};
const cross = (items: readonly Diagnostic[] | undefined) => (items ?? []).filter((d) => d.code === 'over-allocated-across-plans');

test('closed plans get their findings, cross-plan ones included, with related places in the other plan', async () => {
  const { dir, uri } = workspace();
  const pair = await start(dir);
  try {
    assert.equal((pair.initializeResult.capabilities.diagnosticProvider as { workspaceDiagnostics: boolean }).workspaceDiagnostics, true);
    const report = await workspacePull(pair);
    const sales = itemsOf(report, uri('sales.crmteam.yaml'));
    assert.equal(cross(sales).length, 1);
    assert.equal(cross(sales)[0]!.relatedInformation![0]!.location.uri, uri('service.crmteam.yaml'));
    assert.equal(cross(itemsOf(report, uri('service.crmteam.yaml'))).length, 1);
    assert.ok(!report.items.some((r) => r.uri.includes('legacy-crm')), 'ignored plans are not reported');
    assert.ok(!(sales ?? []).some((d) => d.code === 'unknown-person'), 'roster people are known');
  } finally {
    await pair.dispose();
  }
});

test('closed plans checked in worker threads (as the Node server does) are reported exactly as on the main thread', { timeout: 60_000 }, async (t) => {
  const { dir } = workspace();
  const reports: WorkspaceDiagnosticReport[] = [];
  // The workers do not keep a process alive (a server whose client has gone must exit): this test must stay up.
  const keepAlive = setInterval(() => {}, 1_000);
  t.after(() => clearInterval(keepAlive));
  for (const checker of [undefined, (log: (m: string) => void) => new CheckWorkers({ workerScript: repoPath('dist', 'server.js'), log, size: 2 })]) {
    const pair = await start(dir, {}, CAPABILITIES, checker);
    try {
      reports.push(await workspacePull(pair));
    } finally {
      await pair.dispose();
    }
  }
  const items = (r: WorkspaceDiagnosticReport) => r.items.map((x) => [x.uri, x.kind === 'full' ? x.items : []]).sort();
  assert.ok(items(reports[0]!).length >= 4);
  assert.deepEqual(items(reports[1]!), items(reports[0]!));
});

test('a plan that cannot be checked (its worker died) is reported as such, not left without findings', async () => {
  const { dir, uri } = workspace();
  const failing = (): PlanChecker => ({ check: () => Promise.reject(new Error('The worker checking it exited with code 134.')), dispose: () => undefined });
  const pair = await start(dir, {}, CAPABILITIES, failing);
  try {
    const sales = itemsOf(await workspacePull(pair), uri('sales.crmteam.yaml'));
    assert.equal(sales?.length, 1);
    assert.match(sales![0]!.message as string, /could not be checked/);
    assert.equal(sales![0]!.severity, 1);
  } finally {
    await pair.dispose();
  }
});

test('after an edit, only the plans whose findings changed get a full report; an edit that changes none leaves the request held', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crmteam-ws-'));
  const plan = (name: string, person: string, pct: number) =>
    `crmteam: 1\nproject:\n  name: ${name}\nroles:\n  itOwner: { person: ${person}, allocation: ${pct}% }\n`;
  writeFileSync(join(dir, 'crmteam.config.yaml'), 'crmteam-config: 1\nroster: people.yaml\n');
  writeFileSync(join(dir, 'people.yaml'), 'crmteam-roster: 1\npeople:\n  jdoe: { name: John Doe, department: it }\n  akim: { name: Ann Kim, department: it }\n');
  writeFileSync(join(dir, 'a.crmteam.yaml'), plan('A', 'jdoe', 60));
  writeFileSync(join(dir, 'b.crmteam.yaml'), plan('B', 'jdoe', 60));
  writeFileSync(join(dir, 'c.crmteam.yaml'), plan('C', 'akim', 30));
  const uri = (name: string) => pathToFileURL(join(dir, name)).href;
  const pair = await start(dir);
  try {
    const first = await workspacePull(pair);
    assert.equal(cross(itemsOf(first, uri('b.crmteam.yaml'))).length, 1);
    const a = uri('a.crmteam.yaml');
    const text = plan('A', 'jdoe', 60);
    await pair.open(a, text);
    await pair.pullItems(a);
    let answered: WorkspaceDiagnosticReport | undefined;
    const held = workspacePull(pair, first.items).then((r) => { answered = r; return r; });
    // Renaming the project changes no cross-plan finding anywhere: nothing to report.
    await pair.change(a, [{ range: { start: { line: 2, character: 8 }, end: { line: 2, character: 9 } }, newText: 'Alpha' }]);
    await pair.pullItems(a);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(answered, undefined, 'no sibling\'s findings changed, so the request stays held');
    // 60% → 50%: B's total changes, C's findings do not.
    const at = positionOf(plan('Alpha', 'jdoe', 60), 'allocation: 60%', 0, 'allocation: '.length);
    await pair.change(a, [{ range: { start: at, end: { line: at.line, character: at.character + 2 } }, newText: '50' }]);
    await pair.pullItems(a);
    const next = await held;
    const kinds = Object.fromEntries(next.items.map((r) => [r.uri.slice(r.uri.lastIndexOf('/') + 1), r.kind]));
    assert.equal(kinds['b.crmteam.yaml'], 'full');
    assert.match(cross(itemsOf(next, uri('b.crmteam.yaml')))[0]!.message as string, /110%/);
    assert.equal(kinds['c.crmteam.yaml'], 'unchanged');
    assert.equal(kinds['crmteam.config.yaml'], 'unchanged');
  } finally {
    await pair.dispose();
  }
});

test('the request is held open while nothing changes; an edit in one plan changes the other\'s report', async () => {
  const { dir, uri } = workspace();
  const pair = await start(dir);
  try {
    const first = await workspacePull(pair);
    let answered: WorkspaceDiagnosticReport | undefined;
    const held = workspacePull(pair, first.items).then((r) => { answered = r; return r; });
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(answered, undefined, 'nothing changed, so the server must not answer');

    // Open the sales plan and lower its IT owner's allocation: the service desk's cross-plan finding goes away.
    const sales = uri('sales.crmteam.yaml');
    const text = readFileSync(join(dir, 'sales.crmteam.yaml'), 'utf8');
    await pair.open(sales, text);
    const at = positionOf(text, 'allocation: 60%', 0, 'allocation: '.length);
    await pair.change(sales, [{ range: { start: at, end: { line: at.line, character: at.character + 3 } }, newText: '50%' }]);
    const own = await pair.pullItems(sales);
    assert.deepEqual(cross(own), [], 'the open plan sees the new total at once');
    const next = await held;
    assert.deepEqual(cross(itemsOf(next, uri('service.crmteam.yaml'))), [], 'the closed plan is reported again, without the finding');
    assert.ok(next.items.some((r) => r.kind === 'unchanged'), 'what did not change is reported as unchanged');
    assert.ok(!next.items.some((r) => r.uri === sales), 'an open plan gets document diagnostics only');
  } finally {
    await pair.dispose();
  }
});

test('each workspace folder\'s own `crmteam.rules` apply to the cross-plan rules of the scopes in it', async () => {
  const root = mkdtempSync(join(tmpdir(), 'crmteam-ws-'));
  const folders = ['quiet', 'strict'].map((name) => {
    const dir = join(root, name);
    cpSync(repoPath('examples/contoso-group'), dir, { recursive: true });
    return pathToFileURL(dir).href;
  });
  const settings = (scopeUri?: string) => (scopeUri === folders[0] || scopeUri?.startsWith(`${folders[0]}/`) ? { rules: { 'over-allocated-across-plans': 'off' } } : {});
  const pair = await LspPair.start({ workspaceFolders: folders, settings, capabilities: CAPABILITIES, server: { workspaceFiles: nodeWorkspaceFiles } });
  try {
    const report = await workspacePull(pair);
    assert.deepEqual(cross(itemsOf(report, `${folders[0]}/sales.crmteam.yaml`)), [], 'turned off in the first folder');
    assert.equal(cross(itemsOf(report, `${folders[1]}/sales.crmteam.yaml`)).length, 1, 'still on in the second');
  } finally {
    await pair.dispose();
  }
});

test('a changed configuration re-checks its scope', async () => {
  const { dir, uri } = workspace();
  const pair = await start(dir);
  try {
    const first = await workspacePull(pair);
    assert.equal(cross(itemsOf(first, uri('service.crmteam.yaml'))).length, 1);
    const held = workspacePull(pair, first.items);
    const config = join(dir, 'crmteam.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('capacity: 100%', 'capacity: 120%'));
    await pair.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('crmteam.config.yaml'), type: 2 }] });
    const next = await held;
    assert.deepEqual(cross(itemsOf(next, uri('service.crmteam.yaml'))), []);
    assert.deepEqual(cross(itemsOf(next, uri('sales.crmteam.yaml'))), []);
  } finally {
    await pair.dispose();
  }
});

test('files changed on disk together (a checkout) are read together; a changed roster re-checks its scope', async () => {
  const { dir, uri } = workspace();
  const pair = await start(dir);
  try {
    const first = await workspacePull(pair);
    assert.equal(cross(itemsOf(first, uri('sales.crmteam.yaml'))).length, 1);
    // Both plans lower the IT owner's allocation in one change notification: 40% + 40% is within capacity.
    for (const name of ['sales.crmteam.yaml', 'service.crmteam.yaml']) {
      const path = join(dir, name);
      writeFileSync(path, readFileSync(path, 'utf8').replace(/(itOwner: \{ person: jdoe, allocation: )\d+%/, '$140%'));
    }
    const held = workspacePull(pair, first.items);
    await pair.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('sales.crmteam.yaml'), type: 2 }, { uri: uri('service.crmteam.yaml'), type: 2 }] });
    const next = await held;
    assert.deepEqual(cross(itemsOf(next, uri('sales.crmteam.yaml'))), []);
    assert.deepEqual(cross(itemsOf(next, uri('service.crmteam.yaml'))), []);
    // The roster renames jdoe: both plans now name someone the roster does not know.
    const roster = join(dir, 'people.yaml');
    writeFileSync(roster, readFileSync(roster, 'utf8').replace(/^  jdoe:/m, '  jdoe2:'));
    const again = workspacePull(pair, next.items);
    await pair.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('people.yaml'), type: 2 }] });
    const after = await again;
    for (const name of ['sales.crmteam.yaml', 'service.crmteam.yaml']) {
      assert.ok((itemsOf(after, uri(name)) ?? []).some((d) => d.code === 'unknown-person'), name);
    }
  } finally {
    await pair.dispose();
  }
});

test('a closed plan deleted on disk: its findings are taken back', async () => {
  const { dir, uri } = workspace();
  const pair = await start(dir);
  try {
    const first = await workspacePull(pair);
    assert.ok((itemsOf(first, uri('service.crmteam.yaml')) ?? []).length > 0);
    const held = workspacePull(pair, first.items);
    rmSync(join(dir, 'service.crmteam.yaml'));
    await pair.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('service.crmteam.yaml'), type: 3 }] });
    const next = await held;
    assert.deepEqual(itemsOf(next, uri('service.crmteam.yaml')), [], 'an empty report for the deleted plan');
    assert.deepEqual(cross(itemsOf(next, uri('sales.crmteam.yaml'))), [], 'and its sibling lost the shared finding');
  } finally {
    await pair.dispose();
  }
});

test('crmteam.workspaceDiagnostics false: closed plans are not reported until it is turned on', async () => {
  const { dir, uri } = workspace();
  const pair = await start(dir, { workspaceDiagnostics: false });
  try {
    let answered: WorkspaceDiagnosticReport | undefined;
    const held = workspacePull(pair).then((r) => { answered = r; return r; });
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(answered, undefined);
    await pair.changeSettings({ workspaceDiagnostics: true });
    const report = await held;
    assert.equal(cross(itemsOf(report, uri('sales.crmteam.yaml'))).length, 1);
    // Turned off again: the closed plans' findings are taken back.
    const next = workspacePull(pair, report.items);
    await pair.changeSettings({ workspaceDiagnostics: false });
    const cleared = await next;
    assert.deepEqual(itemsOf(cleared, uri('sales.crmteam.yaml')), []);
  } finally {
    await pair.dispose();
  }
});

test('clients without pull diagnostics still get the cross-plan findings of open plans, published', async () => {
  const { dir, uri } = workspace();
  const pair = await start(dir, {}, PUSH_CAPABILITIES);
  try {
    const service = uri('service.crmteam.yaml');
    await pair.open(service, readFileSync(join(dir, 'service.crmteam.yaml'), 'utf8'));
    const published = await pair.waitFor(() => pair.published.find((p) => p.uri === service && cross(p.diagnostics).length === 1), 'published cross-plan finding');
    assert.equal(cross(published.diagnostics)[0]!.relatedInformation![0]!.location.uri, uri('sales.crmteam.yaml'));
  } finally {
    await pair.dispose();
  }
});

test('with no personal override, the CLI and the editor report the same findings for the same files', async () => {
  const { dir, uri } = workspace();
  const cli = spawnSync(process.execPath, [repoPath('bin/crmteam.js'), 'lint', '--format', 'json', '.'], { cwd: dir, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '' } });
  const files = JSON.parse(cli.stdout) as { filePath: string; messages: { ruleId: string; message: string; line: number; column: number; level: string }[] }[];
  const pair = await start(dir);
  try {
    const report = await workspacePull(pair);
    const severity = ['', 'error', 'warning', 'info', 'hint'];
    for (const file of files) {
      const editor = (itemsOf(report, uri(file.filePath)) ?? []).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${severity[d.severity!]} ${d.code} ${d.message}`).sort();
      const fromCli = file.messages.map((m) => `${m.line}:${m.column} ${m.level} ${m.ruleId} ${m.message}`).sort();
      assert.deepEqual(editor, fromCli, file.filePath);
    }
    assert.ok(files.some((f) => f.messages.some((m) => m.ruleId === 'over-allocated-across-plans')), 'the comparison covers a cross-plan finding');
  } finally {
    await pair.dispose();
  }
});

test('the configuration file: its findings, hovers on rule ids with a link, completion of rule ids, severities and keys', async () => {
  const { dir, uri } = workspace();
  const pair = await start(dir);
  try {
    await workspacePull(pair); // the index has read every plan, so nothing is left running when the test ends
    const config = uri('crmteam.config.yaml');
    const text = 'crmteam-config: 1\nroster: nobody.yaml\nrules:\n  unused-persn: error\n  champion-required: \n  \n';
    await pair.open(config, text);
    const items = await pair.pullItems(config);
    assert.deepEqual(items.map((d) => [d.code, d.range.start.line]), [['config', 1], ['config', 3], ['config', 4]]);
    assert.match(String(items[1]!.message), /Did you mean `unused-person`/);

    const hover = await pair.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: config }, position: positionOf(text, 'champion-required', 0, 3) });
    assert.match(hover.contents.value, /champion-required.*default: warning/);
    assert.match(hover.contents.value, /\(file:\/\/\/docs\/rules\/champion-required\.md\)/);

    const complete = (needle: string, delta: number) => pair.request<{ items: { label: string }[] }>('textDocument/completion', { textDocument: { uri: config }, position: positionOf(text, needle, 0, delta) });
    const severities = await complete('champion-required: ', 'champion-required: '.length);
    assert.deepEqual(severities.items.map((i) => i.label), ['off', 'hint', 'info', 'warning', 'error']);
    const ruleIds = await complete('champion-required: \n  ', 'champion-required: \n  '.length);
    assert.ok(ruleIds.items.some((i) => i.label === 'it-owner-full-time') && !ruleIds.items.some((i) => i.label === 'champion-required'));
    const keys = await pair.request<{ items: { label: string }[] }>('textDocument/completion', { textDocument: { uri: config }, position: { line: 6, character: 0 } });
    assert.deepEqual(keys.items.map((i) => i.label), ['ignore', 'capacity']);
  } finally {
    await pair.dispose();
  }
});

function codeActions(pair: LspPair, uri: string, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
  return pair.request('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0]!.range, context: { diagnostics, triggerKind: 1 } });
}

test('the configuration file\'s findings have quick fixes in the editor, which keep its comments', async () => {
  const { dir, uri } = workspace();
  const pair = await start(dir);
  try {
    await workspacePull(pair);
    const config = uri('crmteam.config.yaml');
    const text = 'crmteam-config: 1\nroster: people.yaml\nrules:\n  unused-persn: error  # keep this\n';
    await pair.open(config, text);
    const typo = (await pair.pullItems(config)).find((d) => d.code === 'config')!;
    const actions = await codeActions(pair, config, [typo]);
    const fix = actions.find((a) => a.kind === 'quickfix');
    assert.ok(fix, 'a quick fix for the misspelt rule id');
    assert.ok(!actions.some((a) => /^Ignore/.test(a.title)), 'nothing in a configuration is ignored by a comment');
    const fixed = TextDocument.applyEdits(TextDocument.create(config, 'crmteam-config', 1, text), editsFor(config, fix.edit));
    assert.equal(fixed, 'crmteam-config: 1\nroster: people.yaml\nrules:\n  unused-person: error  # keep this\n');
  } finally {
    await pair.dispose();
  }
});

test('cross-plan findings of an open plan have quick fixes: an unused suppression is removed, a finding ignored', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crmteam-ws-'));
  writeFileSync(join(dir, 'crmteam.config.yaml'), 'crmteam-config: 1\nroster: people.yaml\n');
  writeFileSync(join(dir, 'people.yaml'), 'crmteam-roster: 1\npeople:\n  jdoe: { name: John Doe, department: it }\n  akim: { name: Ann Kim, department: it }\n');
  writeFileSync(join(dir, 'b.crmteam.yaml'), 'crmteam: 1\nproject:\n  name: B\nroles:\n  itOwner: { person: jdoe, allocation: 60% }\n  technicalStaff:\n    databaseAdministration:\n      - { person: akim, allocation: 20% }\n');
  const text = 'crmteam: 1\nproject:\n  name: A\nroles:\n  itOwner: { person: jdoe, allocation: 60% }\n  technicalStaff:\n    databaseAdministration:\n      # crmteam-disable-next-line over-allocated-across-plans -- shared DBA\n      - { person: akim, allocation: 20% }\n';
  const a = pathToFileURL(join(dir, 'a.crmteam.yaml')).href;
  writeFileSync(join(dir, 'a.crmteam.yaml'), text);
  const pair = await start(dir);
  try {
    await workspacePull(pair);
    await pair.open(a, text);
    const items = await pair.pullItems(a);
    const unused = items.find((d) => d.code === 'unused-suppression')!;
    assert.ok(unused, 'the suppression of a cross-plan rule silenced nothing');
    const removal = (await codeActions(pair, a, [unused])).find((x) => x.kind === 'quickfix')!;
    const after = TextDocument.applyEdits(TextDocument.create(a, 'crmteam-yaml', 1, text), editsFor(a, removal.edit));
    assert.ok(!after.includes('crmteam-disable'), after);
    assert.ok(after.includes('- { person: akim, allocation: 20% }'));

    const over = items.find((d) => d.code === 'over-allocated-across-plans')!;
    const ignore = (await codeActions(pair, a, [over])).find((x) => x.title === 'Ignore over-allocated-across-plans on this line');
    assert.ok(ignore, 'a cross-plan finding can be ignored from the editor');
    const ignored = TextDocument.applyEdits(TextDocument.create(a, 'crmteam-yaml', 1, text), editsFor(a, ignore.edit));
    await pair.change(a, [{ range: { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } }, newText: ignored }]);
    assert.ok(!(await pair.pullItems(a)).some((d) => d.code === 'over-allocated-across-plans'), 'ignored after the edit');
  } finally {
    await pair.dispose();
  }
});

test('navigation across files: definition in the roster, references in every plan, the load across plans in the hover', async () => {
  const { dir, uri } = workspace();
  const pair = await start(dir);
  try {
    await workspacePull(pair); // the index has read every plan
    const sales = uri('sales.crmteam.yaml');
    const text = readFileSync(join(dir, 'sales.crmteam.yaml'), 'utf8');
    await pair.open(sales, text);
    const onJdoe = positionOf(text, 'person: jdoe', 0, 'person: '.length + 1);
    const definition = await pair.request<{ uri: string; range: { start: { line: number } } }>('textDocument/definition', { textDocument: { uri: sales }, position: onJdoe });
    assert.equal(definition.uri, uri('people.yaml'));
    assert.equal(definition.range.start.line, readFileSync(join(dir, 'people.yaml'), 'utf8').split('\n').findIndex((l) => l.startsWith('  jdoe:')));

    const refs = await pair.request<{ uri: string }[]>('textDocument/references', { textDocument: { uri: sales }, position: onJdoe, context: { includeDeclaration: true } });
    const files = new Set(refs.map((r) => r.uri.slice(r.uri.lastIndexOf('/') + 1)));
    assert.deepEqual([...files].sort(), ['people.yaml', 'sales.crmteam.yaml', 'service.crmteam.yaml']);

    const hover = await pair.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: sales }, position: onJdoe });
    assert.match(hover.contents.value, /Load across the plans of this configuration:\*\* 110% in total/);
    assert.match(hover.contents.value, /service\.crmteam\.yaml: 50%/);
  } finally {
    await pair.dispose();
  }
});

test('rename of a roster person edits the roster and every plan in one edit, and is refused when the id is taken', async () => {
  const { dir, uri } = workspace();
  const pair = await start(dir);
  try {
    await workspacePull(pair);
    const service = uri('service.crmteam.yaml');
    const text = readFileSync(join(dir, 'service.crmteam.yaml'), 'utf8');
    await pair.open(service, text);
    const onJdoe = positionOf(text, 'person: jdoe', 0, 'person: '.length + 1);
    const edit = await pair.request<{ documentChanges: { textDocument: { uri: string }; edits: { newText: string }[] }[] }>('textDocument/rename', { textDocument: { uri: service }, position: onJdoe, newName: 'john.doe' });
    const byFile = new Map(edit.documentChanges.map((c) => [c.textDocument.uri.slice(c.textDocument.uri.lastIndexOf('/') + 1), c.edits.map((e) => e.newText)]));
    assert.deepEqual([...byFile.keys()].sort(), ['people.yaml', 'sales.crmteam.yaml', 'service.crmteam.yaml']);
    assert.ok([...byFile.values()].flat().every((t) => t === 'john.doe'));
    assert.equal(byFile.get('sales.crmteam.yaml')!.length, (readFileSync(join(dir, 'sales.crmteam.yaml'), 'utf8').match(/\bjdoe\b/g) ?? []).length);

    await assert.rejects(
      pair.request('textDocument/rename', { textDocument: { uri: service }, position: onJdoe, newName: 'msmith' }),
      /already used in this configuration's plans or roster \(sales\.crmteam\.yaml\)/,
    );
  } finally {
    await pair.dispose();
  }
});
