// The analysis sources behind the one interface (analysisSource.ts), driven directly as the server and the coming
// workspace code drive them: analyses keyed by version and inputs, invalidation from outside, documents that are not
// open (text given by the caller), stale work refused. The same checks run on the main-thread source and on the
// worker source (the bundled server as its worker script).

import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import type { AnalysisInputs, AnalysisSource, SourceDocument } from '../../server/src/lsp/analysisSource';
import { LocalAnalysisSource } from '../../server/src/lsp/cache';
import { StaleRequest } from '../../server/src/lsp/handler';
import { LargeDocumentSource, WorkerAnalysisSource } from '../../server/src/lsp/largeDocuments';
import { FEATURES, type ClientSupport } from '../../server/src/lsp/requests';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../server/src/common/settings';
import { repoPath } from '../harness/repo';
import { fixture } from './lspPair';

const URI = 'file:///plans/fabrikam.crmteam.yaml';
const OTHER = 'file:///plans/other.crmteam.yaml';
const SUPPORT: ClientSupport = {
  pullDiagnostics: true, diagnosticRefresh: true, inlayHintRefresh: true, configuration: true, dynamicConfiguration: false,
  documentChanges: true, hierarchicalSymbols: true, codeActionLiterals: true, prepareRename: true,
};

/** Inputs the test changes at will, as a configuration file or a roster would change for the workspace code. */
class Inputs {
  rules: Record<string, unknown> = {};
  reads = 0;
  readonly get = async (): Promise<AnalysisInputs> => {
    this.reads++;
    return { settings: { ...DEFAULT_SETTINGS, rules: normalizeSettings({ rules: this.rules }).rules }, docsBase: 'file:///docs' };
  };
}

function doc(uri: string, version: number, text: string): SourceDocument {
  return { uri, languageId: 'crmteam-yaml', version, text };
}

async function codes(source: AnalysisSource, uri: string): Promise<{ resultId: string; version: number; codes: string[] }> {
  const handle = await source.newest(uri);
  assert.ok(handle, `an analysis of ${uri}`);
  const items = (await handle.run('$/diagnostics', undefined, SUPPORT)) as Diagnostic[];
  return { resultId: handle.resultId, version: handle.version, codes: items.map((d) => String(d.code)) };
}

// The workers do not keep a process alive (a server whose client has gone must exit): this test run must stay up.
const keepAlive = setInterval(() => {}, 1_000);
after(() => clearInterval(keepAlive));

const IMPLEMENTATIONS: { name: string; make: (inputs: Inputs, logs: string[]) => AnalysisSource }[] = [
  { name: 'main thread', make: (inputs, logs) => new LocalAnalysisSource({ inputsFor: inputs.get, log: (m) => logs.push(m) }) },
  {
    name: 'worker threads',
    make: (inputs, logs) => new WorkerAnalysisSource({ inputsFor: inputs.get, log: (m) => logs.push(m), workerScript: repoPath('dist', 'server.js') }),
  },
];

for (const { name, make } of IMPLEMENTATIONS) {
  test(`${name}: one analysis per version and inputs; invalidate(uri) and invalidateAll() make them stale`, { timeout: 60_000 }, async () => {
    const inputs = new Inputs();
    const logs: string[] = [];
    const source = make(inputs, logs);
    try {
      assert.equal(await source.newest(URI), undefined, 'an unknown document has no analysis');
      // Neither document is open anywhere: the caller gives the text.
      source.update(doc(URI, 1, fixture('fabrikam-draft.crmteam.yaml')));
      source.update(doc(OTHER, 7, fixture('fabrikam-draft.crmteam.yaml')));
      const first = await codes(source, URI);
      assert.equal(first.version, 1);
      assert.ok(first.codes.includes('cio-day-to-day'));
      const reads = inputs.reads;
      const again = await codes(source, URI);
      assert.equal(again.resultId, first.resultId);
      assert.equal(inputs.reads, reads, 'a second request reuses the analysis without reading the inputs again');

      // An input changed (as when a file the plan depends on changes): only this document's analysis is stale.
      const otherBefore = await codes(source, OTHER);
      inputs.rules = { 'cio-day-to-day': 'off' };
      source.invalidate(URI);
      const after = await codes(source, URI);
      assert.notEqual(after.resultId, first.resultId);
      assert.equal(after.version, 1);
      assert.ok(!after.codes.includes('cio-day-to-day'), 'analysed again with the new inputs');
      const otherAfter = await codes(source, OTHER);
      assert.equal(otherAfter.resultId, otherBefore.resultId, 'the other document was not invalidated');
      assert.ok(otherAfter.codes.includes('cio-day-to-day'));

      // Every input changed (as when the settings change).
      source.invalidateAll();
      const all = await codes(source, OTHER);
      assert.notEqual(all.resultId, otherAfter.resultId);
      assert.ok(!all.codes.includes('cio-day-to-day'));
      assert.notEqual((await codes(source, URI)).resultId, after.resultId);

      source.forget(OTHER);
      assert.equal(await source.newest(OTHER), undefined);
      assert.deepEqual(logs, []);
    } finally {
      source.dispose();
    }
  });

  test(`${name}: a version superseded while it waits is refused, and so is a cancelled request`, { timeout: 60_000 }, async () => {
    const inputs = new Inputs();
    const source = make(inputs, []);
    try {
      const text = fixture('fabrikam-draft.crmteam.yaml');
      source.update(doc(URI, 1, text));
      const waiting = source.newest(URI);
      source.update(doc(URI, 2, text.replace('Robert Hale', 'Roberta Hale')));
      await assert.rejects(waiting, StaleRequest);
      const newest = await source.newest(URI);
      assert.equal(newest?.version, 2);
      source.update(doc(URI, 3, text));
      await assert.rejects(source.newest(URI, { isCancellationRequested: true }), StaleRequest);
      assert.equal((await source.newest(URI))?.version, 3);
    } finally {
      source.dispose();
    }
  });
}

test('worker threads: a request meant for an analysis the worker no longer holds is refused as stale', { timeout: 60_000 }, async () => {
  const inputs = new Inputs();
  const source = new WorkerAnalysisSource({ inputsFor: inputs.get, log: () => {}, workerScript: repoPath('dist', 'server.js') });
  try {
    const text = fixture('fabrikam-draft.crmteam.yaml');
    source.update(doc(URI, 1, text));
    const old = await source.newest(URI);
    // Version 2 is analysed by the other worker (the first one drops version 1), version 3 by the first one again:
    // the worker the old handle points to now holds an analysis, but not the one the handle is for.
    source.update(doc(URI, 2, text));
    assert.equal((await source.newest(URI))?.version, 2);
    source.update(doc(URI, 3, text));
    assert.equal((await source.newest(URI))?.version, 3);
    await assert.rejects(old!.run('textDocument/documentSymbol', { textDocument: { uri: URI } }, SUPPORT), StaleRequest);
    // The freshest analysis answers.
    const symbols = await (await source.freshest(URI))!.run('textDocument/documentSymbol', { textDocument: { uri: URI } }, SUPPORT);
    assert.ok(Array.isArray(symbols) && symbols.length > 0);
  } finally {
    source.dispose();
  }
});

test('worker threads: an exception in a worker reaches the log with the worker\'s stack', { timeout: 60_000 }, async () => {
  const inputs = new Inputs();
  const source = new WorkerAnalysisSource({ inputsFor: inputs.get, log: () => {}, workerScript: repoPath('dist', 'server.js') });
  try {
    source.update(doc(URI, 1, fixture('fabrikam-draft.crmteam.yaml')));
    const handle = await source.newest(URI);
    // A hover without a position makes the feature throw inside the worker.
    const error = await handle!.run('textDocument/hover', { textDocument: { uri: URI } }, SUPPORT).then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof Error && !(error instanceof StaleRequest), `an Error, not ${String(error)}`);
    assert.match(error.stack ?? '', /\n\s+at .*\n[\s\S]*in an analysis worker/);
  } finally {
    source.dispose();
  }
});

test('large documents: a document goes to the workers above the size and comes back below it, one stamp for both', { timeout: 60_000 }, async () => {
  const inputs = new Inputs();
  // The main thread's diagnostics are marked (the workers always run the real features), so each answer says where
  // it was made.
  const marked = { ...FEATURES, diagnostics: () => [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: 'main thread', code: 'main-thread' }] };
  const source = new LargeDocumentSource({ inputsFor: inputs.get, log: () => {}, workerScript: repoPath('dist', 'server.js'), features: marked, largeLength: 1_000 });
  try {
    const text = fixture('fabrikam-draft.crmteam.yaml');
    assert.ok(text.length > 1_000);
    const small = '# small\ncrmteam: 1\n';
    source.update(doc(URI, 1, small));
    const first = await codes(source, URI);
    assert.deepEqual(first.codes, ['main-thread']);
    source.update(doc(URI, 2, text));
    const large = await codes(source, URI);
    assert.ok(large.codes.includes('cio-day-to-day') && !large.codes.includes('main-thread'), 'analysed in a worker');
    source.update(doc(URI, 3, small));
    const back = await codes(source, URI);
    assert.deepEqual(back.codes, ['main-thread']);
    source.invalidateAll();
    const again = await codes(source, URI);
    assert.equal(again.version, 3);
    assert.notEqual(again.resultId, back.resultId);
    assert.equal(new Set([first.resultId, large.resultId, back.resultId, again.resultId]).size, 4, 'result ids never repeat');
  } finally {
    source.dispose();
  }
});
