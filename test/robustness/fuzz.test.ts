// Mutation fuzzing with fast-check, fixed seeds: plans derived from examples/*.yaml and test/rules/*/invalid.yaml by
// deleting, duplicating and re-indenting lines, flipping characters, truncating, inserting tabs, and inserting
// `__proto__`, `constructor`, `toString` and `hasOwnProperty` as keys and ids. Every mutant keeps the engine's
// invariants (support/engineChecks.ts), and every quick-fix on it leaves YAML that parses and keeps every comment.
// A second property renames a person to an id that is also a property of JavaScript objects: the findings must be
// the same as with the plain id (docs/format.md: such ids "work the same way").

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../../server/src/engine/analyze';
import { checkEngine } from './support/engineChecks';
import { mutate, mutationArb, type Mutation } from './support/mutations';
import { seedPlans, type SeedPlan } from './support/plans';
import { inSandbox, runSandboxed, serveJobs, type Beat } from './support/sandbox';

interface FuzzPayload { readonly seed: number; readonly runs: number }

function mutants(plans: readonly SeedPlan[]) {
  return fc.record({
    plan: fc.nat({ max: plans.length - 1 }),
    mutations: fc.array(mutationArb, { minLength: 1, maxLength: 4 }),
    crlf: fc.boolean(),
  });
}

function build(plans: readonly SeedPlan[], input: { plan: number; mutations: Mutation[]; crlf: boolean }): { name: string; text: string } {
  const plan = plans[input.plan]!;
  let text = plan.text;
  for (const m of input.mutations) text = mutate(text, m);
  if (input.crlf) text = text.replace(/\r?\n/g, '\r\n');
  return { name: plan.name, text };
}

serveJobs({
  mutants: (payload, beat: Beat) => {
    const { seed, runs } = payload as FuzzPayload;
    const plans = seedPlans();
    let run = 0;
    let findings = 0;
    const details = fc.check(
      fc.property(mutants(plans), (input) => {
        const { name, text } = build(plans, input);
        beat(`run ${run++}: ${name} with ${JSON.stringify(input.mutations)}`);
        const result = checkEngine(text, { everyFix: true, budgetMs: 2_000 });
        findings += result.findings;
        if (result.problems.length > 0) {
          throw new Error(`${name} mutated by ${JSON.stringify(input.mutations)}${input.crlf ? ' with CRLF' : ''}:\n${result.problems.slice(0, 10).join('\n')}\n--- text ---\n${text}\n--- end ---`);
        }
      }),
      { seed, numRuns: runs },
    );
    if (details.failed) {
      const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      throw new Error(`seed ${seed}, path ${details.counterexamplePath}: ${error}`);
    }
    return { runs: run, findings };
  },

  'object-ids': (_payload, beat: Beat) => {
    const failures: string[] = [];
    let compared = 0;
    for (const plan of seedPlans()) {
      const ids = personIds(plan.text).slice(0, 3);
      const baseline = normalised(plan.text, new Map());
      for (const id of ids) {
        for (const word of ['constructor', 'hasownproperty', 'valueof', 'tostring', 'isprototypeof']) {
          if (plan.text.includes(word)) continue;
          beat(`${plan.name}: ${id} → ${word}`);
          const renamed = plan.text.replace(idPattern(id), word);
          const after = normalised(renamed, new Map([[word, id]]));
          compared++;
          if (after.join('\n') !== baseline.join('\n')) {
            failures.push(`${plan.name}: renaming ${id} to ${word} changed the findings:\n  before: ${baseline.join('\n          ')}\n  after:  ${after.join('\n          ')}`);
          }
        }
      }
    }
    return { failures, compared };
  },
});

/** Person ids defined under `people` (block or flow style), read with a regex so the test does not trust the engine. */
function personIds(text: string): string[] {
  const block = /^people:\s*\n((?:[ \t]+.*\n|[ \t]*#.*\n|\s*\n)*)/m.exec(text)?.[1] ?? '';
  const indent = /^([ \t]+)[a-z]/m.exec(block)?.[1] ?? '  ';
  return [...block.matchAll(new RegExp(`^${indent}([a-z][a-z0-9._-]*):`, 'gm'))].map((m) => m[1]!);
}

/** The id as a whole word; in messages also after a `.` (`people.jdoe`). */
function idPattern(id: string, inMessage = false): RegExp {
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![A-Za-z0-9_${inMessage ? '' : '.'}-])${escaped}(?![A-Za-z0-9_-]|\\.[A-Za-z0-9])`, 'g');
}

/** Findings as `rule line message [fixes]`, with renamed ids mapped back, sorted: comparable across a rename. */
function normalised(text: string, back: Map<string, string>): string[] {
  const analysis = analyze(text);
  return analysis.findings.map((f) => {
    const { line } = analysis.model.linePos(f.range.start);
    let message = f.message;
    for (const [from, to] of back) message = message.replace(idPattern(from, true), to);
    // Spelling suggestions ("did you mean `jdoe`?") depend on how close the ids are, which a rename changes: compare
    // the first sentence only, and the number of fixes only where no suggestion is offered.
    const suggests = f.ruleId === 'unknown-person' || f.ruleId === 'schema';
    return `${f.ruleId} line ${line + 1}: ${suggests ? message.split(/(?<=[.?]) /)[0] : message}${suggests ? '' : ` [${f.fixes.length} fixes]`}`;
  }).sort();
}

/** Mutants per seed: two seeds, so a regression in either half of the space shows. */
const RUNS = 1_500;
const SEEDS = [20261122, 4242];

if (!inSandbox) {
  for (const seed of SEEDS) {
    test(`${RUNS} mutants of the example and fixture plans (seed ${seed}): engine invariants hold, every quick-fix keeps the YAML readable and every comment`, async () => {
      const result = await runSandboxed<{ runs: number }>(__filename, 'mutants', { seed, runs: RUNS } satisfies FuzzPayload, { idleMs: 10_000, memoryMb: 1024 });
      assert.ok(result.runs >= RUNS);
    });
  }

  test('a person renamed to `constructor`, `hasownproperty`, `valueof`, `tostring` or `isprototypeof` gets exactly the findings of the plain id', async () => {
    const { failures, compared } = await runSandboxed<{ failures: string[]; compared: number }>(__filename, 'object-ids', null, { idleMs: 10_000 });
    assert.ok(compared > 100, `only ${compared} renames compared`);
    assert.equal(failures.length, 0, failures.slice(0, 5).join('\n\n'));
  });

  test('the mutations do what they say', () => {
    const text = 'a: 1\n  b: [x, y]\n';
    assert.equal(mutate(text, { kind: 'delete-line', at: 0 }), '  b: [x, y]\n');
    assert.equal(mutate(text, { kind: 'duplicate-line', at: 0 }), 'a: 1\na: 1\n  b: [x, y]\n');
    assert.equal(mutate(text, { kind: 'reindent', at: 1, by: -2 }), 'a: 1\nb: [x, y]\n');
    assert.equal(mutate(text, { kind: 'truncate', at: 3 }), 'a: ');
    assert.equal(mutate(text, { kind: 'tab', at: 2 }), 'a:\t 1\n  b: [x, y]\n');
    assert.equal(mutate(text, { kind: 'object-key', at: 1, word: 0 }), 'a: 1\n  b: [x, y]\n  __proto__: __proto__\n');
    assert.equal(mutate(text, { kind: 'object-id', at: 1, word: 1 }), 'a: 1\n  constructor: [x, y]\n');
    assert.equal(mutate(text, { kind: 'flip', at: 0, bit: 1 }), 'c: 1\n  b: [x, y]\n');
  });
}
