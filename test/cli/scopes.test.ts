// `crmteam lint` over folders with and without crmteam.config.yaml (README, "Many plans"): the configuration's rules,
// roster and ignore list, cross-plan findings with related places in other files, the per-scope summary,
// --no-config and --config, and a configuration that cannot be read.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { MAX_RELATED_PLACES } from '../../server/src/rules/rule';
import { repoPath } from '../harness/repo';

const BIN = repoPath('bin/crmteam.js');
const GROUP = 'examples/contoso-group';

function crmteam(args: string[], cwd = repoPath(), env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, GITHUB_ACTIONS: '', NO_COLOR: '1', ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function copyOfGroup(): string {
  const dir = mkdtempSync(join(tmpdir(), 'crmteam-scope-'));
  cpSync(repoPath(GROUP), dir, { recursive: true });
  return dir;
}

test('a folder with a configuration: roster people known, cross-plan findings in both plans, a scope summary', () => {
  const r = crmteam(['lint', GROUP]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(r.stderr, '');
  assert.doesNotMatch(r.stdout, /unknown-person/);
  assert.doesNotMatch(r.stdout, /legacy-crm/, 'archive/** is ignored');
  const cross = r.stdout.match(/over-allocated-across-plans$/gm) ?? [];
  assert.equal(cross.length, 2);
  assert.match(r.stdout, /^examples\/contoso-group\/sales\.crmteam\.yaml$/m);
  assert.match(r.stdout, /^examples\/contoso-group\/service\.crmteam\.yaml$/m);
  assert.match(r.stdout, /^Scope examples\/contoso-group\/crmteam\.config\.yaml: 2 plans, roster examples\/contoso-group\/people\.yaml \(6 people\), 2 cross-plan findings\.$/m);
});

test('checking one plan of a scope still reads its siblings; only the named plan is reported', () => {
  const r = crmteam(['lint', `${GROUP}/sales.crmteam.yaml`]);
  assert.match(r.stdout, /over-allocated-across-plans/);
  assert.doesNotMatch(r.stdout, /^examples\/contoso-group\/service\.crmteam\.yaml$/m);
  assert.match(r.stdout, /1 of 2 plans checked/);
  assert.match(r.stdout, /in 1 plan checked/);
});

test('JSON and SARIF carry related places in the other plans', () => {
  const json = JSON.parse(crmteam(['lint', '--format', 'json', GROUP]).stdout) as { filePath: string; messages: { ruleId: string; related?: { file?: string; line: number }[] }[] }[];
  const sales = json.find((f) => f.filePath.endsWith('sales.crmteam.yaml'))!;
  const finding = sales.messages.find((m) => m.ruleId === 'over-allocated-across-plans')!;
  assert.deepEqual(finding.related!.map((r) => [r.file, r.line]), [["examples/contoso-group/service.crmteam.yaml", 18]]);

  const sarif = JSON.parse(crmteam(['lint', '--format', 'sarif', GROUP]).stdout) as { runs: { results: { ruleId: string; locations: any[]; relatedLocations?: any[] }[] }[] };
  const result = sarif.runs[0]!.results.find((x) => x.ruleId === 'over-allocated-across-plans' && x.locations[0].physicalLocation.artifactLocation.uri.endsWith('sales.crmteam.yaml'))!;
  assert.equal(result.relatedLocations![0].physicalLocation.artifactLocation.uri, 'examples/contoso-group/service.crmteam.yaml');
  assert.equal(result.relatedLocations![0].physicalLocation.region.startLine, 18);
});

test('--no-config checks each plan alone: no roster, no cross-plan rules, the configuration\'s rules not applied', () => {
  const r = crmteam(['lint', '--no-config', GROUP]);
  assert.equal(r.code, 1, 'roster people are unknown without the configuration');
  assert.match(r.stdout, /unknown-person/);
  assert.doesNotMatch(r.stdout, /over-allocated-across-plans|Scope /);
  assert.match(r.stdout, /legacy-crm/, 'nothing is ignored without the configuration');
});

test('--config applies one configuration to the plans named; --rule still wins over it', () => {
  const dir = copyOfGroup();
  mkdirSync(join(dir, 'elsewhere'));
  writeFileSync(join(dir, 'elsewhere', 'strict.yaml'), 'crmteam-config: 1\nroster: ../people.yaml\nrules:\n  over-allocated-across-plans: error\n');
  const withConfig = crmteam(['lint', '--config', 'elsewhere/strict.yaml', 'sales.crmteam.yaml', 'service.crmteam.yaml'], dir);
  assert.equal(withConfig.code, 1, withConfig.stdout);
  assert.match(withConfig.stdout, /error\s+John Doe .* over-allocated-across-plans/);
  const overridden = crmteam(['lint', '--config', 'elsewhere/strict.yaml', '--rule', 'over-allocated-across-plans=info', 'sales.crmteam.yaml', 'service.crmteam.yaml'], dir);
  assert.equal(overridden.code, 0);
  assert.match(overridden.stdout, /info\s+John Doe .* over-allocated-across-plans/);
  assert.equal(crmteam(['lint', '--config', 'missing.yaml', '.'], dir).code, 2);
  assert.equal(crmteam(['lint', '--config', 'x.yaml', '--no-config', '.'], dir).code, 2);
});

test('mistakes in the configuration are findings in it (exit 1); one that cannot be read means the defaults and a note', () => {
  const dir = copyOfGroup();
  writeFileSync(join(dir, 'crmteam.config.yaml'), 'crmteam-config: 1\nroster: people.yaml\nrules:\n  unused-persn: error\n');
  const broken = crmteam(['lint', '.'], dir);
  assert.equal(broken.code, 1);
  assert.match(broken.stdout, /^crmteam\.config\.yaml$/m);
  assert.match(broken.stdout, /4:3\s+error\s+`unused-persn` is not a rule id.*Did you mean `unused-person`\?\s+config$/m);

  const unreadable = copyOfGroup();
  const config = join(unreadable, 'crmteam.config.yaml');
  spawnSync('rm', [config]);
  mkdirSync(config);
  const r = crmteam(['lint', '.'], unreadable);
  assert.match(r.stderr, /Cannot read the configuration .*crmteam\.config\.yaml.*checked with the defaults/);
  assert.match(r.stdout, /unknown-person/, 'without the configuration, no roster');
  assert.equal(r.code, 1);
});

test('a folder without any configuration: every plan alone, as before', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crmteam-noconfig-'));
  const plan = 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  jdoe: { name: John Doe, department: it }\nroles:\n  itOwner: { person: jdoe, allocation: 60% }\n';
  writeFileSync(join(dir, 'a.crmteam.yaml'), plan);
  writeFileSync(join(dir, 'b.crmteam.yaml'), plan);
  const r = crmteam(['lint', '.'], dir);
  assert.doesNotMatch(r.stdout, /over-allocated-across-plans|Scope /);
  assert.match(r.stdout, /in 2 plans checked/);
});

test('many plans on worker threads: every format byte for byte as on one thread, JSON and SARIF as JSON.stringify prints them', () => {
  // Two scopes (the group's plans and 72 more: more than the 64 that start workers), a mistake in one configuration
  // (which also drops its ignore list), plans outside any scope.
  const dir = mkdtempSync(join(tmpdir(), 'crmteam-threads-'));
  const sales = readFileSync(repoPath(GROUP, 'sales.crmteam.yaml'), 'utf8');
  const service = readFileSync(repoPath(GROUP, 'service.crmteam.yaml'), 'utf8');
  for (const [group, count] of [['group-a', 21], ['group-b', 15]] as const) {
    cpSync(repoPath(GROUP), join(dir, group), { recursive: true });
    for (let i = 0; i < count; i++) {
      const n = String(i).padStart(2, '0');
      writeFileSync(join(dir, group, `sales-${n}.crmteam.yaml`), sales.replace('Contoso sales CRM', `Contoso sales CRM ${n}`).replace('allocation: 60%', `allocation: ${10 + i}%`));
      writeFileSync(join(dir, group, `service-${n}.crmteam.yaml`), service);
    }
  }
  writeFileSync(join(dir, 'group-b', 'crmteam.config.yaml'), 'crmteam-config: 1\nroster: people.yaml\nrules:\n  unused-persn: error\n');
  mkdirSync(join(dir, 'loose'));
  cpSync(repoPath('examples/northwind.crmteam.yaml'), join(dir, 'loose', 'northwind.crmteam.yaml'));
  cpSync(repoPath('examples/fabrikam-draft.crmteam.yaml'), join(dir, 'loose', 'fabrikam.crmteam.yaml'));

  for (const format of ['stylish', 'json', 'sarif', 'github']) {
    // One plan of group-a asked for: its 43 siblings are checked for the cross-plan pass, and not reported.
    const runs = [['.'], ...(format === 'json' || format === 'stylish' ? [['group-a/sales-03.crmteam.yaml', 'group-b', 'loose']] : [])];
    for (const paths of runs) {
      const one = crmteam(['lint', '--format', format, '--jobs', '1', ...paths], dir);
      const two = crmteam(['lint', '--format', format, '--jobs', '2', ...paths], dir, { CRMTEAM_TIMING: '1' });
      assert.equal(one.code, 1, one.stderr);
      assert.equal(two.code, one.code, `${format} ${paths.join(' ')}`);
      assert.equal(two.stdout, one.stdout, `${format} ${paths.join(' ')}`);
      assert.match(two.stderr, /timing: \d+ plans; per-file work [\d.]+ ms on 2 threads/);
      if (format === 'json' || format === 'sarif') assert.equal(two.stdout, `${JSON.stringify(JSON.parse(two.stdout), null, 2)}\n`);
    }
  }
  const json = JSON.parse(crmteam(['lint', '--format', 'json', '.'], dir).stdout) as { filePath: string; messages: { ruleId: string; related?: unknown[] }[] }[];
  assert.equal(json.length, 80, '44 plans in group-a, 33 in group-b (with its archive), the loose 2, group-b\'s configuration');
  assert.equal(json[0]!.filePath, 'group-b/crmteam.config.yaml', 'configuration findings first');
  const cross = json.find((f) => f.filePath === 'group-a/sales-20.crmteam.yaml')!.messages.find((m) => m.ruleId === 'over-allocated-across-plans')!;
  assert.equal(cross.related!.length, MAX_RELATED_PLACES, 'the largest of the other 21 sales plans\' allocations');
  const partial = crmteam(['lint', '--quiet', '--jobs', '2', 'group-a/sales-03.crmteam.yaml', 'group-b', 'loose'], dir);
  assert.match(partial.stdout, /^Scope group-a\/crmteam\.config\.yaml: 1 of 44 plans checked, roster group-a\/people\.yaml \(6 people\), 2 cross-plan findings\.$/m);
});

test('an empty report is still valid JSON and SARIF', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crmteam-empty-'));
  writeFileSync(join(dir, 'crmteam.config.yaml'), 'crmteam-config: 1\nignore:\n  - "**"\n');
  writeFileSync(join(dir, 'a.crmteam.yaml'), 'crmteam: 1\n');
  const json = crmteam(['lint', '--format', 'json', '.'], dir);
  assert.equal(json.code, 0, json.stderr);
  assert.equal(json.stdout, '[]\n');
  const sarif = crmteam(['lint', '--format', 'sarif', '.'], dir);
  assert.deepEqual((JSON.parse(sarif.stdout) as { runs: { results: unknown[] }[] }).runs[0]!.results, []);
  assert.equal(sarif.stdout, `${JSON.stringify(JSON.parse(sarif.stdout), null, 2)}\n`);
});
