// No handler can take the server down: an exception is logged and answered with the empty result, requests for
// unknown documents or with broken parameters get empty answers, and the server keeps serving afterwards.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixture, LspPair } from './lspPair';

const URI = 'file:///plans/northwind.crmteam.yaml';
const GARBAGE = [
  '',
  '\uFEFF',
  ': : :\n\t- [ {\n',
  'people:\n  a: &x [*x]\n',
  '['.repeat(5000),
  'crmteam: 1\npeople:\n  "": { name: 1 }\n  __proto__: { name: x }\nroles: { itOwner: { person: [1, 2] } }\nactivities: { testing: [1] }\n',
  '\u0000\u0001\u0002 binary \uFFFF\n\r\n\r',
];

test('a feature that throws is logged and answered with an empty result; the server keeps working', async () => {
  const pair = await LspPair.start({ server: { features: { documentSymbols: () => { throw new Error('boom in symbols'); } } } });
  try {
    await pair.open(URI, fixture('northwind.crmteam.yaml'));
    assert.deepEqual(await pair.request('textDocument/documentSymbol', { textDocument: { uri: URI } }), []);
    const logged = await pair.waitFor(() => pair.logs.find((l) => l.type === 1 && l.message.includes('boom in symbols')), 'the error log');
    assert.match(logged.message, /textDocument\/documentSymbol failed/);
    assert.ok((await pair.request<unknown[]>('textDocument/foldingRange', { textDocument: { uri: URI } })).length > 0);
  } finally {
    await pair.dispose();
  }
});

test('requests for a document that is not open get empty answers', async () => {
  const pair = await LspPair.start();
  try {
    const doc = { textDocument: { uri: 'file:///nowhere.crmteam.yaml' } };
    const position = { ...doc, position: { line: 3, character: 4 } };
    assert.equal(await pair.request('textDocument/definition', position), null);
    assert.deepEqual(await pair.request('textDocument/references', { ...position, context: { includeDeclaration: true } }), []);
    assert.deepEqual(await pair.request('textDocument/documentSymbol', doc), []);
    assert.deepEqual(await pair.request('textDocument/foldingRange', doc), []);
    assert.deepEqual(await pair.request('textDocument/codeAction', { ...doc, range: { start: position.position, end: position.position }, context: { diagnostics: [] } }), []);
    assert.equal(await pair.request('textDocument/hover', position), null);
    assert.deepEqual(await pair.request('textDocument/completion', position), { isIncomplete: false, items: [] });
    assert.equal(await pair.request('textDocument/rename', { ...position, newName: 'x' }), null);
    assert.deepEqual(pair.logs.filter((l) => l.type === 1), []);
  } finally {
    await pair.dispose();
  }
});

test('broken parameters are logged and answered empty', async () => {
  const pair = await LspPair.start();
  try {
    assert.equal(await pair.request('textDocument/definition', {}), null);
    assert.deepEqual(await pair.request('textDocument/codeAction', { textDocument: { uri: URI } }), []);
    await pair.open(URI, fixture('northwind.crmteam.yaml'));
    assert.deepEqual(await pair.request('textDocument/codeAction', { textDocument: { uri: URI }, range: null, context: null }), []);
    await pair.waitFor(() => pair.logs.filter((l) => l.type === 1).length >= 2, 'error logs');
    assert.equal((await pair.pull(URI)).kind, 'full', 'still serving');
  } finally {
    await pair.dispose();
  }
});

test('every feature copes with broken documents', async () => {
  const pair = await LspPair.start();
  try {
    for (const [i, text] of GARBAGE.entries()) {
      const uri = `file:///garbage/${i}.crmteam.yaml`;
      await pair.open(uri, text);
      const doc = { textDocument: { uri } };
      const position = { ...doc, position: { line: 0, character: 1 } };
      const range = { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } };
      assert.equal((await pair.pull(uri)).kind, 'full');
      await pair.request('textDocument/documentSymbol', doc);
      await pair.request('textDocument/foldingRange', doc);
      await pair.request('textDocument/inlayHint', { ...doc, range });
      await pair.request('textDocument/definition', position);
      await pair.request('textDocument/references', { ...position, context: { includeDeclaration: true } });
      await pair.request('textDocument/documentHighlight', position);
      await pair.request('textDocument/codeAction', { ...doc, range, context: { diagnostics: (await pair.pullItems(uri)) } });
      await pair.request('textDocument/hover', position);
      await pair.request('textDocument/completion', position);
    }
    const mine = /^textDocument\/(diagnostic|documentSymbol|foldingRange|inlayHint|definition|references|documentHighlight|codeAction) failed/;
    assert.deepEqual(pair.logs.filter((l) => l.type === 1 && mine.test(l.message)), []);
  } finally {
    await pair.dispose();
  }
});
