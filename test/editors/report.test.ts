// The HTML report in a real browser: `crmteam report examples --format html` opened in headless Chromium (the editor
// tests' browser), checked by test/e2e/report/check-report.mjs: matrix visible and painted, dark mode, A4 and Letter.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { repoPath } from '../harness/repo';

test('the HTML report in Chromium: the matrix is on the first screen and painted, dark mode works, it prints on A4 and Letter', { timeout: 120_000 }, (t) => {
  mkdirSync(repoPath('test-results'), { recursive: true });
  const html = repoPath('test-results/team.html');
  const screenshot = repoPath('test-results/report.png');
  const report = spawnSync(process.execPath, [repoPath('bin/crmteam.js'), 'report', 'examples', '--format', 'html', '-o', html], { cwd: repoPath(), encoding: 'utf8' });
  assert.equal(report.status, 0, report.stderr);
  // A child process: playwright needs code generation from strings, which the test processes disallow.
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT;
  const check = spawnSync(process.execPath, [repoPath('test/e2e/report/check-report.mjs'), html, screenshot], { cwd: repoPath(), encoding: 'utf8', env, timeout: 100_000 });
  assert.equal(check.status, 0, `${check.stdout}${check.stderr}`);
  const result = JSON.parse(check.stdout.trim().split('\n').pop()!);
  assert.equal(result.ok, true);
  assert.ok(result.pages.A4 >= 2 && result.pages.Letter >= 2, 'two plans: at least a page each');
  assert.equal(readFileSync(screenshot).subarray(1, 4).toString('latin1'), 'PNG');
  t.diagnostic(`report in Chromium: ${check.stdout.trim()}`);
});
