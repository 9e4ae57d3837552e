// The web server's workspace index (README, "Works in vscode.dev and github.dev"): with `workspaceFiles: 'client'` the
// server has no file access of its own and asks the client (crmteam/listFiles, crmteam/readFile), as the web worker
// does. The test client answers from examples/contoso-group under a non-file scheme, as VS Code for the Web would
// (vscode-test-web:, vscode-vfs:), and changes reach the server as watched-file notifications.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { glob } from 'tinyglobby';
import type { ClientCapabilities, Diagnostic, WorkspaceDiagnosticReport, WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { decodePlan } from '../../server/src/core/decode';
import {
  ListFilesRequest, ReadFileRequest, WORKSPACE_FILE_GLOB, WORKSPACE_IGNORE_GLOB,
  type ListFilesParams, type ListFilesResult, type ReadFileParams, type ReadFileResult,
} from '../../server/src/common/protocol';
import { repoPath } from '../harness/repo';
import { nodeWorkspaceFiles } from '../../server/src/lsp/nodeFiles';
import { LspPair, VSCODE_CAPABILITIES } from './lspPair';

const CAPABILITIES: ClientCapabilities = { ...VSCODE_CAPABILITIES, workspace: { ...VSCODE_CAPABILITIES.workspace, didChangeWatchedFiles: { dynamicRegistration: true } } };
const FOLDER = 'vscode-test-web://mount/contoso-group';
const DIR = repoPath('examples/contoso-group');
const uri = (name: string) => `${FOLDER}/${name}`;

/** A client that answers the file requests from DIR, with texts it may have changed (`edited`) and a request log. */
function fakeClient(options: { failList?: boolean } = {}) {
  const edited = new Map<string, string>();
  const requests: string[] = [];
  const handlers = (client: import('vscode-jsonrpc/node').MessageConnection) => {
    client.onRequest(ListFilesRequest.method, async ({ folderUri }: ListFilesParams): Promise<ListFilesResult> => {
      requests.push(`list ${folderUri}`);
      if (options.failList) throw new Error('no file search for this scheme');
      if (folderUri !== FOLDER) return [];
      const found = await glob([WORKSPACE_FILE_GLOB], { cwd: DIR, dot: true, onlyFiles: true, ignore: [WORKSPACE_IGNORE_GLOB] });
      return found.map((path) => uri(path));
    });
    client.onRequest(ReadFileRequest.method, ({ uri: wanted }: ReadFileParams): ReadFileResult => {
      requests.push(`read ${relative(FOLDER, wanted)}`);
      if (edited.has(wanted)) return edited.get(wanted)!;
      if (!wanted.startsWith(`${FOLDER}/`)) return null;
      try {
        return decodePlan(readFileSync(join(DIR, decodeURIComponent(wanted.slice(FOLDER.length + 1))))).text;
      } catch {
        return null;
      }
    });
  };
  return { edited, requests, handlers };
}

function workspacePull(pair: LspPair, previous: WorkspaceDocumentDiagnosticReport[] = []): Promise<WorkspaceDiagnosticReport> {
  return pair.request('workspace/diagnostic', {
    previousResultIds: previous.filter((r) => r.resultId).map((r) => ({ uri: r.uri, value: r.resultId! })),
  });
}
const itemsOf = (report: WorkspaceDiagnosticReport, u: string): Diagnostic[] | undefined => {
  const found = report.items.find((r) => r.uri === u);
  return found?.kind === 'full' ? found.items : undefined;
};
const cross = (items: readonly Diagnostic[] | undefined) => (items ?? []).filter((d) => d.code === 'over-allocated-across-plans');

test('a client that answers for the files: closed plans get their cross-plan findings, read through the client', async () => {
  const files = fakeClient();
  const pair = await LspPair.start({
    workspaceFolders: [FOLDER], capabilities: CAPABILITIES, initializationOptions: { workspaceFiles: true },
    server: { workspaceFiles: 'client' }, handlers: files.handlers,
  });
  try {
    assert.equal((pair.initializeResult.capabilities.diagnosticProvider as { workspaceDiagnostics: boolean }).workspaceDiagnostics, true);
    const report = await workspacePull(pair);
    const service = cross(itemsOf(report, uri('service.crmteam.yaml')));
    assert.equal(service.length, 1, 'the closed service plan\'s cross-plan finding');
    assert.match(String(service[0]!.message), /John Doe \(`jdoe`\) is allocated 110% in total across 2 plans/);
    assert.equal(service[0]!.relatedInformation![0]!.location.uri, uri('sales.crmteam.yaml'));
    assert.ok(!(itemsOf(report, uri('service.crmteam.yaml')) ?? []).some((d) => d.code === 'unknown-person'), 'the roster, read through the client, is known');
    assert.ok(!report.items.some((r) => r.uri.includes('archive')), 'the configuration\'s ignore applies');
    assert.deepEqual(files.requests.filter((r) => r.startsWith('list')), [`list ${FOLDER}`]);
    assert.ok(files.requests.includes('read people.yaml'), 'the roster is read by name');

    // The sales plan changes on "disk" (saved elsewhere; it is not open): the watched-file notification re-reads it.
    const held = workspacePull(pair, report.items);
    files.edited.set(uri('sales.crmteam.yaml'), readFileSync(join(DIR, 'sales.crmteam.yaml'), 'utf8').replace('allocation: 60%', 'allocation: 50%'));
    await pair.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('sales.crmteam.yaml'), type: 2 }] });
    const next = await held;
    assert.deepEqual(cross(itemsOf(next, uri('service.crmteam.yaml'))), [], 'the closed plan\'s finding is gone');
  } finally {
    await pair.dispose();
  }
});

test('a client that does not say it answers for the files is never asked: only open plans count', async () => {
  const files = fakeClient();
  const pair = await LspPair.start({ workspaceFolders: [FOLDER], capabilities: CAPABILITIES, server: { workspaceFiles: 'client' }, handlers: files.handlers });
  try {
    assert.equal((pair.initializeResult.capabilities.diagnosticProvider as { workspaceDiagnostics: boolean }).workspaceDiagnostics, false);
    const text = readFileSync(join(DIR, 'service.crmteam.yaml'), 'utf8');
    await pair.open(uri('service.crmteam.yaml'), text);
    assert.deepEqual(cross(await pair.pullItems(uri('service.crmteam.yaml'))), []);
    assert.deepEqual(files.requests, []);
  } finally {
    await pair.dispose();
  }
});

test('a client whose file search fails: logged, nothing indexed, the open plan still checked', async () => {
  const files = fakeClient({ failList: true });
  const pair = await LspPair.start({
    workspaceFolders: [FOLDER], capabilities: CAPABILITIES, initializationOptions: { workspaceFiles: true },
    server: { workspaceFiles: 'client' }, handlers: files.handlers,
  });
  try {
    await pair.waitFor(() => pair.logs.some((l) => l.message.includes('could not list the plans of') && l.message.includes('no file search')), 'the logged failure');
    await pair.open(uri('service.crmteam.yaml'), readFileSync(join(DIR, 'service.crmteam.yaml'), 'utf8'));
    const items = await pair.pullItems(uri('service.crmteam.yaml'));
    assert.ok(items.some((d) => d.code === 'unknown-person'), 'checked alone: without the roster, its people are unknown');
  } finally {
    await pair.dispose();
  }
});

test('the Node server in a virtual workspace (desktop Remote Repositories): what is not on disk is asked of the client', async () => {
  const files = fakeClient();
  const pair = await LspPair.start({
    workspaceFolders: [FOLDER], capabilities: CAPABILITIES, initializationOptions: { workspaceFiles: true },
    server: { workspaceFiles: nodeWorkspaceFiles }, handlers: files.handlers,
  });
  try {
    const report = await workspacePull(pair);
    assert.equal(cross(itemsOf(report, uri('service.crmteam.yaml'))).length, 1, 'the closed plan, read through the client');
    assert.deepEqual(files.requests.filter((r) => r.startsWith('list')), [`list ${FOLDER}`]);
  } finally {
    await pair.dispose();
  }
});
