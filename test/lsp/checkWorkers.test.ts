// The worker threads that check the workspace's closed plans (server/src/lsp/checkWorkers.ts): the same diagnostics
// and facts as a check on the calling thread, and a worker that dies fails its checks instead of leaving them waiting.

import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { checkDocument, type AnalysisInputs } from '../../server/src/lsp/analysisSource';
import { CheckWorkers } from '../../server/src/lsp/checkWorkers';
import { DEFAULT_SETTINGS } from '../../server/src/common/settings';
import { readRepoFile, repoPath } from '../harness/repo';

// The workers do not keep a process alive (a server whose client has gone must exit): this test run must stay up.
const keepAlive = setInterval(() => {}, 1_000);
after(() => clearInterval(keepAlive));

const INPUTS: AnalysisInputs = {
  settings: DEFAULT_SETTINGS,
  docsBase: 'file:///docs/rules',
  scope: { configText: readRepoFile('examples', 'contoso-group', 'crmteam.config.yaml'), rosterText: readRepoFile('examples', 'contoso-group', 'people.yaml') },
};

test('a plan checked in a worker gets exactly the diagnostics and facts of a check on this thread', { timeout: 60_000 }, async () => {
  const workers = new CheckWorkers({ workerScript: repoPath('dist', 'server.js'), log: () => {}, size: 2 });
  try {
    const documents = ['sales', 'service'].map((name) => ({
      uri: `file:///contoso/${name}.crmteam.yaml`, languageId: 'crmteam-yaml', version: 0, text: readRepoFile('examples', 'contoso-group', `${name}.crmteam.yaml`),
    }));
    const checked = await Promise.all(documents.map((d) => workers.check(d, INPUTS)));
    documents.forEach((d, i) => assert.deepEqual(checked[i], checkDocument(d, INPUTS, () => {})));
    assert.ok(checked[0]!.facts.allocations.length > 0);
    assert.ok(checked.every((c) => c.diagnostics.every((x) => x.data === undefined)), 'no code-action data for a closed plan');
  } finally {
    workers.dispose();
  }
});

test('a worker that dies fails the checks it held, with its exit code', { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crmteam-check-'));
  const script = join(dir, 'dies.js');
  writeFileSync(script, 'process.exit(3);\n');
  const logs: string[] = [];
  const workers = new CheckWorkers({ workerScript: script, log: (m) => logs.push(m), size: 1 });
  try {
    await assert.rejects(workers.check({ uri: 'file:///x.crmteam.yaml', languageId: 'crmteam-yaml', version: 0, text: 'crmteam: 1\n' }, INPUTS), /exited with code 3/);
    assert.ok(logs.some((l) => /exited with code 3/.test(l)), logs.join('\n'));
  } finally {
    workers.dispose();
  }
});
