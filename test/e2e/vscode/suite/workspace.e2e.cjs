// Many plans in the real VS Code (README, "Many plans"): the plans of test/e2e/workspace/contoso-group share a configuration
// and a roster, and are never opened. Their findings, the cross-plan one included, reach VS Code (and so the Problems
// panel) through workspace diagnostics. Loaded by index.cjs after crmteam.e2e.cjs. The same on the web, where the server
// reads the workspace through the client (client/src/workspaceFiles.ts) instead of the disk.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');

async function until(fn, what, ms = 20_000) {
  const end = Date.now() + ms;
  let last;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const uriOf = (name) => vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'contoso-group', name);
const code = (d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

describe('workspace of several plans', () => {
  it('a closed plan\'s cross-plan finding is reported, with related information at the other plan; saving its sibling updates it', async () => {
    const service = uriOf('service.crmteam.yaml');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === service.toString()), 'the plan is not open');
    // The e2e workspace turns workspace diagnostics off (for the UI check's Problems panel): on for this test.
    const settings = vscode.workspace.getConfiguration('crmteam');
    await settings.update('workspaceDiagnostics', true, vscode.ConfigurationTarget.Workspace);
    const finding = await until(
      () => vscode.languages.getDiagnostics(service).find((d) => code(d) === 'over-allocated-across-plans'),
      'over-allocated-across-plans on the closed service plan',
    );
    assert.match(finding.message, /John Doe \(`jdoe`\) is allocated 110% in total across 2 plans/);
    assert.equal(finding.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(finding.relatedInformation[0].location.uri.toString(), uriOf('sales.crmteam.yaml').toString());
    // The roster's people are known: no unknown-person for jdoe.
    assert.ok(!vscode.languages.getDiagnostics(service).some((d) => code(d) === 'unknown-person'));

    // The sibling plan is saved with a lower allocation while neither plan is open: the file watcher tells the server,
    // which re-reads it, and the closed plan's finding goes; saved back, it returns.
    const sales = uriOf('sales.crmteam.yaml');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === sales.toString()), 'the sibling is not open');
    const original = await vscode.workspace.fs.readFile(sales);
    const lowered = new TextDecoder().decode(original).replace('itOwner: { person: jdoe, allocation: 60% }', 'itOwner: { person: jdoe, allocation: 50% }');
    assert.notEqual(lowered, new TextDecoder().decode(original), 'the sibling names jdoe at 60%');
    try {
      await vscode.workspace.fs.writeFile(sales, new TextEncoder().encode(lowered));
      await until(() => !vscode.languages.getDiagnostics(service).some((d) => code(d) === 'over-allocated-across-plans'), 'the finding gone after the sibling was saved at 50%');
    } finally {
      await vscode.workspace.fs.writeFile(sales, original);
    }
    await until(() => vscode.languages.getDiagnostics(service).some((d) => code(d) === 'over-allocated-across-plans'), 'the finding back after the sibling was saved at 60% again');
    // Off again: the closed plans' findings are taken back.
    await settings.update('workspaceDiagnostics', false, vscode.ConfigurationTarget.Workspace);
    await until(() => vscode.languages.getDiagnostics(service).length === 0, 'the closed plan\'s findings cleared');
  });

  it('the configuration file and the roster have their own language ids', async () => {
    const doc = await vscode.workspace.openTextDocument(uriOf('crmteam.config.yaml'));
    assert.equal(doc.languageId, 'crmteam-config');
    const roster = await vscode.workspace.openTextDocument(uriOf('people.yaml'));
    await until(() => vscode.workspace.textDocuments.find((d) => d.uri.toString() === roster.uri.toString() && d.languageId === 'crmteam-roster'), 'the roster language');
  });
});
