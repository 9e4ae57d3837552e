// `crmteam lint` over folders with and without crmteam.config.yaml (README, "Many plans"): the configuration's rules,
// roster and ignore list, cross-plan findings with related places in other files, the per-scope summary,
// --no-config and --config, and a configuration that cannot be read.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoPath } from '../harness/repo';

const BIN = repoPath('bin/crmteam.js');
const GROUP = 'examples/contoso-group';

function crmteam(args: string[], cwd = repoPath()) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '', NO_COLOR: '1' } });
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
