// The many-plans engine (README, "Many plans"): roster people in plans, `people` optional under a roster, severity
// precedence, scopes, ignore globs and the suppression of cross-plan findings.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import type { Level } from '../../server/src/core/finding';
import { analyzeConfig } from '../../server/src/scope/config';
import { analyzeRoster } from '../../server/src/scope/roster';
import { checkFolder } from '../../server/src/scope/folder';

const ROSTER = 'crmteam-roster: 1\npeople:\n  jdoe: { name: John Doe, department: it }\n  msmith: { name: Maria Smith, department: sales }\n';
const PLAN = 'crmteam: 1\nproject:\n  name: Demo\nroles:\n  itOwner: { person: jdoe, allocation: 60% }\n  businessOwners: [msmith]\n';
const ids = (findings: readonly { ruleId: string }[]) => findings.map((f) => f.ruleId);

test('roster people count as defined, and `people` may be left out under a roster', () => {
  const roster = analyzeRoster(ROSTER);
  const covered = analyze(PLAN, { roster });
  assert.deepEqual(ids(covered.findings).filter((id) => id === 'unknown-person' || id === 'schema'), []);
  assert.equal(covered.plan.person('jdoe')?.name, 'John Doe');
  const alone = analyze(PLAN);
  assert.ok(ids(alone.findings).includes('schema'), 'without a roster `people` is required');
  assert.ok(ids(alone.findings).includes('unknown-person'));
});

test('unknown-person under a roster says where it looked and suggests roster ids', () => {
  const analysis = analyze(PLAN.replace('[msmith]', '[msmiht]'), { roster: analyzeRoster(ROSTER) });
  const finding = analysis.findings.find((f) => f.ruleId === 'unknown-person');
  assert.match(finding!.message, /nor in the roster.*Did you mean `msmith`/);
});

test('severity precedence: overrides > configuration > default', () => {
  const { config } = analyzeConfig('crmteam-config: 1\nrules:\n  unused-person: error\n  it-owner-full-time: off\n');
  const plan = 'crmteam: 1\nproject:\n  name: Demo\n  delivery: in-house\npeople:\n  jdoe: { name: John Doe, department: it }\n  idle: { name: Idle Person }\nroles:\n  itOwner: { person: jdoe, allocation: 50% }\n';
  const severity = (levels?: Map<string, Level>) => {
    const a = analyze(plan, { config, ...(levels ? { levels } : {}) });
    return [a.findings.find((f) => f.ruleId === 'unused-person')?.severity, a.findings.some((f) => f.ruleId === 'it-owner-full-time')];
  };
  assert.deepEqual(analyze(plan).findings.find((f) => f.ruleId === 'unused-person')?.severity, 'hint');
  assert.deepEqual(severity(), ['error', false]);
  assert.deepEqual(severity(new Map<string, Level>([['unused-person', 'info'], ['it-owner-full-time', 'warning']])), ['info', true]);
});

test('plans without a configuration above them are scopes of their own: no cross-plan rule runs', () => {
  const plan = (pct: string) => `crmteam: 1\nproject:\n  name: Demo\npeople:\n  jdoe: { name: John Doe, department: it }\nroles:\n  itOwner: { person: jdoe, allocation: ${pct} }\n`;
  const without = checkFolder(new Map([['a.crmteam.yaml', plan('60%')], ['b.crmteam.yaml', plan('60%')]]));
  assert.ok(![...without.findings.values()].flat().some((f) => f.ruleId === 'over-allocated-across-plans'));
  const withConfig = checkFolder(new Map([['crmteam.config.yaml', 'crmteam-config: 1\n'], ['a.crmteam.yaml', plan('60%')], ['b.crmteam.yaml', plan('60%')]]));
  assert.equal([...withConfig.findings.values()].flat().filter((f) => f.ruleId === 'over-allocated-across-plans').length, 2);
});

test('ignore globs leave plans out of the scope; an unreadable configuration means the defaults', () => {
  const plan = 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  jdoe: { name: John Doe, department: it }\nroles:\n  itOwner: { person: jdoe, allocation: 60% }\n';
  const files = new Map([
    ['crmteam.config.yaml', 'crmteam-config: 1\nignore: [archive/**]\n'],
    ['a.crmteam.yaml', plan],
    ['archive/b.crmteam.yaml', plan],
  ]);
  const result = checkFolder(files);
  assert.ok(!result.findings.has('archive/b.crmteam.yaml'));
  assert.ok(!result.findings.get('a.crmteam.yaml')!.some((f) => f.ruleId === 'over-allocated-across-plans'));

  const broken = analyzeConfig('crmteam-config: 1\nrules: [unclosed\n');
  assert.ok(broken.findings.length > 0 && broken.findings.every((f) => f.ruleId === 'config' && f.severity === 'error'));
  assert.equal(broken.config.rules.size, 0);
  assert.equal(broken.config.capacity, 100);
});

test('a suppression of a cross-plan rule is settled by the cross-plan pass: used, or reported unused', () => {
  const plan = (pct: string, comment = '') => `crmteam: 1\nproject:\n  name: Demo\nroles:\n  ${comment}itOwner: { person: jdoe, allocation: ${pct} }\n`;
  const files = (a: string, b: string) => new Map([
    ['crmteam.config.yaml', 'crmteam-config: 1\nroster: people.yaml\n'],
    ['people.yaml', ROSTER],
    ['a.crmteam.yaml', a],
    ['b.crmteam.yaml', b],
  ]);
  const suppress = '# crmteam-disable-next-line over-allocated-across-plans -- until June\n  ';
  const used = checkFolder(files(plan('60%', suppress), plan('60%')));
  assert.deepEqual(ids(used.findings.get('a.crmteam.yaml')!).filter((id) => id.includes('suppression') || id.includes('across')), []);
  assert.deepEqual(ids(used.findings.get('b.crmteam.yaml')!).filter((id) => id.includes('across')), ['over-allocated-across-plans']);
  const unused = checkFolder(files(plan('30%', suppress), plan('60%')));
  const finding = unused.findings.get('a.crmteam.yaml')!.find((f) => f.ruleId === 'unused-suppression');
  assert.match(finding!.message, /over-allocated-across-plans/);
  assert.equal(finding!.fixes.length, 1);
});

test('a person shared by many plans: the message counts every plan and names the largest; at most 5 related places, the largest', () => {
  const files = new Map([['crmteam.config.yaml', 'crmteam-config: 1\nroster: people.yaml\n'], ['people.yaml', ROSTER]]);
  // 30 plans: jdoe at 10% in each, except 40% in p07 and 20% in p12 to p22.
  for (let i = 0; i < 30; i++) {
    const pct = i === 7 ? 40 : i >= 12 && i <= 22 ? 20 : 10;
    files.set(`p${String(i).padStart(2, '0')}.crmteam.yaml`, PLAN.replace('60%', `${pct}%`));
  }
  const finding = checkFolder(files).findings.get('p00.crmteam.yaml')!.find((f) => f.ruleId === 'over-allocated-across-plans')!;
  assert.match(finding.message, /allocated 440% in total across 30 plans .*\(40% in p07\.crmteam\.yaml, 20% in p12\.crmteam\.yaml, 20% in p13\.crmteam\.yaml, 20% in p14\.crmteam\.yaml, 20% in p15\.crmteam\.yaml, and 25 more plans\)/);
  assert.equal(finding.related.length, 5);
  // The largest of the others, in their order in the scope: the plans the message names.
  assert.deepEqual(finding.related.map((r) => r.file), ['p07', 'p12', 'p13', 'p14', 'p15'].map((p) => `${p}.crmteam.yaml`));
  const relatedOf = (file: string) => checkFolder(files).findings.get(file)!.find((f) => f.ruleId === 'over-allocated-across-plans')!.related.map((r) => r.file);
  assert.deepEqual(relatedOf('p12.crmteam.yaml'), ['p07', 'p13', 'p14', 'p15', 'p16'].map((p) => `${p}.crmteam.yaml`));
  // A small scope names every plan and points at every other one.
  const small = new Map([...files].filter(([name]) => !/^p(0[3-9]|[12]\d)/.test(name)));
  const few = checkFolder(small).findings.get('p00.crmteam.yaml')!.find((f) => f.ruleId === 'over-allocated-across-plans');
  assert.equal(few, undefined, '30% in three plans is within capacity');
  const three = new Map([...small].map(([name, text]) => [name, text.replace(/allocation: \d+%/, 'allocation: 40%')]));
  const shown = checkFolder(three).findings.get('p00.crmteam.yaml')!.find((f) => f.ruleId === 'over-allocated-across-plans')!;
  assert.match(shown.message, /\(40% in p00\.crmteam\.yaml, 40% in p01\.crmteam\.yaml, 40% in p02\.crmteam\.yaml\)/);
  assert.equal(shown.related.length, 2);
});
