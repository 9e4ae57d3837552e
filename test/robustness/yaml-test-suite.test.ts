// Every input of the YAML Test Suite (test/fixtures/yaml-test-suite.json, copied by scripts/import-yaml-test-suite.mjs)
// through the engine: valid and invalid YAML alike, none of it a team plan. No throw, no hang (each input is
// time-boxed on a worker), no crashed rule, every range and fix edit inside the document, safe fixes apply.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { repoPath } from '../harness/repo';
import { checkEngine } from './support/engineChecks';
import { inSandbox, runSandboxed, serveJobs } from './support/sandbox';

interface SuiteCase { readonly id: string; readonly name: string; readonly fail: boolean; readonly yaml: string }

function loadSuite(): SuiteCase[] {
  return (JSON.parse(readFileSync(repoPath('test/fixtures/yaml-test-suite.json'), 'utf8')) as { cases: SuiteCase[] }).cases;
}

/** Per input, the longest the whole check may take (the inputs are a few lines each; a hang shows as this). */
const PER_INPUT_MS = 5_000;

serveJobs({
  engine: (payload, beat) => {
    const everyFix = payload === 'every-fix';
    const failures: string[] = [];
    for (const c of loadSuite()) {
      beat(`${c.id} (${c.name})`);
      for (const variant of variants(c.yaml)) {
        const result = checkEngine(variant.text, { everyFix, budgetMs: 2_000 });
        for (const p of result.problems) failures.push(`${c.id}${variant.label} (${c.name}): ${p}`);
      }
    }
    return failures;
  },
});

/** The input itself, and the same with CRLF line ends: both must keep every invariant. */
function variants(text: string): { label: string; text: string }[] {
  const crlf = text.replace(/\r?\n/g, '\r\n');
  return crlf === text ? [{ label: '', text }] : [{ label: '', text }, { label: ' [CRLF]', text: crlf }];
}

if (!inSandbox) {
  test('the YAML Test Suite corpus is there (406 inputs from 351 files)', () => {
    const cases = loadSuite();
    assert.equal(cases.length, 406);
    assert.ok(cases.some((c) => c.yaml.includes('\t')), 'tabs are decoded');
    // The corpus has no `←` (CR) or `⇔` (BOM) today; hostile.test.ts covers both, and every input runs with CRLF too.
    assert.ok(cases.some((c) => !c.yaml.endsWith('\n')), 'missing final newlines are decoded');
    assert.ok(!cases.some((c) => /[␣»↵∎←⇔]/.test(c.yaml)), 'no stand-in is left');
  });

  test(`every YAML Test Suite input, LF and CRLF, through the engine: no throw, no crashed rule, ranges and fix edits inside, safe fixes apply (${PER_INPUT_MS / 1000} s per input)`, async () => {
    const failures = await runSandboxed<string[]>(__filename, 'engine', null, { idleMs: PER_INPUT_MS, memoryMb: 512 });
    assert.equal(failures.length, 0, failures.slice(0, 40).join('\n'));
  });
}
