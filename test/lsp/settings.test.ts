// Settings: fetched per resource with workspace/configuration and cached; a change clears the caches and
// re-validates at once (a diagnostics and inlay-hint refresh for pull clients, a new publication for push clients).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { InlayHint } from 'vscode-languageserver-protocol';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../server/src/common/settings';
import { fixture, LspPair, PUSH_CAPABILITIES } from './lspPair';

const URI = 'file:///plans/fabrikam.crmteam.yaml';

test('settings are asked for per document, once, with the crmteam section', async () => {
  const pair = await LspPair.start();
  try {
    await pair.open(URI, fixture('fabrikam-draft.crmteam.yaml'));
    await pair.pull(URI);
    await pair.pull(URI);
    await pair.request('textDocument/documentSymbol', { textDocument: { uri: URI } });
    const asked = pair.configurationRequests.flatMap((r) => r.items);
    assert.deepEqual(asked, [{ scopeUri: URI, section: 'crmteam' }]);
  } finally {
    await pair.dispose();
  }
});

test('turning a rule off (and another up) refreshes diagnostics and inlay hints; the next pull reflects it', async () => {
  const pair = await LspPair.start();
  try {
    await pair.open(URI, fixture('fabrikam-draft.crmteam.yaml'));
    const before = await pair.pull(URI);
    assert.ok(before.kind === 'full' && before.items.some((d) => d.code === 'cio-day-to-day'));
    assert.equal(before.kind === 'full' && before.items.find((d) => d.code === 'integration-needs-it')?.severity, 2);

    await pair.changeSettings({ rules: { 'cio-day-to-day': 'off', 'integration-needs-it': 'error' } });
    await pair.waitFor(() => pair.diagnosticRefreshes > 0 && pair.inlayHintRefreshes > 0, 'refresh requests');

    const after = await pair.pull(URI, before.resultId);
    assert.equal(after.kind, 'full', 'the old resultId no longer matches');
    assert.ok(after.kind === 'full' && !after.items.some((d) => d.code === 'cio-day-to-day'));
    assert.equal(after.kind === 'full' && after.items.find((d) => d.code === 'integration-needs-it')?.severity, 1);
    assert.equal(pair.configurationRequests.length, 2, 'asked again after the change');
  } finally {
    await pair.dispose();
  }
});

test('inlay hints follow `crmteam.inlayHints.enabled` after a change', async () => {
  const pair = await LspPair.start();
  try {
    await pair.open(URI, fixture('northwind.crmteam.yaml'));
    const hints = () => pair.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: URI }, range: { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } } });
    assert.ok((await hints()).length > 10);
    await pair.changeSettings({ inlayHints: { enabled: false } });
    await pair.waitFor(() => pair.inlayHintRefreshes > 0, 'inlay hint refresh');
    assert.deepEqual(await hints(), []);
  } finally {
    await pair.dispose();
  }
});

test('a push client gets the document published again, at once, after a settings change', async () => {
  const pair = await LspPair.start({ capabilities: PUSH_CAPABILITIES, server: { pushDelayMs: 10_000 } });
  try {
    await pair.open(URI, fixture('fabrikam-draft.crmteam.yaml'));
    const first = await pair.publishedFor(URI, 1);
    assert.ok(first.diagnostics.some((d) => d.code === 'cio-day-to-day'));
    const published = pair.published.length;
    await pair.changeSettings({ rules: { 'cio-day-to-day': 'off' } });
    const again = await pair.waitFor(() => pair.published.length > published && pair.published[pair.published.length - 1], 'a new publication');
    assert.equal(again.version, 1);
    assert.ok(!again.diagnostics.some((d) => d.code === 'cio-day-to-day'));
    assert.equal(pair.diagnosticRefreshes, 0, 'no refresh request to a client that cannot take it');
  } finally {
    await pair.dispose();
  }
});

test('a client that cannot be asked for settings uses what it pushes, else the defaults', async () => {
  const pair = await LspPair.start({ capabilities: { textDocument: { diagnostic: {} } } });
  try {
    await pair.open(URI, fixture('fabrikam-draft.crmteam.yaml'));
    assert.ok((await pair.pullItems(URI)).some((d) => d.code === 'cio-day-to-day'));
    await pair.client.sendNotification('workspace/didChangeConfiguration', { settings: { crmteam: { rules: { 'cio-day-to-day': 'off' } } } });
    assert.ok(!(await pair.pullItems(URI)).some((d) => d.code === 'cio-day-to-day'));
    assert.equal(pair.configurationRequests.length, 0);
  } finally {
    await pair.dispose();
  }
});

test('settings from the client are read defensively', () => {
  for (const raw of [undefined, null, 'nonsense', [1], { rules: 'x', inlayHints: 3, trace: [] }]) {
    const read = normalizeSettings(raw);
    assert.deepEqual({ ...read, rules: { ...read.rules } }, { ...DEFAULT_SETTINGS, rules: {} }, JSON.stringify(raw));
  }
  const read = normalizeSettings({ rules: { 'a-rule': 'off', 'b-rule': 'loud', __proto__: 'error' }, inlayHints: { enabled: 'yes' }, trace: { server: 'verbose' } });
  assert.deepEqual({ ...read.rules }, { 'a-rule': 'off' });
  assert.equal(read.inlayHints.enabled, true);
  assert.equal(read.trace.server, 'verbose');
  const proto = normalizeSettings(JSON.parse('{"rules":{"__proto__":"off"}}'));
  assert.equal(proto.rules['__proto__'], 'off', 'a rule id named __proto__ is an ordinary key');
  assert.equal(Object.getPrototypeOf(proto.rules), null);
});
