// `crmteam report` and `crmteam diff` as users and CI run them: the built bin, real files, a real git repository.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { assertGolden } from '../harness/golden';
import { repoPath } from '../harness/repo';

const BIN = repoPath('bin/crmteam.js');
const DOCS = ['--docs-base', 'https://crmteam.example/rules'];

function crmteam(args: string[], cwd = repoPath()) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '', NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function git(args: string[], cwd: string): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com', GIT_CONFIG_GLOBAL: '/dev/null' } });
  assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

test('crmteam report examples --format html -o team.html writes one self-contained page for both plans', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crmteam-report-'));
  const out = join(dir, 'team.html');
  const r = crmteam(['report', 'examples/fabrikam-draft.crmteam.yaml', 'examples/northwind.crmteam.yaml', '--format', 'html', '-o', out, ...DOCS]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, '');
  const html = readFileSync(out, 'utf8');
  assert.match(html, /<h2>Northwind CRM rollout<\/h2>/);
  assert.match(html, /<h2>Fabrikam CRM \(draft\)<\/h2>/);
  assert.doesNotMatch(html, /<script|<link|src=/);
  // The same page as the renderer's golden: the CLI adds nothing of its own.
  assert.equal(html, readFileSync(repoPath('test/fixtures/report/examples.html'), 'utf8'));
  rmSync(dir, { recursive: true, force: true });
});

test('crmteam report reads each plan with its configuration and roster, as lint does, and counts the load across the scope', () => {
  // The Contoso plans name people of the shared roster only: without it every reference would be unknown.
  const r = crmteam(['report', 'examples/contoso-group', '--format', 'json', ...DOCS]);
  assert.equal(r.code, 0, r.stderr);
  const plans = (JSON.parse(r.stdout) as { plans: { file: string; load: { person: string; total: number; capacity: number; allocations: { file?: string; percent: number }[] }[] }[] }).plans;
  assert.equal(plans.length, 2);
  assert.doesNotMatch(r.stdout, /unknown-person/);
  // The load counts the scope: jdoe is IT owner in both plans, 60% + 50% against the configuration's capacity.
  for (const plan of plans) {
    const jdoe = plan.load.find((l) => l.person === 'jdoe')!;
    assert.equal(jdoe.total, 110, plan.file);
    assert.equal(jdoe.capacity, 100);
    assert.deepEqual(jdoe.allocations.map((a) => a.file).sort(), ['examples/contoso-group/sales.crmteam.yaml', 'examples/contoso-group/service.crmteam.yaml']);
  }
});

test('crmteam report: Markdown and JSON on standard output, the default format is HTML, usage errors exit 2', () => {
  const md = crmteam(['report', 'examples/northwind.crmteam.yaml', '-f', 'markdown', ...DOCS]);
  assert.equal(md.code, 0);
  assert.match(md.stdout, /^## Northwind CRM rollout$/m);
  assert.match(md.stdout, /^\| requirements \| O \| P \|/m);
  const json = JSON.parse(crmteam(['report', 'examples/northwind.crmteam.yaml', '--format', 'json', ...DOCS]).stdout);
  assert.equal(json.format, 1);
  assert.equal(json.plans[0].file, 'examples/northwind.crmteam.yaml');
  assert.match(crmteam(['report', 'examples/northwind.crmteam.yaml']).stdout, /^<!DOCTYPE html>/);
  // The default rule links point at the installed package's pages.
  assert.match(crmteam(['report', 'examples/fabrikam-draft.crmteam.yaml', '-f', 'json']).stdout, /"href": "file:\/\/.*\/docs\/rules\/schema\.md"/);
  for (const [args, message] of [
    [['report', '--format', 'pdf', 'examples'], /Unknown format `pdf`; use one of html, markdown, json/],
    [['report', 'nowhere'], /Cannot find `nowhere`/],
    [['diff'], /needs a base/],
    [['diff', 'examples/northwind.crmteam.yaml'], /is a file: give the newer version too/],
    [['diff', 'a', 'b', '--fail-on', 'sometimes'], /Unknown `--fail-on sometimes`/],
    [['repotr'], /did you mean `crmteam report`/],
  ] as [string[], RegExp][]) {
    const r = crmteam(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
    assert.match(r.stderr, message);
    assert.doesNotMatch(r.stderr, /at .*\.js:\d+/, 'no stack trace');
  }
  assert.match(crmteam(['report', '--help']).stdout, /Usage: crmteam report/);
  assert.match(crmteam(['diff', '--help']).stdout, /Usage: crmteam diff <base>/);
});

test('crmteam diff of two files; --fail-on sets the exit code', () => {
  const base = 'test/fixtures/diff/owner-removed/base.crmteam.yaml';
  const head = 'test/fixtures/diff/owner-removed/head.crmteam.yaml';
  const text = crmteam(['diff', base, head, ...DOCS]);
  assert.equal(text.code, 0, 'without --fail-on a diff never fails');
  assert.match(text.stdout, /John Doe \(jdoe\) is no longer IT owner, was 50%/);
  assert.match(text.stdout, /⚠ tool selection now has no owner/);
  assert.equal(crmteam(['diff', base, head, '--fail-on', 'new-errors']).code, 1);
  assert.equal(crmteam(['diff', head, base, '--fail-on', 'new-warnings']).code, 0, 'going back resolves findings and introduces none');
  const json = JSON.parse(crmteam(['diff', base, head, '--format', 'json']).stdout);
  assert.equal(json.plans[0].baseFile, base);
  assert.equal(json.plans[0].file, head);
});

test('crmteam diff <revision>: every plan changed in the working tree, added and removed ones too, read with git show', () => {
  const repo = mkdtempSync(join(tmpdir(), 'crmteam-diff-git-'));
  git(['init', '-q', '-b', 'main'], repo);
  mkdirSync(join(repo, 'plans'));
  copyFileSync(repoPath('test/fixtures/diff/role-handed-over/base.crmteam.yaml'), join(repo, 'plans/service.crmteam.yaml'));
  copyFileSync(repoPath('test/fixtures/diff/person-renamed/base.crmteam.yaml'), join(repo, 'plans/renamed.crmteam.yaml'));
  copyFileSync(repoPath('examples/fabrikam-draft.crmteam.yaml'), join(repo, 'plans/old.crmteam.yaml'));
  copyFileSync(repoPath('examples/northwind.crmteam.yaml'), join(repo, 'untouched.crmteam.yaml'));
  writeFileSync(join(repo, 'README.md'), 'not a plan\n');
  git(['add', '.'], repo);
  git(['commit', '-q', '-m', 'base'], repo);

  copyFileSync(repoPath('test/fixtures/diff/role-handed-over/head.crmteam.yaml'), join(repo, 'plans/service.crmteam.yaml'));
  copyFileSync(repoPath('test/fixtures/diff/person-renamed/head.crmteam.yaml'), join(repo, 'plans/renamed.crmteam.yaml'));
  rmSync(join(repo, 'plans/old.crmteam.yaml'));
  copyFileSync(repoPath('test/fixtures/diff/plan-added/head.crmteam.yaml'), join(repo, 'plans/new.crmteam.yaml'));
  writeFileSync(join(repo, 'README.md'), 'changed, still not a plan\n');

  // Run from a subfolder: paths are shown relative to it, git is asked from the repository's top.
  const fromPlans = crmteam(['diff', 'main', ...DOCS], join(repo, 'plans'));
  assert.equal(fromPlans.code, 0, fromPlans.stderr);
  assertGolden(repoPath('test/fixtures/diff/git-working-tree.txt'), fromPlans.stdout);
  const md = crmteam(['diff', 'main', '--format', 'markdown', ...DOCS], repo);
  assertGolden(repoPath('test/fixtures/diff/git-working-tree.md'), md.stdout);
  assert.doesNotMatch(md.stdout, /untouched|README/);
  assert.equal(crmteam(['diff', 'main', '--fail-on', 'new-errors'], repo).code, 1, 'the new plan has an error');

  // Two revisions: the working tree plays no part.
  git(['add', '-A'], repo);
  git(['commit', '-q', '-m', 'head'], repo);
  writeFileSync(join(repo, 'plans/service.crmteam.yaml'), 'garbage: [\n');
  const revisions = crmteam(['diff', 'HEAD~1', 'HEAD', '--format', 'json'], repo);
  assert.equal(revisions.code, 0, revisions.stderr);
  const files = JSON.parse(revisions.stdout).plans.map((p: { file: string; status: string }) => `${p.file} ${p.status}`);
  assert.deepEqual(files, ['plans/new.crmteam.yaml added', 'plans/old.crmteam.yaml removed', 'plans/renamed.crmteam.yaml changed', 'plans/service.crmteam.yaml changed']);

  const bad = crmteam(['diff', 'no-such-branch'], repo);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /git rev-parse .* failed|no-such-branch/);
  const outside = crmteam(['diff', 'main'], tmpdir());
  assert.equal(outside.code, 2);
  rmSync(repo, { recursive: true, force: true });
});
