// The one custom request behind the Team Overview: `crmteam/overview` answers the overview of the document's current
// version, follows edits and settings, is null for a document that is not open, and survives a feature that throws.
// A plan large enough for the analysis workers gets its overview from them, through the bundled server.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { OverviewRequest, type OverviewParams, type OverviewResult } from '../../server/src/common/protocol';
import { repoPath } from '../harness/repo';
import { DOCS_BASE, fixture, LspPair, positionOf } from './lspPair';

const URI = 'file:///plans/northwind.crmteam.yaml';

test('crmteam/overview: the matrix of the open document, updated by each edit; rule pages linked like diagnostics', async () => {
  const pair = await LspPair.start();
  try {
    const text = fixture('northwind.crmteam.yaml');
    await pair.open(URI, text);
    const ask = () => pair.request<OverviewResult>(OverviewRequest.method, { textDocument: { uri: URI } } satisfies OverviewParams);
    const first = (await ask())!;
    assert.equal(first.file, URI);
    const selection = first.matrix.activities.find((a) => a.id === 'toolSelection')!;
    assert.equal(selection.owner, 'msmith');
    const at = positionOf(text, 'toolSelection:');
    assert.deepEqual(selection.place, { line: at.line + 1, column: at.character + 1 });

    // Hand tool selection to the integrator: the next answer shows it, with the rule's finding on the row.
    const ownerInSelection = positionOf(text, '{ owner: msmith, participants: [jdoe, tnguyen] }', 0, 9);
    await pair.change(URI, [{ range: { start: ownerInSelection, end: { line: ownerInSelection.line, character: ownerInSelection.character + 6 } }, newText: 'plee' }]);
    const second = (await ask())!;
    const changed = second.matrix.activities.find((a) => a.id === 'toolSelection')!;
    assert.equal(changed.owner, 'plee');
    const rowFindings = changed.findings.map((i) => second.findings.list[i]!);
    assert.ok(rowFindings.some((f) => f.ruleId === 'integrator-not-decider' && f.href === `${DOCS_BASE}/integrator-not-decider.md`), JSON.stringify(rowFindings));

    // Settings reach the overview as they reach diagnostics.
    await pair.changeSettings({ rules: { 'integrator-not-decider': 'off' } });
    const third = (await ask())!;
    assert.ok(!third.findings.list.some((f) => f.ruleId === 'integrator-not-decider'));

    assert.equal(await pair.request<OverviewResult>(OverviewRequest.method, { textDocument: { uri: 'file:///not/open.crmteam.yaml' } }), null);
  } finally {
    await pair.dispose();
  }
});

test('crmteam/overview: a feature that throws answers null and is logged; the server keeps serving', async () => {
  const pair = await LspPair.start({ server: { features: { overview: () => { throw new Error('boom'); } } } });
  try {
    await pair.open(URI, fixture('northwind.crmteam.yaml'));
    assert.equal(await pair.request<OverviewResult>(OverviewRequest.method, { textDocument: { uri: URI } }), null);
    assert.ok(pair.logs.some((l) => /crmteam\/overview/.test(l.message) && /boom/.test(l.message)));
    assert.ok((await pair.pullItems(URI)).length >= 0);
  } finally {
    await pair.dispose();
  }
});

test('crmteam/overview for a plan analysed by the workers (over 500,000 characters), through the bundled server', { timeout: 120_000 }, async () => {
  const child = spawn(process.execPath, [repoPath('dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.listen();
  try {
    await connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } } });
    await connection.sendNotification('initialized', {});
    const text = (await import('../../bench/generate.mjs')).generatePlan(15_000);
    assert.ok(text.length > 500_000);
    const uri = 'file:///large/plan.crmteam.yaml';
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'crmteam-yaml', version: 1, text } });
    await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    const overview = (await connection.sendRequest(OverviewRequest.method, { textDocument: { uri } })) as OverviewResult;
    assert.ok(overview);
    assert.equal(overview.matrix.activities.length, 15);
    assert.ok(overview.matrix.people.length > 1000, `${overview.matrix.people.length} people in activities`);
  } finally {
    connection.dispose();
    child.kill();
  }
});
