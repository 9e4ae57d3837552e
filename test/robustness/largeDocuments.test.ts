// Very large plans are analysed by worker threads: requests keep being answered from the freshest finished analysis
// while a newer version is analysed, intermediate versions are skipped, and diagnostics match the newest text.
// Checked through the bundled server over stdio, by the order of answers rather than by timing.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { repoPath } from '../harness/repo';

test('a 50,000-line plan: hovers answer while a newer version is analysed; diagnostics follow the newest text', { timeout: 120_000 }, async () => {
  const child = spawn(process.execPath, [repoPath('dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.listen();
  try {
    await connection.sendRequest('initialize', {
      processId: null, rootUri: null,
      capabilities: { textDocument: { diagnostic: { dynamicRegistration: false }, hover: { contentFormat: ['markdown'] } } },
    });
    await connection.sendNotification('initialized', {});
    // bench/generate.mjs is an ES module: loaded on demand (esbuild bundles it either way).
    const text = (await import('../../bench/generate.mjs')).generatePlan(50_000);
    assert.ok(text.length > 1_000_000);
    const uri = 'file:///large/plan.crmteam.yaml';
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'crmteam-yaml', version: 1, text } });
    const pull = (previousResultId?: string) => connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) }) as Promise<{ kind: string; items?: Diagnostic[]; resultId?: string }>;
    const first = await pull();
    assert.equal(first.kind, 'full');
    const baseline = first.items!.filter((d) => d.code === 'unknown-person').length;

    // Several quick edits; the last one names a person who does not exist.
    // The generated plan writes `itOwner:` then `    person: <id>` on the next line: edit that id.
    const lines = text.split('\n');
    const itOwnerLine = lines.findIndex((l) => /^  itOwner:/.test(l));
    const personLine = itOwnerLine + 1;
    assert.match(lines[personLine]!, /^    person: [a-z]/);
    let current = lines[personLine]!;
    for (let version = 2; version <= 6; version++) {
      const next = `    person: ${version === 6 ? 'nobody-at-all' : `nobody-${version}`}`;
      await connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ text: next, range: { start: { line: personLine, character: 0 }, end: { line: personLine, character: current.length } } }],
      });
      current = next;
    }
    const order: string[] = [];
    const diagnostics = pull().then((r) => { order.push('diagnostics'); return r; });
    const hover = (connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: itOwnerLine, character: 4 } }) as Promise<Hover | null>)
      .then((r) => { order.push('hover'); return r; });
    const [report, hovered] = await Promise.all([diagnostics, hover]);
    // The hover came from the analysis already finished, before the newest version's analysis was done.
    assert.deepEqual(order, ['hover', 'diagnostics']);
    assert.match(JSON.stringify(hovered?.contents), /IT owner/);
    assert.equal(report.kind, 'full');
    const unknown = report.items!.filter((d) => d.code === 'unknown-person');
    assert.equal(unknown.length, baseline + 1);
    assert.ok(unknown.some((d) => messageOf(d).includes('nobody-at-all')), 'diagnostics are for the newest version');
    assert.ok(!report.items!.some((d) => /nobody-[2-5]/.test(messageOf(d))));
    // Asking again for the same version reports it unchanged.
    assert.equal((await pull(report.resultId)).kind, 'unchanged');
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
  } finally {
    connection.dispose();
    if (child.exitCode === null) child.kill();
  }
});

function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}
