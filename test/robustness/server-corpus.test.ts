// The YAML Test Suite and a sample of fuzzed plans through the language server in-process: open, diagnostics,
// hover and completion at several positions, code actions for every diagnostic. Time-boxed per input on a worker.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { repoPath } from '../harness/repo';
import { mutate, mutationArb } from './support/mutations';
import { seedPlans } from './support/plans';
import { inSandbox, runSandboxed, serveJobs } from './support/sandbox';
import { ServerChecker } from './support/serverChecks';

interface SuiteCase { readonly id: string; readonly name: string; readonly yaml: string }

const PER_INPUT_MS = 5_000;
const FUZZED = 300;

serveJobs({
  suite: async (_payload, beat) => {
    const cases = (JSON.parse(readFileSync(repoPath('test/fixtures/yaml-test-suite.json'), 'utf8')) as { cases: SuiteCase[] }).cases;
    const checker = await ServerChecker.start();
    const failures: string[] = [];
    try {
      for (const c of cases) {
        for (const [label, text] of [['', c.yaml], [' [CRLF]', c.yaml.replace(/\r?\n/g, '\r\n')]] as const) {
          if (label && text === c.yaml) continue;
          beat(`${c.id}${label} (${c.name})`);
          for (const p of await checker.check(text)) failures.push(`${c.id}${label} (${c.name}): ${p}`);
        }
      }
    } finally {
      await checker.dispose();
    }
    return failures;
  },

  fuzzed: async (payload, beat) => {
    const plans = seedPlans();
    const samples = fc.sample(fc.record({
      plan: fc.nat({ max: plans.length - 1 }),
      mutations: fc.array(mutationArb, { minLength: 1, maxLength: 4 }),
      crlf: fc.boolean(),
    }), { seed: 77, numRuns: payload as number });
    const checker = await ServerChecker.start();
    const failures: string[] = [];
    try {
      for (const [i, s] of samples.entries()) {
        let text = plans[s.plan]!.text;
        for (const m of s.mutations) text = mutate(text, m);
        if (s.crlf) text = text.replace(/\r?\n/g, '\r\n');
        beat(`mutant ${i}: ${plans[s.plan]!.name} ${JSON.stringify(s.mutations)}`);
        for (const p of await checker.check(text)) failures.push(`mutant ${i} of ${plans[s.plan]!.name} ${JSON.stringify(s.mutations)}: ${p}`);
      }
    } finally {
      await checker.dispose();
    }
    return failures;
  },
});

if (!inSandbox) {
  test(`every YAML Test Suite input, LF and CRLF, through the server: diagnostics, hover, completion and code actions inside the document, no handler error, no exit (${PER_INPUT_MS / 1000} s per input)`, async () => {
    const failures = await runSandboxed<string[]>(__filename, 'suite', null, { idleMs: PER_INPUT_MS, memoryMb: 1024 });
    assert.equal(failures.length, 0, failures.slice(0, 30).join('\n'));
  });

  test(`${FUZZED} mutated plans (seed 77) through the server: the same checks`, async () => {
    const failures = await runSandboxed<string[]>(__filename, 'fuzzed', FUZZED, { idleMs: PER_INPUT_MS, memoryMb: 1024 });
    assert.equal(failures.length, 0, failures.slice(0, 30).join('\n'));
  });
}
