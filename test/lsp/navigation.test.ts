// Navigation over person ids (definition, references, rename, highlights) and the document-wide features
// (outline, folding, inlay hints), on the clean Northwind plan.

import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import type {
  DocumentHighlight, DocumentSymbol, FoldingRange, InlayHint, Location, Range, WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { analyze } from '../../server/src/engine/analyze';
import { fixture, LspPair, positionOf } from './lspPair';

const URI = 'file:///plans/northwind.crmteam.yaml';

async function withNorthwind(t: TestContext, settings?: unknown): Promise<LspPair> {
  const pair = await LspPair.start(settings !== undefined ? { settings } : {});
  t.after(() => pair.dispose());
  await pair.open(URI, fixture('northwind.crmteam.yaml'));
  return pair;
}

const at = (pair: LspPair, needle: string, n = 0, delta = 1) => ({ textDocument: { uri: URI }, position: positionOf(pair.text(URI), needle, n, delta) });
const count = (text: string, word: string) => text.split(new RegExp(`\\b${word.replace('.', '\\.')}\\b`)).length - 1;
const lineOf = (text: string, needle: string) => positionOf(text, needle).line;

test('definition: from a reference, or from the id itself, to the id under `people`', async (t) => {
  const pair = await withNorthwind(t);
  const expected = { uri: URI, range: { start: positionOf(pair.text(URI), 'msmith:'), end: positionOf(pair.text(URI), 'msmith:', 0, 6) } };
  assert.deepEqual(await pair.request<Location>('textDocument/definition', at(pair, 'champion: msmith', 0, 12)), expected);
  assert.deepEqual(await pair.request<Location>('textDocument/definition', at(pair, 'participants: [jdoe, akim]', 0, 22)),
    { uri: URI, range: { start: positionOf(pair.text(URI), 'akim:'), end: positionOf(pair.text(URI), 'akim:', 0, 4) } });
  assert.deepEqual(await pair.request<Location>('textDocument/definition', at(pair, 'msmith:')), expected);
  assert.equal(await pair.request('textDocument/definition', at(pair, 'companySize')), null);
});

test('references: every use of the id, with the declaration when asked', async (t) => {
  const pair = await withNorthwind(t);
  const params = (includeDeclaration: boolean) => ({ ...at(pair, 'supportTeam: [tnguyen', 0, 16), context: { includeDeclaration } });
  const occurrences = count(pair.text(URI), 'tnguyen');
  const withDeclaration = await pair.request<Location[]>('textDocument/references', params(true));
  const without = await pair.request<Location[]>('textDocument/references', params(false));
  assert.equal(withDeclaration.length, occurrences);
  assert.equal(without.length, occurrences - 1);
  assert.deepEqual(withDeclaration[0]!.range.start, positionOf(pair.text(URI), 'tnguyen:'));
  assert.ok(without.every((l) => l.uri === URI && l.range.start.line > lineOf(pair.text(URI), 'roles:')));
});

test('document highlights: the definition is written, the references read', async (t) => {
  const pair = await withNorthwind(t);
  const highlights = await pair.request<DocumentHighlight[]>('textDocument/documentHighlight', at(pair, 'lead: plee', 0, 7));
  assert.equal(highlights.length, count(pair.text(URI), 'plee'));
  assert.deepEqual(highlights.filter((h) => h.kind === 3).map((h) => h.range.start), [positionOf(pair.text(URI), 'plee:')]);
  assert.ok(highlights.filter((h) => h.kind !== 3).every((h) => h.kind === 2));
  assert.deepEqual(await pair.request('textDocument/documentHighlight', at(pair, 'name: Northwind')), []);
});

test('rename: prepare on an id, rename the key and every reference; the plan stays consistent', async (t) => {
  const pair = await withNorthwind(t);
  const prepared = await pair.request<{ range: Range; placeholder: string }>('textDocument/prepareRename', at(pair, 'itOwner:\n    person: jdoe', 0, 22));
  assert.equal(prepared.placeholder, 'jdoe');
  const jdoeCount = count(pair.text(URI), 'jdoe');
  const edit = await pair.request<WorkspaceEdit>('textDocument/rename', { ...at(pair, 'person: jdoe', 0, 9), newName: 'john.doe' });
  await pair.apply(URI, edit);
  const text = pair.text(URI);
  assert.equal(count(text, 'jdoe'), 0);
  assert.equal(count(text, 'john.doe'), jdoeCount);
  assert.ok(!analyze(text).findings.some((f) => f.ruleId === 'unknown-person' || f.ruleId === 'schema'));
});

test('rename: an id YAML would read as another type is quoted', async (t) => {
  const pair = await withNorthwind(t);
  const edit = await pair.request<WorkspaceEdit>('textDocument/rename', { ...at(pair, 'kpark:'), newName: 'null' });
  await pair.apply(URI, edit);
  const text = pair.text(URI);
  assert.match(text, /\n {2}"null":\n/);
  assert.match(text, /projectManager: "null"\n/);
  const analysis = analyze(text);
  assert.ok(analysis.plan.people.has('null'));
  assert.ok(!analysis.findings.some((f) => f.ruleId === 'unknown-person'));
});

test('rename refuses an invalid id and an id that is taken, with a clear message; prepare refuses a non-id', async (t) => {
  const pair = await withNorthwind(t);
  await assert.rejects(pair.request('textDocument/rename', { ...at(pair, 'kpark:'), newName: 'Kim Park' }), (error: { code: number; message: string }) => {
    assert.equal(error.code, -32803);
    assert.match(error.message, /'Kim Park' is not a valid person id/);
    return true;
  });
  await assert.rejects(pair.request('textDocument/rename', { ...at(pair, 'kpark:'), newName: 'x'.repeat(65) }), /not a valid person id/);
  await assert.rejects(pair.request('textDocument/rename', { ...at(pair, 'kpark:'), newName: 'msmith' }), (error: { message: string }) => {
    assert.match(error.message, /'msmith' is already defined under people/);
    return true;
  });
  await assert.rejects(pair.request('textDocument/prepareRename', at(pair, 'companySize')), /Only person ids can be renamed/);
});

test('document symbols: a hierarchical outline with names, holders, organizations and owners as details', async (t) => {
  const pair = await withNorthwind(t);
  const symbols = await pair.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: URI } });
  assert.deepEqual(symbols.map((s) => s.name), ['crmteam', 'project', 'people', 'roles', 'partners', 'activities']);
  const find = (parent: string, name: string) => symbols.find((s) => s.name === parent)?.children?.find((c) => c.name === name);
  assert.equal(symbols.find((s) => s.name === 'project')?.detail, 'Northwind CRM rollout');
  assert.equal(find('people', 'msmith')?.detail, 'Maria Smith');
  assert.equal(find('roles', 'itOwner')?.detail, 'John Doe');
  assert.equal(find('roles', 'superUsers')?.detail, 'Alex Kim, Rosa Lopez');
  assert.equal(find('roles', 'technicalStaff')?.children?.find((c) => c.name === 'uiDesign')?.detail, 'Louis Martin');
  assert.equal(find('partners', 'integrator')?.detail, 'Contoso Integrators');
  assert.equal(find('activities', 'toolSelection')?.detail, 'Maria Smith');
  assert.equal(symbols.find((s) => s.name === 'activities')?.children?.length, 15);
  const people = symbols.find((s) => s.name === 'people')!;
  assert.equal(people.range.start.line, lineOf(pair.text(URI), 'people:'));
  assert.equal(people.range.end.line, lineOf(pair.text(URI), 'roles:') - 2, 'ends with the last person, not the blank line');
  const inside = (inner: Range, outer: Range) => (inner.start.line > outer.start.line || (inner.start.line === outer.start.line && inner.start.character >= outer.start.character))
    && (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character));
  const check = (list: DocumentSymbol[], parent?: DocumentSymbol) => {
    for (const s of list) {
      assert.ok(inside(s.selectionRange, s.range), `${s.name}: selection inside range`);
      if (parent) assert.ok(inside(s.range, parent.range), `${s.name} inside ${parent.name}`);
      check(s.children ?? [], s);
    }
  };
  check(symbols);
});

test('document symbols for a client without hierarchy support are a flat list with containers', async () => {
  const pair = await LspPair.start({ capabilities: { workspace: { configuration: true }, textDocument: { diagnostic: {} } } });
  try {
    await pair.open(URI, fixture('northwind.crmteam.yaml'));
    const symbols = await pair.request<Array<{ name: string; containerName?: string; location: Location }>>('textDocument/documentSymbol', { textDocument: { uri: URI } });
    assert.ok(symbols.some((s) => s.name === 'msmith' && s.containerName === 'people' && s.location.uri === URI));
  } finally {
    await pair.dispose();
  }
});

test('folding ranges: every multi-line mapping and sequence from its key, and comment blocks', async (t) => {
  const pair = await withNorthwind(t);
  const text = pair.text(URI);
  const ranges = await pair.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: URI } });
  const byStart = new Map(ranges.map((r) => [r.startLine, r]));
  assert.deepEqual(byStart.get(0), { startLine: 0, endLine: 1, kind: 'comment' });
  assert.deepEqual(byStart.get(lineOf(text, 'people:')), { startLine: lineOf(text, 'people:'), endLine: lineOf(text, 'roles:') - 2 });
  assert.deepEqual(byStart.get(lineOf(text, '  msmith:')), { startLine: lineOf(text, '  msmith:'), endLine: lineOf(text, 'email: maria') });
  assert.deepEqual(byStart.get(lineOf(text, '    - person: msmith')), { startLine: lineOf(text, '    - person: msmith'), endLine: lineOf(text, 'allocation: 30%') });
  assert.equal(byStart.get(lineOf(text, 'activities:'))?.endLine, lineOf(text, 'vision:'));
  assert.equal(byStart.get(lineOf(text, '  requirements:')), undefined, 'one-line flow mappings do not fold');
  assert.ok(ranges.every((r) => r.endLine > r.startLine));
});

test('inlay hints: the person\'s name after each reference in the range', async (t) => {
  const pair = await withNorthwind(t);
  const text = pair.text(URI);
  const roles = lineOf(text, 'roles:');
  const hints = await pair.request<InlayHint[]>('textDocument/inlayHint', {
    textDocument: { uri: URI },
    range: { start: { line: roles, character: 0 }, end: { line: lineOf(text, 'partners:'), character: 0 } },
  });
  assert.deepEqual(hints[0], {
    position: positionOf(text, 'executiveSponsor: ceo', 0, 'executiveSponsor: ceo'.length),
    label: 'Helen Ortiz',
    paddingLeft: true,
    tooltip: 'Chief Executive Officer',
  });
  assert.ok(hints.every((h) => h.position.line > roles && h.position.line < lineOf(text, 'partners:')));
  assert.ok(hints.some((h) => h.label === 'Thanh Nguyen'));
});

test('inlay hints are off when `crmteam.inlayHints.enabled` is false', async (t) => {
  const pair = await withNorthwind(t, { inlayHints: { enabled: false } });
  const hints = await pair.request<InlayHint[]>('textDocument/inlayHint', {
    textDocument: { uri: URI },
    range: { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } },
  });
  assert.deepEqual(hints, []);
});
