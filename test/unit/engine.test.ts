// The engine's own behaviour: suppressions, severity overrides, one finding per mistake, duplicates, CRLF.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { applyFixes } from '../../server/src/core/applyFixes';
import type { Level } from '../../server/src/core/finding';

const BASE = `crmteam: 1
project:
  name: Demo
people:
  msmith: { name: Maria Smith, department: sales }
  jdoe: { name: John Doe, department: it }
roles:
  businessOwners: [msmith]
  champion: msmith
  itOwner: jdoe
`;

const ids = (text: string, levels?: Map<string, Level>) => analyze(text, levels ? { levels } : {}).findings.map((f) => f.ruleId);

test('a misspelt role key gives one schema finding, not also a missing-role finding', () => {
  const found = ids(BASE.replace('  itOwner: jdoe', '  itowner: jdoe').replace('  champion: msmith', '  champoin: msmith'));
  assert.equal(found.filter((id) => id === 'schema').length, 2);
  assert.ok(!found.includes('it-owner-required'));
  assert.ok(!found.includes('champion-required'));
});

test('next-line and file suppressions silence exactly what they name; unused ones are reported once per id', () => {
  const text = BASE.replace('  itOwner: jdoe', '  # crmteam-disable-next-line it-owner-required\n  # crmteam-disable-next-line schema, unknown-person -- typo kept on purpose\n  itOwner: jdeo');
  const found = analyze(text).findings;
  assert.deepEqual(found.filter((f) => f.ruleId === 'unknown-person'), []);
  const unused = found.filter((f) => f.ruleId === 'unused-suppression');
  assert.equal(unused.length, 2, 'it-owner-required and schema silenced nothing');
  assert.ok(unused.every((f) => text.slice(f.range.start, f.range.end).startsWith('# crmteam-disable-next-line')));
  const fileWide = analyze(`# crmteam-disable unknown-person -- migration in progress\n${BASE.replace('itOwner: jdoe', 'itOwner: nobody')}`).findings;
  assert.ok(!fileWide.some((f) => f.ruleId === 'unknown-person' || f.ruleId === 'unused-suppression'));
});

test('a suppression inside a block scalar is text, not a comment', () => {
  const text = BASE.replace('  name: Demo', '  name: |\n    # crmteam-disable unused-person\n    Demo');
  assert.ok(!ids(text).includes('unused-suppression'));
});

test('severity overrides change the level, and off removes the rule (its suppressions are not "unused")', () => {
  const text = BASE.replace('  champion: msmith\n', '');
  const findings = analyze(text, { levels: new Map<string, Level>([['champion-required', 'error']]) }).findings;
  assert.equal(findings.find((f) => f.ruleId === 'champion-required')?.severity, 'error');
  const off = `# crmteam-disable champion-required -- off anyway\n${text}`;
  const found = ids(off, new Map<string, Level>([['champion-required', 'off']]));
  assert.ok(!found.includes('champion-required') && !found.includes('unused-suppression'));
});

test('with duplicate keys the rules see the last value, and the duplicate is a yaml-syntax finding', () => {
  const analysis = analyze(BASE.replace('  itOwner: jdoe', '  itOwner: msmith\n  itOwner: jdoe'));
  assert.equal(analysis.plan.itOwnerId, 'jdoe');
  assert.equal(analysis.findings.filter((f) => f.ruleId === 'yaml-syntax').length, 1);
});

test('ranges stay right with CRLF line endings', () => {
  const lf = BASE.replace('itOwner: jdoe', 'itOwner: jdeo');
  const crlf = lf.replace(/\n/g, '\r\n');
  const a = analyze(lf);
  const b = analyze(crlf);
  const pos = (x: typeof a, ruleId: string) => {
    const f = x.findings.find((g) => g.ruleId === ruleId)!;
    return [x.model.linePos(f.range.start), x.model.linePos(f.range.end)];
  };
  assert.deepEqual(pos(b, 'unknown-person'), pos(a, 'unknown-person'));
  const f = b.findings.find((g) => g.ruleId === 'unknown-person')!;
  assert.equal(crlf.slice(f.range.start, f.range.end), 'jdeo');
});

test('person ids that are JavaScript property names behave like any other id', () => {
  const baseline = ids(BASE);
  for (const id of ['constructor', 'hasownproperty', 'valueof', 'tostring']) {
    assert.deepEqual(ids(BASE.replace(/jdoe/g, id)), baseline, id);
  }
  const proto = ids(BASE.replace(/jdoe/g, '__proto__'));
  assert.deepEqual(proto.filter((id) => id === 'schema').length, 1, 'the invalid id is reported once');
  assert.deepEqual(proto.filter((id) => id !== 'schema'), baseline, 'and otherwise counts as a defined person');
});

test('an empty or unreadable itOwner counts as absent, and the fix fills in the key instead of adding a second one', () => {
  for (const value of ['', ' 42', ' [jdoe]', '   # to be decided']) {
    const text = BASE.replace('  itOwner: jdoe', `  itOwner:${value}`);
    const finding = analyze(text).findings.find((f) => f.ruleId === 'it-owner-required');
    assert.ok(finding, `itOwner:${value} fires it-owner-required`);
    const fix = finding.fixes.find((f) => f.title.includes('jdoe'))!;
    const after = applyFixes(text, [fix]);
    assert.equal(after.match(/itOwner:/g)?.length, 1, after);
    assert.equal(analyze(after).plan.itOwnerId, 'jdoe', after);
    if (value.includes('#')) assert.match(after, /itOwner: jdoe {3}# to be decided/);
  }
});

test('a misspelt activity or section gives the schema finding only, and no fix writes a second copy', () => {
  const plan = `${BASE}activities:\n  ongoingSuport: { owner: jdoe }\n`;
  const found = analyze(plan).findings;
  assert.ok(!found.some((f) => f.ruleId === 'support-plan-required'), found.map((f) => f.ruleId).join(', '));
  const typoSection = BASE.replace('roles:', 'Roles:');
  const ids = analyze(typoSection).findings.map((f) => f.ruleId);
  assert.ok(!ids.some((id) => ['it-owner-required', 'business-owner-required', 'champion-required', 'unused-person'].includes(id)), ids.join(', '));
});

test('an empty file, or one with only comments, gets the one finding that says how to start', () => {
  for (const text of ['', '# plan for the CRM project\n']) {
    const found = analyze(text).findings;
    assert.deepEqual(found.map((f) => f.ruleId), ['schema'], JSON.stringify(found.map((f) => f.message)));
    assert.match(found[0]!.message, /`crmteam: 1`/);
  }
});
