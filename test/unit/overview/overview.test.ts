// The team overview and the governance diff: goldens of every output format on the example plans and on pairs of
// versions written for the purpose, the HTML checked by a real HTML parser (parse5), and the model's facts asserted.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse, parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { analyze } from '../../../server/src/engine/analyze';
import { diffPlans, hasNewFindings } from '../../../server/src/overview/diff';
import { formatDiffJson, formatDiffMarkdown, formatDiffText } from '../../../server/src/overview/diffText';
import { renderOverviewSection, renderReportPage } from '../../../server/src/overview/html';
import { renderOverviewMarkdown } from '../../../server/src/overview/markdown';
import { buildOverview, OVERVIEW_FORMAT, personLoads } from '../../../server/src/overview/model';
import { assertGolden } from '../../harness/golden';
import { repoPath } from '../../harness/repo';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

// In the order `crmteam report examples` finds them.
const EXAMPLES = ['fabrikam-draft', 'northwind'];
const DOCS = (ruleId: string) => `https://crmteam.example/rules/${ruleId}.md`;
const DIFF_CASES = ['role-handed-over', 'owner-removed', 'person-renamed', 'plan-added'];

function overviewOf(name: string) {
  const text = readFileSync(repoPath('examples', `${name}.crmteam.yaml`), 'utf8');
  return buildOverview(analyze(text), { file: `examples/${name}.crmteam.yaml`, docsHref: DOCS });
}

/** Parses with parse5 and fails on any parse error (the HTML standard's list: bad nesting, stray end tags, …). */
function parseStrict(html: string, fragment = false): Node {
  const errors: string[] = [];
  const onParseError = (e: { code: string; startLine: number; startCol: number }) => errors.push(`${e.code} at ${e.startLine}:${e.startCol}`);
  const tree = fragment ? parseFragment(html, { onParseError }) : parse(html, { onParseError });
  assert.deepEqual(errors, [], 'the HTML parses without errors');
  return tree as Node;
}

function elements(node: Node, tag: string): Element[] {
  const found: Element[] = [];
  const visit = (n: Node) => {
    if ('tagName' in n && n.tagName === tag) found.push(n);
    if ('childNodes' in n) n.childNodes.forEach(visit);
    if ('content' in n && n.content) visit(n.content as unknown as Node);
  };
  visit(node);
  return found;
}

const attr = (e: Element, name: string) => e.attrs.find((a) => a.name === name)?.value;
const text = (n: Node): string => ('value' in n && n.nodeName === '#text' ? n.value : 'childNodes' in n ? n.childNodes.map(text).join('') : '');

test('report goldens: HTML, Markdown and JSON for every example plan', () => {
  const overviews = EXAMPLES.map(overviewOf);
  assertGolden(repoPath('test/fixtures/report/examples.html'), renderReportPage(overviews));
  assertGolden(repoPath('test/fixtures/report/examples.md'), renderOverviewMarkdown(overviews));
  assertGolden(repoPath('test/fixtures/report/examples.json'), `${JSON.stringify({ format: OVERVIEW_FORMAT, plans: overviews }, null, 2)}\n`);
});

test('the HTML report is valid HTML: no parse error, a title, real table headers with scope, no remote resource', () => {
  const html = renderReportPage(EXAMPLES.map(overviewOf));
  const doc = parseStrict(html);
  assert.match(html, /^<!DOCTYPE html>/);
  assert.equal(elements(doc, 'title').length, 1);
  assert.equal(attr(elements(doc, 'html')[0]!, 'lang'), 'en');
  // Self-contained: no script, no external stylesheet, image or frame; links only to rule pages.
  for (const tag of ['script', 'link', 'img', 'iframe', 'object']) assert.equal(elements(doc, tag).length, 0, `no <${tag}>`);
  for (const a of elements(doc, 'a')) assert.match(attr(a, 'href') ?? '', /^(#plan-\d+|https:\/\/crmteam\.example\/rules\/[a-z-]+\.md)$/);
  const csp = elements(doc, 'meta').find((m) => attr(m, 'http-equiv') === 'Content-Security-Policy');
  assert.match(attr(csp!, 'content') ?? '', /default-src 'none'/);
  // Every header cell says what it heads.
  const headers = elements(doc, 'th');
  assert.ok(headers.length > 50);
  for (const th of headers) assert.ok(['col', 'row'].includes(attr(th, 'scope') ?? ''), `<th> with scope: ${text(th)}`);
  // The matrix: a column per member, a letter in every filled cell (not colour alone).
  const matrix = elements(doc, 'table').filter((t) => attr(t, 'class') === 'matrix');
  assert.equal(matrix.length, 2);
  const northwind = matrix[1]!;
  const cols = elements(northwind, 'th').filter((th) => attr(th, 'scope') === 'col').map(text);
  assert.ok(cols.includes('Maria Smith (msmith)') && cols.includes('Pat Lee (plee)'), cols.join(', '));
  const marked = elements(northwind, 'td').filter((td) => /\bmark\b/.test(attr(td, 'class') ?? ''));
  assert.ok(marked.length > 20);
  for (const td of marked) assert.match(text(td).trim(), /^[OPL]( [OPL])*$/);
  const testingRow = elements(northwind, 'tr').find((tr) => text(elements(tr, 'th')[0]!) === 'testing')!;
  assert.ok(elements(testingRow, 'td').some((td) => text(td).trim() === 'P L'), 'tnguyen takes part in testing and sets the load-testing criteria');
  // Light and dark, and print.
  assert.match(html, /@media \(prefers-color-scheme: dark\)/);
  assert.match(html, /@media print/);
});

test('the interactive section (the webview) parses as a fragment; every clickable place is a button with a line', () => {
  const section = renderOverviewSection(overviewOf('fabrikam-draft'), { interactive: true });
  const tree = parseStrict(section, true);
  const buttons = elements(tree, 'button');
  assert.ok(buttons.length > 20);
  for (const b of buttons) {
    assert.match(attr(b, 'data-line') ?? '', /^[1-9]\d*$/);
    assert.match(attr(b, 'data-column') ?? '', /^[1-9]\d*$/);
    assert.ok((attr(b, 'aria-label') ?? '').length > 3, 'a button says what it does');
    assert.equal(attr(b, 'type'), 'button');
  }
  for (const a of elements(tree, 'a')) assert.match(attr(a, 'data-rule-href') ?? '', /^https:\/\/crmteam\.example\/rules\//);
  // No inline style or event handler attribute anywhere: the webview's CSP forbids them.
  assert.doesNotMatch(section, /\sstyle=|\son[a-z]+=/i);
});

test('the overview model: cells with places, gaps from the rules, coverage, load and findings by rule', () => {
  const o = overviewOf('fabrikam-draft');
  const selection = o.matrix.activities.find((a) => a.id === 'toolSelection')!;
  assert.deepEqual(selection.cells.map((c) => [c.person, c.marks]), [['partner-lead', ['owner']], ['sales-vp', ['participant']]]);
  assert.deepEqual(selection.cells[0]!.place, { line: 46, column: 27 });
  assert.deepEqual(selection.gaps, [{ kind: 'it', ruleId: 'selection-includes-it' }]);
  assert.deepEqual(selection.sides, { it: false, business: true, external: true });
  assert.ok(selection.findings.every((i) => o.findings.list[i]!.place.line === 46));
  assert.deepEqual(o.matrix.inNoActivity, ['cio']);
  assert.equal(o.coverage.technicalFunctions.find((f) => f.function === 'webDesign')!.required, true);
  assert.deepEqual(o.roles.find((r) => r.role === 'itOwner')!.holders.map((h) => [h.person, h.allocation]), [['cio', 40]]);
  assert.deepEqual(o.load.find((l) => l.person === 'cio'), { person: 'cio', total: 40, capacity: 100, allocations: [{ role: 'IT owner', percent: 40, place: { line: 34, column: 17 } }], unstated: ['champion'] });
  const counts = o.findings.counts;
  assert.equal(counts.error + counts.warning + counts.info + counts.hint, o.findings.list.length);
  assert.equal(o.findings.byRule.reduce((n, r) => n + r.count, 0), o.findings.list.length);
  assert.equal(o.findings.byRule[0]!.severity, 'error');
  // A rule turned off is no gap: the rules stay the judge.
  const quiet = buildOverview(analyze(readFileSync(repoPath('examples/fabrikam-draft.crmteam.yaml'), 'utf8'), { levels: new Map([['selection-includes-it', 'off']]) }));
  assert.deepEqual(quiet.matrix.activities.find((a) => a.id === 'toolSelection')!.gaps, []);
});

test('load across several plans adds each person\'s stated allocations and names the plans', () => {
  const a = analyze('crmteam: 1\nproject: { name: A }\npeople: { jdoe: { name: John Doe } }\nroles:\n  itOwner: { person: jdoe, allocation: 60% }\n');
  const b = analyze('crmteam: 1\nproject: { name: B }\npeople: { jdoe: { name: John Doe } }\nroles:\n  itOwner: { person: jdoe, allocation: 50% }\n  champion: jdoe\n');
  const [load] = personLoads([{ analysis: a, file: 'a.crmteam.yaml' }, { analysis: b, file: 'b.crmteam.yaml' }]);
  assert.equal(load!.total, 110);
  assert.deepEqual(load!.allocations.map((x) => x.file), ['a.crmteam.yaml', 'b.crmteam.yaml']);
  // A role without an allocation in another plan than the first (the one the load is shown in) names its plan.
  assert.deepEqual(load!.unstated, ['champion in b.crmteam.yaml']);
});

test('hostile text in a plan is escaped in HTML and Markdown', () => {
  const plan = 'crmteam: 1\nproject:\n  name: "<script>alert(1)</script> | x"\npeople:\n  a: { name: "<img src=x onerror=alert(1)>|`" }\nroles:\n  itOwner: a\nactivities:\n  requirements: { owner: a }\n';
  const o = buildOverview(analyze(plan));
  const html = renderReportPage([o]);
  parseStrict(html);
  assert.doesNotMatch(html, /<script>|<img/);
  const md = renderOverviewMarkdown([o]);
  assert.doesNotMatch(md, /<script>|<img/);
  assert.match(md, /\\\|/);
});

test('an empty file, a broken file and a list instead of a plan give an overview without crashing', () => {
  for (const text of ['', 'crmteam: 1\nproject: { name: "unclosed\n', '- a\n- b\n', 'activities:\n  testing: { owner: [x], loadTesting: {} }\n']) {
    const o = buildOverview(analyze(text));
    parseStrict(renderReportPage([o]));
    renderOverviewMarkdown([o]);
    renderOverviewSection(o, { interactive: true });
  }
});

for (const name of DIFF_CASES) {
  test(`diff goldens: ${name} (text, Markdown, JSON)`, () => {
    const dir = repoPath('test/fixtures/diff', name);
    const read = (file: string) => (existsSync(`${dir}/${file}`) ? analyze(readFileSync(`${dir}/${file}`, 'utf8')) : undefined);
    const diff = diffPlans(read('base.crmteam.yaml'), read('head.crmteam.yaml'), { file: `${name}.crmteam.yaml`, docsHref: DOCS });
    assertGolden(`${dir}/expected.txt`, formatDiffText([diff]));
    assertGolden(`${dir}/expected.md`, formatDiffMarkdown([diff]));
    assertGolden(`${dir}/expected.json`, formatDiffJson([diff]));
  });
}

test('diff facts: a role handed over, an owner removed, a person renamed, a plan added', () => {
  const load = (name: string, file: string) => {
    const path = repoPath('test/fixtures/diff', name, file);
    return existsSync(path) ? analyze(readFileSync(path, 'utf8')) : undefined;
  };
  const pair = (name: string) => diffPlans(load(name, 'base.crmteam.yaml'), load(name, 'head.crmteam.yaml'), { file: name });

  const handed = pair('role-handed-over');
  const itOwner = handed.roles.find((r) => r.role === 'itOwner')!;
  assert.deepEqual([itOwner.lost.map((h) => h.person.id), itOwner.gained.map((h) => [h.person.id, h.allocation])], [['jdoe'], [['kpark', 80]]]);
  assert.deepEqual(handed.roles.find((r) => r.role === 'businessOwners')!.allocationChanged, [{ person: { id: 'msmith', name: 'Maria Smith' }, from: 20, to: 30 }]);
  const support = handed.activities.find((a) => a.activity === 'ongoingSupport')!;
  assert.deepEqual([support.owner?.from?.id, support.owner?.to?.id, support.participantsRemoved], ['jdoe', 'kpark', []]);

  const removed = pair('owner-removed');
  const selection = removed.activities.find((a) => a.activity === 'toolSelection')!;
  assert.deepEqual(selection.newlyLacks, ['owner', 'business']);
  assert.deepEqual(removed.findings.introduced.map((f) => f.ruleId).sort(), ['it-owner-required', 'schema']);
  assert.equal(hasNewFindings([removed], 'error'), true);
  assert.equal(hasNewFindings([handed], 'warning'), false, 'a new hint fails nothing');

  // A renamed id is one person, not every role lost and gained; findings anchored under the id still match.
  const renamed = pair('person-renamed');
  assert.deepEqual(renamed.people.renamed, [{ from: 'jdoe', to: 'john.doe', name: 'John Doe' }]);
  assert.deepEqual([renamed.people.added, renamed.people.removed, renamed.roles, renamed.activities], [[], [], [], []]);
  assert.deepEqual(renamed.findings, { introduced: [], resolved: [] }, 'a comment added above shifts lines, and findings still match');

  const added = pair('plan-added');
  assert.equal(added.status, 'added');
  assert.deepEqual(added.activities.find((a) => a.activity === 'requirements')!.newlyLacks, ['owner']);
  assert.ok(added.findings.introduced.length > 0);
  assert.equal(diffPlans(load('plan-added', 'head.crmteam.yaml'), undefined, { file: 'x' }).status, 'removed');
  const same = load('role-handed-over', 'base.crmteam.yaml');
  assert.equal(diffPlans(same, same, { file: 'x' }).status, 'unchanged');
});
