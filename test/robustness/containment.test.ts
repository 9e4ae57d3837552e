// Failures stay contained (ARCHITECTURE.md, "Invariants"): a rule that throws becomes exactly one internal-error finding and
// every other rule's findings are still there; in the server, the rule's error is logged, a handler that throws
// answers empty, and no input makes the server exit.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, INTERNAL_ERROR } from '../../server/src/engine/analyze';
import type { Finding } from '../../server/src/core/finding';
import { RULES_BY_ID } from '../../server/src/rules/index';
import type { Rule, RuleContext } from '../../server/src/rules/rule';
import { LspPair } from '../lsp/lspPair';
import { seedPlans } from './support/plans';

/** Runs `body` with the rule's `check` replaced, and restores it whatever happens. */
async function withRule<T>(id: string, check: (context: RuleContext) => void, body: () => T | Promise<T>): Promise<T> {
  const rule = RULES_BY_ID.get(id) as { check: Rule['check'] } | undefined;
  assert.ok(rule, `no rule ${id}`);
  const original = rule.check;
  rule.check = check;
  try {
    return await body();
  } finally {
    rule.check = original;
  }
}

const PLAN = seedPlans().find((p) => p.name.includes('cio-day-to-day'))!.text;
const key = (f: Finding) => `${f.ruleId} ${f.range.start}-${f.range.end} ${f.message}`;

for (const [label, thrown] of [
  ['an Error', () => new Error('boom')],
  ['a string', () => 'boom as a string'],
  ['undefined', () => undefined],
  ['a stack overflow', () => new RangeError('Maximum call stack size exceeded')],
] as const) {
  test(`a rule that throws ${label} after reporting: exactly one internal-error finding, every other rule's findings kept`, async () => {
    const before = analyze(PLAN).findings;
    const victim = 'champion-required';
    assert.ok(before.some((f) => f.ruleId === victim), 'the plan triggers the rule under test');
    const errors: string[] = [];
    const after = await withRule(victim, (context) => {
      context.report({ range: { start: 0, end: 1 }, message: 'half-done work that must not be shown' });
      throw thrown();
    }, () => analyze(PLAN, { onRuleError: (id) => errors.push(id) }).findings);

    const internal = after.filter((f) => f.ruleId === INTERNAL_ERROR);
    assert.equal(internal.length, 1, JSON.stringify(internal));
    assert.match(internal[0]!.message, new RegExp(victim));
    assert.equal(internal[0]!.severity, 'error');
    assert.deepEqual(errors, [victim]);
    assert.ok(!after.some((f) => f.message.startsWith('half-done')), 'reports made before the throw are dropped');
    assert.deepEqual(after.filter((f) => f.ruleId !== INTERNAL_ERROR).map(key), before.filter((f) => f.ruleId !== victim).map(key));
    // Restored: the next analysis is the original one.
    assert.deepEqual(analyze(PLAN).findings.map(key), before.map(key));
  });
}

test('a rule of the after-suppressions phase that throws is contained the same way', async () => {
  const text = `# crmteam-disable-next-line no-such-rule -- a suppression that silences nothing\n${PLAN}`;
  const before = analyze(text).findings;
  assert.ok(before.some((f) => f.ruleId === 'unused-suppression'));
  const after = await withRule('unused-suppression', () => { throw new Error('late boom'); }, () => analyze(text).findings);
  assert.equal(after.filter((f) => f.ruleId === INTERNAL_ERROR).length, 1);
  assert.deepEqual(after.filter((f) => f.ruleId !== INTERNAL_ERROR).map(key), before.filter((f) => f.ruleId !== 'unused-suppression').map(key));
});

test('every rule may throw, one at a time, on every seed plan: one internal-error finding each time, never an exception', async () => {
  let runs = 0;
  for (const plan of seedPlans().slice(0, 8)) {
    // The rules that run on one plan (the cross-plan and configuration rules run in the scope pass and in settings files).
    for (const [id, rule] of RULES_BY_ID) {
      if (rule.meta.scope !== undefined) continue;
      const findings = await withRule(id, () => { throw new Error(`${id} broke`); }, () => analyze(plan.text).findings);
      assert.equal(findings.filter((f) => f.ruleId === INTERNAL_ERROR).length, 1, `${id} on ${plan.name}`);
      runs++;
    }
  }
  assert.ok(runs > 100);
});

test('in the server: a throwing rule is logged once, shown as one diagnostic, and the other diagnostics stay', async () => {
  const uri = 'file:///contained/plan.crmteam.yaml';
  const pair = await LspPair.start();
  try {
    await pair.open(uri, PLAN);
    const before = await pair.pullItems(uri);
    await withRule('champion-required', () => { throw new Error('boom in the server'); }, async () => {
      await pair.changeSettings({ rules: {} }); // drops the cache, so the next pull analyses again
      const after = await pair.pullItems(uri);
      assert.equal(after.filter((d) => d.code === INTERNAL_ERROR).length, 1);
      assert.deepEqual(
        after.filter((d) => d.code !== INTERNAL_ERROR).map((d) => `${d.code} ${d.message}`),
        before.filter((d) => d.code !== 'champion-required').map((d) => `${d.code} ${d.message}`),
      );
      await pair.waitFor(() => pair.logs.find((l) => l.type === 1 && l.message.includes('boom in the server')), 'the error log');
    });
  } finally {
    await pair.dispose();
  }
});

test('a feature handler that throws answers empty, and the server keeps serving the other requests', async () => {
  const uri = 'file:///contained/handlers.crmteam.yaml';
  const boom = () => { throw new Error('handler boom'); };
  const pair = await LspPair.start({ server: { features: { hover: boom, completion: boom, codeActions: boom, diagnostics: boom } } });
  try {
    await pair.open(uri, PLAN);
    const position = { textDocument: { uri }, position: { line: 3, character: 4 } };
    assert.equal(await pair.request('textDocument/hover', position), null);
    assert.deepEqual(await pair.request('textDocument/completion', position), { isIncomplete: false, items: [] });
    assert.deepEqual(await pair.request('textDocument/codeAction', { textDocument: { uri }, range: { start: position.position, end: position.position }, context: { diagnostics: [] } }), []);
    assert.deepEqual(await pair.pullItems(uri), []);
    assert.ok((await pair.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } })).length > 0, 'still serving');
  } finally {
    await pair.dispose();
  }
});
