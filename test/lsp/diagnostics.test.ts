// Diagnostics over the protocol: pulled (with resultId / unchanged), published for push clients with a debounce
// and a version, updated after incremental changes, and cancelled with a retrigger when the document moves on.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { toDiagnostic } from '../../server/src/features/diagnostics';
import type { FeatureContext } from '../../server/src/features/context';
import { DEFAULT_SETTINGS } from '../../server/src/common/settings';
import { fixture, LspPair, positionOf, PUSH_CAPABILITIES } from './lspPair';

const URI = 'file:///plans/fabrikam.crmteam.yaml';

test('pulled diagnostics carry code, source, docs link, severity and data', async () => {
  const pair = await LspPair.start();
  try {
    await pair.open(URI, fixture('fabrikam-draft.crmteam.yaml'));
    const items = await pair.pullItems(URI);
    assert.ok(items.length > 5, 'the draft has many findings');
    for (const [index, d] of items.entries()) {
      assert.equal(d.source, 'crmteam');
      assert.equal(typeof d.code, 'string');
      assert.deepEqual(d.data, { version: 1, index });
      assert.equal(d.codeDescription?.href, `file:///docs/rules/${d.code}.md`);
    }
    const schema = items.find((d) => d.code === 'schema');
    assert.ok(schema, 'the stray `allocation` under a person is a schema error');
    assert.equal(schema.severity, 1);
    assert.deepEqual(schema.range.start, positionOf(pair.text(URI), 'allocation: 20%'));
    const info = items.find((d) => d.code === 'cio-day-to-day');
    assert.equal(info?.severity, 3);
    // Rules that point at other places, or mark unused text, say so in the diagnostic.
    for (const d of items) {
      if (d.code === 'unused-person') assert.deepEqual(d.tags, [1]);
      for (const r of d.relatedInformation ?? []) assert.equal(r.location.uri, URI);
    }
  } finally {
    await pair.dispose();
  }
});

test('related places and the "unnecessary" tag are converted', () => {
  const text = 'a: 1\nb: 2\n';
  const lineStarts = [0, 5, 10];
  const positionAt = (offset: number) => {
    const line = lineStarts.filter((s) => s <= offset).length - 1;
    return { line, character: offset - lineStarts[line]! };
  };
  const ctx: FeatureContext = {
    uri: 'file:///x.crmteam.yaml',
    version: 7,
    docsBase: 'https://example.test/rules',
    settings: DEFAULT_SETTINGS,
    positionAt,
    offsetAt: (p) => lineStarts[p.line]! + p.character,
    rangeOf: (r) => ({ start: positionAt(r.start), end: positionAt(r.end) }),
  };
  const d: Diagnostic = toDiagnostic({
    ruleId: 'unused-person',
    severity: 'hint',
    message: 'unused',
    range: { start: 5, end: 6 },
    related: [{ range: { start: 0, end: 1 }, message: 'defined here' }],
    fixes: [],
    tags: ['unnecessary'],
  }, 3, ctx);
  assert.equal(text.slice(5, 6), 'b');
  assert.deepEqual(d.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } });
  assert.equal(d.severity, 4);
  assert.deepEqual(d.tags, [1]);
  assert.deepEqual(d.relatedInformation, [{ location: { uri: ctx.uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }, message: 'defined here' }]);
  assert.deepEqual(d.data, { version: 7, index: 3 });
  assert.equal(d.codeDescription?.href, 'https://example.test/rules/unused-person.md');
  const internal = toDiagnostic({ ruleId: 'internal-error', severity: 'error', message: 'x', range: { start: 0, end: 0 }, related: [], fixes: [], tags: [] }, 0, ctx);
  assert.equal(internal.codeDescription, undefined, 'no page for engine findings');
});

test('a second pull of the same version answers "unchanged"', async () => {
  const pair = await LspPair.start();
  try {
    await pair.open(URI, fixture('fabrikam-draft.crmteam.yaml'));
    const first = await pair.pull(URI);
    assert.equal(first.kind, 'full');
    assert.ok(first.resultId);
    const second = await pair.pull(URI, first.resultId);
    assert.deepEqual(second, { kind: 'unchanged', resultId: first.resultId });
  } finally {
    await pair.dispose();
  }
});

test('an incremental change gives new diagnostics for the new version', async () => {
  const pair = await LspPair.start();
  try {
    await pair.open(URI, fixture('fabrikam-draft.crmteam.yaml'));
    const before = await pair.pull(URI);
    assert.ok(before.kind === 'full' && before.items.some((d) => d.code === 'schema'));
    // Delete the stray `allocation: 20%` line under sales-vp.
    const start = positionOf(pair.text(URI), '    allocation: 20%');
    await pair.change(URI, [{ range: { start, end: { line: start.line + 1, character: 0 } }, newText: '' }]);
    const after = await pair.pull(URI, before.resultId);
    assert.equal(after.kind, 'full');
    assert.notEqual(after.resultId, before.resultId);
    assert.ok(after.kind === 'full' && !after.items.some((d) => d.code === 'schema'), 'the schema error is gone');
    assert.ok(after.kind === 'full' && after.items.every((d) => (d.data as { version: number }).version === 2));
  } finally {
    await pair.dispose();
  }
});

test('a pull whose document changes meanwhile is cancelled with a retrigger', async () => {
  const pair = await LspPair.start();
  try {
    await pair.open(URI, fixture('fabrikam-draft.crmteam.yaml'));
    // The pull waits for the settings round trip; the change arrives before the answer does.
    const pulled = pair.pull(URI);
    const edit = pair.change(URI, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '# edited\n' }]);
    await assert.rejects(pulled, (error: { code?: number; data?: unknown }) => {
      assert.equal(error.code, -32802);
      assert.deepEqual(error.data, { retriggerRequest: true });
      return true;
    });
    await edit;
    const items = await pair.pullItems(URI);
    assert.ok(items.every((d) => (d.data as { version: number }).version === 2));
  } finally {
    await pair.dispose();
  }
});

test('a push client gets published diagnostics on open, after a debounced change, and an empty set on close', async () => {
  // The real debounce, so the three quick changes below surely fall inside one window.
  const pair = await LspPair.start({ capabilities: PUSH_CAPABILITIES, server: { pushDelayMs: 150 } });
  try {
    await pair.open(URI, fixture('fabrikam-draft.crmteam.yaml'));
    const opened = await pair.publishedFor(URI, 1);
    assert.ok(opened.diagnostics.some((d) => d.code === 'schema'));
    assert.ok(opened.diagnostics.every((d) => d.source === 'crmteam'));

    // Three quick changes: only the last version is published.
    const start = positionOf(pair.text(URI), '    allocation: 20%');
    await pair.change(URI, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '# a\n' }]);
    await pair.change(URI, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '# b\n' }]);
    await pair.change(URI, [{ range: { start: { line: start.line + 2, character: 0 }, end: { line: start.line + 3, character: 0 } }, newText: '' }]);
    const changed = await pair.publishedFor(URI, 4);
    assert.ok(!changed.diagnostics.some((d) => d.code === 'schema'));
    assert.equal(pair.published.filter((p) => p.version === 2 || p.version === 3).length, 0, 'intermediate versions are not published');

    await pair.close(URI);
    await pair.waitFor(() => pair.published.some((p) => p.uri === URI && p.version === undefined && p.diagnostics.length === 0), 'cleared diagnostics');
  } finally {
    await pair.dispose();
  }
});

test('a pull for a document that is not open answers an empty report', async () => {
  const pair = await LspPair.start();
  try {
    const report = await pair.pull('file:///not/open.crmteam.yaml');
    assert.deepEqual(report, { kind: 'full', items: [] });
  } finally {
    await pair.dispose();
  }
});

test('broken YAML: the one squiggle is at the opening quote, and typing the closing quote brings the advice back', async () => {
  const pair = await LspPair.start();
  try {
    const text = fixture('fabrikam-draft.crmteam.yaml');
    const line = text.split('\n').findIndex((l) => /^\s+name: /.test(l));
    assert.ok(line >= 0);
    const broken = text.split('\n').map((l, i) => (i === line ? l.replace('name: ', "name: '") : l)).join('\n');
    await pair.open(URI, broken);
    const items = await pair.pullItems(URI);
    assert.deepEqual(items.map((d) => d.code), ['yaml-syntax']);
    const character = broken.split('\n')[line]!.indexOf("'");
    assert.deepEqual(items[0]!.range, { start: { line, character }, end: { line, character: character + 1 } });
    // The user types the closing quote at the end of the line.
    const end = broken.split('\n')[line]!.length;
    await pair.change(URI, [{ range: { start: { line, character: end }, end: { line, character: end } }, newText: "'" }]);
    const fixed = await pair.pullItems(URI);
    assert.ok(fixed.length > 5 && !fixed.some((d) => d.code === 'yaml-syntax'), 'the rules run again on whole YAML');
  } finally {
    await pair.dispose();
  }
});
