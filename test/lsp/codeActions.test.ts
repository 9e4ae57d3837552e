// Code actions over the protocol: quick fixes from the cached analysis (by `data`, or by code and range), the
// "Ignore <rule> on this line" action, and `source.fixAll.crmteam`. Each edit is applied and the file checked again.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { analyze } from '../../server/src/engine/analyze';
import { comments } from '../harness/check';
import { editsFor, fixture, LspPair, PUSH_CAPABILITIES } from './lspPair';

const URI = 'file:///plans/demo.crmteam.yaml';

function codeActions(pair: LspPair, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return pair.request('textDocument/codeAction', {
    textDocument: { uri: URI },
    range,
    context: { diagnostics, ...(only ? { only } : {}), triggerKind: 1 },
  });
}

test('the missing IT owner gets one quick fix per candidate; the preferred one names the IT person and fixes it', async () => {
  const pair = await LspPair.start();
  try {
    await pair.open(URI, fixture('no-it-owner.crmteam.yaml'));
    const items = await pair.pullItems(URI);
    const missing = items.find((d) => d.code === 'it-owner-required');
    assert.ok(missing);
    const actions = await codeActions(pair, [missing]);
    const quickFixes = actions.filter((a) => a.kind === 'quickfix');
    assert.deepEqual(quickFixes.map((a) => a.title.split(':')[0]), [
      'Make John Doe (jdoe) the IT owner',
      'Add a new person `it-owner` as IT owner (fill in the name)',
      'Ignore it-owner-required on this line',
    ]);
    const preferred = quickFixes.filter((a) => a.isPreferred);
    assert.equal(preferred.length, 1);
    assert.deepEqual(preferred[0]!.diagnostics, [missing]);
    // A versioned edit: the editor refuses it if the document moved on.
    const change = preferred[0]!.edit?.documentChanges?.[0];
    assert.ok(change && 'textDocument' in change);
    assert.deepEqual(change.textDocument, { uri: URI, version: 1 });

    const before = pair.text(URI);
    await pair.apply(URI, preferred[0]!.edit);
    assert.match(pair.text(URI), /\n {2}itOwner: jdoe\n/);
    assert.deepEqual(comments(pair.text(URI)), comments(before), 'comments are kept');
    const after = await pair.pullItems(URI);
    assert.ok(!after.some((d) => d.code === 'it-owner-required'), 'the finding is gone');
  } finally {
    await pair.dispose();
  }
});

test('"Ignore <rule> on this line" inserts a suppression above, indented like the line; the file still parses', async () => {
  const pair = await LspPair.start();
  try {
    await pair.open(URI, fixture('selection-without-it.crmteam.yaml'));
    const items = await pair.pullItems(URI);
    const selection = items.find((d) => d.code === 'selection-includes-it');
    assert.ok(selection);
    const ignore = (await codeActions(pair, [selection])).find((a) => a.title === 'Ignore selection-includes-it on this line');
    assert.ok(ignore);
    assert.equal(ignore.isPreferred, undefined);
    await pair.apply(URI, ignore.edit);
    const text = pair.text(URI);
    assert.match(text, /\n {2}# crmteam-disable-next-line selection-includes-it -- reason\n {2}toolSelection: /);
    const analysis = analyze(text);
    assert.ok(!analysis.findings.some((f) => f.ruleId === 'yaml-syntax' || f.ruleId === 'schema'), 'still a valid plan');
    assert.ok(!analysis.findings.some((f) => f.ruleId === 'selection-includes-it' || f.ruleId === 'unused-suppression'), 'silenced, and the comment is used');

    const after = await pair.pullItems(URI);
    assert.ok(!after.some((d) => d.code === 'selection-includes-it'));
  } finally {
    await pair.dispose();
  }
});

test('a second ignored rule on the same line is added to the existing comment', async () => {
  const pair = await LspPair.start();
  try {
    const text = fixture('no-it-owner.crmteam.yaml');
    await pair.open(URI, text);
    const items = await pair.pullItems(URI);
    const onRoles = items.filter((d) => d.range.start.line === items.find((i) => i.code === 'it-owner-required')!.range.start.line);
    const [first, second] = [onRoles.find((d) => d.code === 'it-owner-required')!, onRoles.find((d) => d.code === 'technical-staff-coverage')];
    assert.ok(second, 'technical staff coverage is also reported at `roles`');
    const ignoreFirst = (await codeActions(pair, [first])).find((a) => a.title.startsWith('Ignore'));
    await pair.apply(URI, ignoreFirst!.edit);
    const again = await pair.pullItems(URI);
    const coverage = again.find((d) => d.code === 'technical-staff-coverage')!;
    const ignoreSecond = (await codeActions(pair, [coverage])).find((a) => a.title.startsWith('Ignore'));
    await pair.apply(URI, ignoreSecond!.edit);
    assert.match(pair.text(URI), /\n# crmteam-disable-next-line it-owner-required, technical-staff-coverage -- reason\nroles:\n/);
  } finally {
    await pair.dispose();
  }
});

test('source.fixAll.crmteam applies every safe fix at once, keeping comments; it answers `source` and `source.fixAll` too', async () => {
  const pair = await LspPair.start();
  try {
    await pair.open(URI, fixture('selection-without-it.crmteam.yaml'));
    const before = pair.text(URI);
    for (const only of [['source'], ['source.fixAll'], ['source.fixAll.crmteam']]) {
      const actions = await codeActions(pair, [], only);
      assert.deepEqual(actions.map((a) => a.kind), ['source.fixAll.crmteam'], only.join());
    }
    assert.deepEqual((await codeActions(pair, [], ['quickfix'])).filter((a) => a.kind !== 'quickfix'), []);
    const [fixAll] = await codeActions(pair, [], ['source.fixAll']);
    await pair.apply(URI, fixAll!.edit);
    const text = pair.text(URI);
    assert.match(text, /toolSelection: \{ owner: msmith, participants: \[jdoe\] \} {3}# keep this comment/);
    // Its siblings are one-line flow mappings, so the new activity is written the same way.
    assert.match(text, /\n {2}ongoingSupport: \{ owner: jdoe \}\n/);
    assert.deepEqual(comments(text), comments(before));
    const analysis = analyze(text);
    assert.ok(analysis.findings.every((f) => f.fixes.every((fix) => fix.safety !== 'safe')), 'no safe fix is left');
    assert.deepEqual(await codeActions(pair, [], ['source.fixAll']), [], 'nothing left to fix');
  } finally {
    await pair.dispose();
  }
});

test('a diagnostic without data is matched by code and range; one from an older version gets nothing', async () => {
  const pair = await LspPair.start();
  try {
    await pair.open(URI, fixture('selection-without-it.crmteam.yaml'));
    const selection = (await pair.pullItems(URI)).find((d) => d.code === 'selection-includes-it')!;
    const { data: _data, ...withoutData } = selection;
    const matched = await codeActions(pair, [withoutData], ['quickfix']);
    assert.ok(matched.some((a) => a.title.startsWith('Add John Doe (jdoe) to the participants')));

    const stale = { ...selection, data: { version: 0, index: (selection.data as { index: number }).index } };
    assert.deepEqual(await codeActions(pair, [stale], ['quickfix']), []);
    const foreign = { ...withoutData, source: 'another-linter' };
    assert.deepEqual(await codeActions(pair, [foreign], ['quickfix']), []);
  } finally {
    await pair.dispose();
  }
});

test('a client without versioned edits gets `changes`', async () => {
  const capabilities = { ...PUSH_CAPABILITIES, workspace: { configuration: true } };
  const pair = await LspPair.start({ capabilities });
  try {
    await pair.open(URI, fixture('selection-without-it.crmteam.yaml'));
    const published = await pair.publishedFor(URI, 1);
    const selection = published.diagnostics.find((d) => d.code === 'selection-includes-it')!;
    const [fix] = await codeActions(pair, [selection], ['quickfix']);
    assert.ok(fix?.edit?.changes?.[URI]);
    assert.equal(fix.edit.documentChanges, undefined);
    assert.equal(editsFor(URI, fix.edit).length, 1);
  } finally {
    await pair.dispose();
  }
});

test('several findings of one rule on one line share one "Ignore" action', async () => {
  const pair = await LspPair.start();
  try {
    const uri = 'file:///ignore-shared.crmteam.yaml';
    // No technical staff at all: technical-staff-coverage reports each missing function at `roles`.
    await pair.open(uri, 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  jdoe: { name: John Doe, department: it }\nroles:\n  itOwner: jdoe\n');
    const diagnostics = (await pair.pullItems(uri)).filter((d) => d.code === 'technical-staff-coverage');
    assert.ok(diagnostics.length >= 2);
    const actions = await pair.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri }, range: diagnostics[0]!.range, context: { diagnostics, only: ['quickfix'] },
    });
    const ignores = actions.filter((a) => a.title === 'Ignore technical-staff-coverage on this line');
    assert.equal(ignores.length, 1);
    assert.equal(ignores[0]!.diagnostics?.length, diagnostics.length);
  } finally {
    await pair.dispose();
  }
});
