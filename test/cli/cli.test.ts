// The `crmteam` command as CI uses it: the built bin, real files, exit codes, every output format, --fix.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoPath } from '../harness/repo';

const BIN = repoPath('bin/crmteam.js');
const NORTHWIND = repoPath('examples/northwind.crmteam.yaml');
const FABRIKAM = repoPath('examples/fabrikam-draft.crmteam.yaml');

function crmteam(args: string[], cwd = repoPath(), env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '', NO_COLOR: '1', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function validateSarif(log: string): { ok: boolean; errors: unknown[] } {
  const result = spawnSync(process.execPath, [repoPath('test/cli/validate-sarif.cjs'), repoPath('test/fixtures/sarif/sarif-2.1.0-rtm.5.json')], {
    input: log, encoding: 'utf8',
  });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as { ok: boolean; errors: unknown[] };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'crmteam-cli-'));
}

test('a clean plan exits 0 with a one-line summary', () => {
  const r = crmteam(['lint', NORTHWIND]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /No problems \(1 plan checked\)/);
});

test('the example folder: findings with file, line:col, severity, message, rule id and a summary', () => {
  const r = crmteam(['lint', 'examples']);
  assert.equal(r.code, 1, 'the draft has error-level findings');
  assert.match(r.stdout, /^examples\/fabrikam-draft\.crmteam\.yaml$/m);
  // One whole stylish line: position, severity, message, two spaces, the rule id at the end.
  assert.match(r.stdout, /^ {2}\d+:\d+ +error +\S.* {2}business-owner-required$/m);
  assert.match(r.stdout, /✖ \d+ problems \(\d+ errors?, \d+ warnings?, \d+ info, \d+ hints?\) in 4 plans checked\./);
  assert.equal(r.stderr, '');
});

test('usage and I/O errors exit 2 with a clear message and no stack trace', () => {
  const dir = tempDir();
  const cases: [string[], RegExp][] = [
    [['lint', join(dir, 'missing.crmteam.yaml')], /Cannot find `.*missing\.crmteam\.yaml`: no such file or folder/],
    [['lint', dir], /No team plans \(\*\.crmteam\.yaml or \*\.crmteam\.yml\) under/],
    [['lint', '--format', 'xml', NORTHWIND], /Unknown format `xml`/],
    [['lint', '--rule', 'nope=off', NORTHWIND], /Unknown rule `nope`/],
    [['lint', '--rule', 'schema=loud', NORTHWIND], /Unknown severity `loud`/],
    [['lint', '--max-warnings', 'many', NORTHWIND], /whole number/],
    [['frobnicate'], /Unknown command `frobnicate`/],
    [['lint', '--bogus'], /Unknown option '--bogus'/],
  ];
  for (const [args, message] of cases) {
    const r = crmteam(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
    assert.match(r.stderr, message);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  }
});

test('a binary file, invalid UTF-8, a BOM and a 5 MB file each get a clear answer', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'binary.crmteam.yaml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]));
  writeFileSync(join(dir, 'latin1.crmteam.yaml'), Buffer.concat([Buffer.from('crmteam: 1\nproject:\n  name: Caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
  writeFileSync(join(dir, 'bom.crmteam.yaml'), '\uFEFF' + readFileSync(NORTHWIND, 'utf8'));
  const big = readFileSync(NORTHWIND, 'utf8') + '# padding\n'.repeat(550_000);
  writeFileSync(join(dir, 'huge.crmteam.yaml'), big);
  const r = crmteam(['lint', '--format', 'json', dir]);
  assert.equal(r.code, 1, r.stderr);
  const files = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string; message: string }[] }[];
  const byName = new Map(files.map((f) => [f.filePath.split('/').pop(), f.messages]));
  assert.match(byName.get('binary.crmteam.yaml')![0]!.message, /binary file/);
  assert.match(byName.get('latin1.crmteam.yaml')![0]!.message, /not valid UTF-8/);
  assert.deepEqual(byName.get('bom.crmteam.yaml'), [], 'a BOM is not a problem');
  assert.match(byName.get('huge.crmteam.yaml')![0]!.message, /too large for full analysis/);
});

test('--rule changes a severity and --max-warnings turns warnings into a failure', () => {
  const off = crmteam(['lint', '--format', 'json', '--rule', 'it-owner-required=off', FABRIKAM]);
  const messages = (JSON.parse(off.stdout) as { messages: { ruleId: string }[] }[])[0]!.messages;
  assert.ok(!messages.some((m) => m.ruleId === 'it-owner-required'));
  const dir = tempDir();
  const plan = join(dir, 'w.crmteam.yaml');
  writeFileSync(plan, readFileSync(NORTHWIND, 'utf8').replace('  champion: msmith\n', ''));
  assert.equal(crmteam(['lint', plan]).code, 0, 'a warning alone passes');
  assert.equal(crmteam(['lint', '--max-warnings', '0', plan]).code, 1);
  assert.equal(crmteam(['lint', '--max-warnings', '1', plan]).code, 0);
  assert.equal(crmteam(['lint', '--rule', 'champion-required=error', plan]).code, 1);
});

test('github format prints workflow annotations, and is the default inside GitHub Actions', () => {
  const r = crmteam(['lint', FABRIKAM], repoPath(), { GITHUB_ACTIONS: 'true' });
  const lines = r.stdout.trim().split('\n');
  assert.ok(lines.length > 3);
  for (const line of lines) assert.match(line, /^::(error|warning|notice) file=examples\/fabrikam-draft\.crmteam\.yaml,line=\d+,endLine=\d+,col=\d+,endColumn=\d+,title=crmteam [a-z-]+::\S/);
});

test('SARIF output is valid SARIF 2.1.0 with rules, help, levels and 1-based regions', () => {
  const r = crmteam(['lint', '--format', 'sarif', 'examples']);
  const verdict = validateSarif(r.stdout);
  assert.ok(verdict.ok, JSON.stringify(verdict.errors, null, 2));
  // eslint-style any: the schema check above has established the shape.
  const run = (JSON.parse(r.stdout) as { runs: any[] }).runs[0];
  assert.equal(run.tool.driver.name, 'crmteam');
  assert.ok(run.tool.driver.rules.length >= 36);
  for (const rule of run.tool.driver.rules) {
    assert.ok(rule.fullDescription?.text && rule.help?.text, `${rule.id} lacks fullDescription or help`);
  }
  assert.ok(run.results.length > 0);
  for (const result of run.results) {
    assert.equal(run.tool.driver.rules[result.ruleIndex].id, result.ruleId);
    assert.ok(['error', 'warning', 'note', 'none'].includes(result.level));
    const region = result.locations[0].physicalLocation.region;
    assert.ok(region.startLine >= 1 && region.startColumn >= 1);
  }
  // A broken log is rejected, so the check above can fail.
  assert.equal(validateSarif(JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).ok, false);
});

test('--fix applies safe fixes, keeps comments, reports what changed, and leaves the rest', () => {
  const dir = tempDir();
  const plan = join(dir, 'fixme.crmteam.yaml');
  copyFileSync(repoPath('test/rules/selection-includes-it/invalid.yaml'), plan);
  const before = readFileSync(plan, 'utf8');
  const r = crmteam(['lint', '--fix', plan]);
  const after = readFileSync(plan, 'utf8');
  assert.notEqual(after, before);
  assert.match(r.stdout, /fixed \d+ problems?/);
  for (const line of before.split('\n').filter((l) => l.trim().startsWith('#') || l.includes('#'))) {
    assert.ok(after.includes(line.split('#')[1]!.trim()), `comment lost: ${line}`);
  }
  const again = crmteam(['lint', '--format', 'json', plan]);
  assert.ok(!(JSON.parse(again.stdout) as { messages: { ruleId: string }[] }[])[0]!.messages.some((m) => m.ruleId === 'selection-includes-it'));
});

test('folders are searched for *.crmteam.yaml and *.crmteam.yml, including a bare .crmteam.yaml', () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'team', 'node_modules'), { recursive: true });
  for (const name of ['a.crmteam.yaml', 'team/b.crmteam.yml', 'team/.crmteam.yaml', 'team/node_modules/x.crmteam.yaml', 'notes.yaml']) {
    writeFileSync(join(dir, name), readFileSync(NORTHWIND, 'utf8'));
  }
  const r = crmteam(['lint', '--format', 'json', '.'], dir);
  const paths = (JSON.parse(r.stdout) as { filePath: string }[]).map((f) => f.filePath).sort();
  assert.deepEqual(paths, ['a.crmteam.yaml', 'team/.crmteam.yaml', 'team/b.crmteam.yml']);
});

test('a reader that stops early (`| head`) gets no stack trace', async () => {
  const child = spawn(process.execPath, [BIN, 'lint', '--format', 'sarif', repoPath('examples')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  // Close our end before the report is written, as `head` does once it has its lines.
  child.stdout.destroy();
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  assert.doesNotMatch(stderr, /EPIPE|\n\s+at /, stderr);
  assert.notEqual(code, 2);
});
