// The capabilities the server announces, for a pull client (VS Code) and a push-only client (Neovim 0.7).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LspPair, PUSH_CAPABILITIES } from './lspPair';

test('a pull client gets every capability, with pull diagnostics and the fix-all kind', async () => {
  const pair = await LspPair.start();
  try {
    const caps = pair.initializeResult.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    assert.deepEqual(caps.diagnosticProvider, { identifier: 'crmteam', interFileDependencies: false, workspaceDiagnostics: false });
    assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.crmteam'] });
    assert.deepEqual(caps.renameProvider, { prepareProvider: true });
    for (const key of ['definitionProvider', 'referencesProvider', 'documentHighlightProvider', 'foldingRangeProvider', 'hoverProvider'] as const) {
      assert.equal(caps[key], true, key);
    }
    assert.ok(caps.documentSymbolProvider);
    assert.ok(caps.inlayHintProvider);
    assert.ok(caps.completionProvider?.triggerCharacters?.includes(':'));
    assert.equal(pair.initializeResult.serverInfo?.name, 'crmteam-language-server');
  } finally {
    await pair.dispose();
  }
});

test('a client without pull support gets no diagnostic provider (it is sent published diagnostics)', async () => {
  const pair = await LspPair.start({ capabilities: PUSH_CAPABILITIES });
  try {
    assert.equal(pair.initializeResult.capabilities.diagnosticProvider, undefined);
  } finally {
    await pair.dispose();
  }
});

test('a client with no capabilities at all still initializes', async () => {
  const pair = await LspPair.start({ capabilities: {} });
  try {
    const caps = pair.initializeResult.capabilities;
    assert.equal(caps.diagnosticProvider, undefined);
    assert.equal(caps.codeActionProvider, true);
    assert.equal(caps.renameProvider, true);
  } finally {
    await pair.dispose();
  }
});
