// The bundled server as other editors start it: `node dist/server.js --stdio` (and the `crmteam-language-server`
// bin, which defaults to stdio), through initialize → didOpen → published diagnostics → shutdown → exit.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { repoPath } from '../harness/repo';
import { fixture } from './lspPair';

async function smoke(args: string[]): Promise<{ code: number | null; diagnostics: PublishDiagnosticsParams }> {
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published = new Promise<PublishDiagnosticsParams>((resolve) => {
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => resolve(params));
  });
  connection.listen();
  try {
    const init = await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} }) as { capabilities: object };
    assert.ok(init.capabilities);
    await connection.sendNotification('initialized', {});
    const uri = 'file:///smoke/fabrikam.crmteam.yaml';
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'crmteam-yaml', version: 1, text: fixture('fabrikam-draft.crmteam.yaml') } });
    const diagnostics = await Promise.race([
      published,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no diagnostics; stderr: ${stderr}`)), 10_000).unref()),
    ]);
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    return { code: await exited, diagnostics };
  } finally {
    connection.dispose();
    if (child.exitCode === null) child.kill();
  }
}

test('the bundled server runs over stdio and exits with 0 after shutdown', async () => {
  assert.ok(existsSync(repoPath('dist', 'server.js')), 'run `node esbuild.mjs` first');
  const { code, diagnostics } = await smoke([repoPath('dist', 'server.js'), '--stdio']);
  assert.equal(code, 0);
  assert.equal(diagnostics.version, 1);
  assert.ok(diagnostics.diagnostics.length > 5);
  const schema = diagnostics.diagnostics.find((d) => d.code === 'schema');
  // Rule pages are found next to the bundle: dist/../docs/rules.
  assert.equal(schema?.codeDescription?.href, pathToFileURL(repoPath('docs', 'rules', 'schema.md')).href);
});

test('the crmteam-language-server bin defaults to stdio', async () => {
  const { code, diagnostics } = await smoke([repoPath('bin', 'crmteam-language-server.js')]);
  assert.equal(code, 0);
  assert.ok(diagnostics.diagnostics.some((d) => d.source === 'crmteam'));
});
