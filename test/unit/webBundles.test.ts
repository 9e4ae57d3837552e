// The web extension's bundles (package.json `browser`, scripts/web-bundles.mjs), built as they ship (minified): no
// Node built-in in them, nothing imported from outside but `vscode` (client) and nothing at all (server worker), the
// same engine and features as the Node server, and each within its size budget.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT, repoPath } from '../harness/repo';

// Plain ESM build scripts, loaded at run time (not bundled into this test).
type Module = any;
const webBundles = (): Promise<Module> => import(pathToFileURL(repoPath('scripts/web-bundles.mjs')).href);

test('web bundles: no Node built-ins, no stray imports, within their size budgets', async (t) => {
  const { buildWebBundles, describeWebBundles, WEB_BUNDLES } = await webBundles();
  const checked = await buildWebBundles({ production: true, root: REPO_ROOT, write: false, check: false });
  assert.deepEqual(checked.map((c: Module) => c.bundle.name), ['browser', 'browserServer']);
  for (const c of checked) assert.deepEqual(c.problems, [], `${c.bundle.name}.js`);
  t.diagnostic(describeWebBundles(checked));

  const [client, server] = checked;
  const inputs = (c: Module) => c.inputs as string[];
  // One engine: the web server bundles the very modules the Node server does, from the engine to the LSP wiring.
  for (const shared of ['server/src/lsp/server.ts', 'server/src/rules/it-owner-required.ts', 'server/src/features/hover.ts',
    'server/src/features/codeActions.ts', 'server/src/features/navigation.ts', 'server/src/lsp/settings.ts']) {
    assert.ok(inputs(server).includes(shared), `the web server bundles ${shared}`);
  }
  assert.ok(inputs(server).some((i) => i.includes('node_modules/vscode-languageserver/lib/browser/')), 'the browser connection');
  assert.ok(!inputs(server).some((i) => /largeDocuments|analysisWorker|lsp\/main\.ts|docsBase\.ts/.test(i)), 'no worker threads, no Node entry');
  assert.ok(inputs(client).includes('client/src/activate.ts'), 'the client shares activate.ts with the desktop one');
  assert.ok(inputs(client).some((i) => i.includes('node_modules/vscode-languageclient/lib/browser/')), 'the browser client');
  assert.ok(!inputs(client).some((i) => i.includes('vscode-languageclient/lib/node/')), 'not the Node client');

  const pkg = JSON.parse(readFileSync(repoPath('package.json'), 'utf8'));
  assert.equal(pkg.browser, './dist/browser.js', 'package.json declares the web entry');
  assert.equal(WEB_BUNDLES.length, 2);
});

test('web bundles: the check reports Node built-ins, disabled Node modules, stray imports and a blown budget', async () => {
  const { checkWebBundle } = await webBundles();
  const bundle = { name: 'browserServer', external: [], budgetBytes: 1000 };
  const fake = {
    metafile: {
      inputs: { 'server/src/a.ts': {}, '(disabled):fs': {}, 'node:path': {} },
      outputs: { 'dist/browserServer.js': { bytes: 1500, imports: [{ path: 'crypto', kind: 'require-call', external: true }] } },
    },
  };
  const { problems } = checkWebBundle(bundle, fake);
  assert.equal(problems.length, 4, problems.join('\n'));
  assert.match(problems.join('\n'), /fs is a Node module disabled/);
  assert.match(problems.join('\n'), /Node built-in node:path is bundled/);
  assert.match(problems.join('\n'), /imports crypto from outside the bundle/);
  assert.match(problems.join('\n'), /over its budget/);
});
