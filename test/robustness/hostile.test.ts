// Hostile input through the engine, each case on a worker with a time box and a memory cap: an alias bomb, a plan
// over the size limit, NUL bytes, invalid UTF-8, a byte order mark, CRLF line ends, 10,000 levels of nesting and
// megabyte-long lines. The budgets are in the test names; the worker's stack is 1 MB, like the server's main thread.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, INTERNAL_ERROR, MAX_ANALYSED_LENGTH } from '../../server/src/engine/analyze';
import { decodePlan } from '../../server/src/core/decode';
import { checkEngine } from './support/engineChecks';
import { seedPlans } from './support/plans';
import { inSandbox, runSandboxed, serveJobs } from './support/sandbox';

/** The classic "billion laughs": nine levels of nine aliases each, 9^9 nodes once expanded. */
export function billionLaughs(): string {
  const lines = ['lol0: &l0 "lol"'];
  for (let i = 1; i <= 9; i++) lines.push(`lol${i}: &l${i} [${Array.from({ length: 9 }, () => `*l${i - 1}`).join(', ')}]`);
  return `crmteam: 1\nx:\n${lines.map((l) => `  ${l}`).join('\n')}\nproject:\n  name: Bomb\n  integrations: *l9\npeople:\n  a: { name: *l9 }\n`;
}

interface Outcome { readonly ms: number; readonly problems: string[]; readonly findings: { ruleId: string; message: string; start: number; end: number }[] }

/**
 * Analyses `text` on the worker: the invariants of support/engineChecks.ts plus the findings, for the test to judge.
 * `ms` is CPU time, not wall time: the budgets guard against runaway work (a blow-up, a hang), and CPU time does not
 * grow when other processes share the machine. (Node 20 has no per-thread CPU clock: this is the process's, and the
 * test's main thread only waits meanwhile.)
 */
function outcome(text: string, budgetMs: number): Outcome {
  const started = process.cpuUsage();
  const analysis = analyze(text);
  const used = process.cpuUsage(started);
  const ms = (used.user + used.system) / 1000;
  const { problems } = checkEngine(text, { budgetMs: budgetMs * 2 });
  return { ms, problems, findings: analysis.findings.map((f) => ({ ruleId: f.ruleId, message: f.message, start: f.range.start, end: f.range.end })) };
}

/** bench/generate.mjs is an ES module: loaded on demand (esbuild bundles it either way). */
async function generatePlan(lines: number): Promise<string> {
  return (await import('../../bench/generate.mjs')).generatePlan(lines);
}

const CASES: Record<string, () => string | Promise<string>> = {
  bomb: billionLaughs,
  // A realistic plan past the size limit: about 130,000 lines.
  huge: () => generatePlan(130_000),
  // A realistic plan of about 1 MB, analysed in full.
  large: () => generatePlan(25_000),
  flowOpen: () => `crmteam: 1\npeople: ${'['.repeat(10_000)}`,
  flowNested: () => `${'['.repeat(10_000)}${']'.repeat(10_000)}`,
  flowMaps: () => `${'{a: '.repeat(10_000)}${'}'.repeat(10_000)}`,
  blockSequences: () => `${'- '.repeat(10_000)}x\n`,
  // Block mappings indented one more space per level: 10,000 levels would be 50 MB, far past the size limit, so
  // the deepest that fits under it (2,500 levels, 3.1 MB) is parsed in full, and 10,000 gets the size finding.
  blockMaps: () => blockNesting(2_500),
  blockMaps10k: () => blockNesting(10_000),
  longScalar: () => `crmteam: 1\nproject:\n  name: ${'x'.repeat(1_000_000)}\npeople: {}\n`,
  longComment: () => `# ${'y'.repeat(1_000_000)}\ncrmteam: 1\nproject: { name: Long }\npeople: {}\n`,
  // A whole plan on one line in flow style: 20,000 people and a 20,000-long participant list, about 1 MB.
  oneLinePlan: () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `p${i}`);
    return `{crmteam: 1, project: {name: One line}, people: {${ids.map((id) => `${id}: {name: N}`).join(', ')}}, activities: {vision: {owner: p0, participants: [${ids.join(', ')}]}}}\n`;
  },
  nul: () => 'crmteam: 1\0\nproject:\n  name: "\0"\npeople:\n  a\0b: { name: x }\n',
};

function blockNesting(levels: number): string {
  let text = '';
  for (let i = 0; i < levels; i++) text += `${' '.repeat(i)}k${i}:\n`;
  return text;
}

serveJobs({
  repeat: async (payload, beat) => {
    const { name, times } = payload as { name: string; times: number };
    const text = await CASES[name]!();
    for (let i = 0; i < times; i++) {
      beat(`${name} #${i + 1}`);
      analyze(text);
    }
    return times;
  },
  case: async (payload, beat) => {
    const { name, budgetMs } = payload as { name: string; budgetMs: number };
    beat(name);
    const text = await CASES[name]!();
    beat(`${name} (generated, ${text.length} characters)`);
    return { length: text.length, ...outcome(text, budgetMs) };
  },
});

/** Runs one case on a worker: `budgetMs` for the analysis itself, a hard stop at 10× that, and `memoryMb` of heap. */
async function hostile(name: string, budgetMs: number, memoryMb = 512): Promise<Outcome & { length: number }> {
  const result = await runSandboxed<Outcome & { length: number }>(__filename, 'case', { name, budgetMs }, { idleMs: Math.max(10_000, budgetMs * 10), memoryMb, stackMb: 1 });
  assert.deepEqual(result.problems.filter((p) => !p.startsWith('analysis took')), [], `${name}: invariants`);
  assert.ok(result.ms <= budgetMs, `${name}: analysis took ${result.ms.toFixed(0)} ms of CPU time, over the budget of ${budgetMs} ms`);
  return result;
}

if (!inSandbox) {
  test('a billion-laughs alias bomb: one clear yaml-syntax finding, within 1 s of CPU and 64 MB of heap', async () => {
    const result = await hostile('bomb', 1_000, 64);
    const bomb = result.findings.filter((f) => f.ruleId === 'yaml-syntax' && /alias bomb/.test(f.message));
    assert.equal(bomb.length, 1, JSON.stringify(result.findings));
    assert.ok(!result.findings.some((f) => f.ruleId === 'schema'), 'no schema findings on an unreadable value');
  });

  test(`a 5 MB plan (over the ${MAX_ANALYSED_LENGTH / 1e6} million character limit): the one "too large" finding within 1 s of CPU`, async () => {
    const result = await hostile('huge', 1_000);
    assert.ok(result.length > 5_000_000, `${result.length} characters`);
    assert.deepEqual(result.findings.map((f) => f.ruleId), [INTERNAL_ERROR]);
    assert.match(result.findings[0]!.message, /too large/);
  });

  test('a realistic 1 MB plan (25,000 lines) is analysed in full within 6 s of CPU', async () => {
    const result = await hostile('large', 6_000);
    assert.ok(result.length > 900_000, `${result.length} characters`);
    assert.deepEqual(result.findings.map((f) => f.ruleId), [], 'the generated plan is clean');
  });

  for (const [name, what] of [
    ['flowOpen', '10,000 unclosed ['],
    ['flowNested', '10,000 levels of [ ]'],
    ['flowMaps', '10,000 levels of { }'],
    ['blockSequences', '10,000 levels of block sequences (- - - …)'],
    ['blockMaps', '2,500 levels of block mappings (3.1 MB, the deepest under the size limit)'],
  ] as const) {
    test(`${what}: no stack overflow, a yaml-syntax finding, within 3 s of CPU on a 1 MB stack`, async () => {
      const result = await hostile(name, 3_000);
      assert.ok(result.findings.length > 0);
      assert.ok(!result.findings.some((f) => f.ruleId === INTERNAL_ERROR), JSON.stringify(result.findings.slice(0, 3)));
      for (const f of result.findings.filter((x) => x.ruleId === 'yaml-syntax')) assert.doesNotMatch(f.message, /call stack/i, 'the parser\'s own words');
      assert.ok(result.findings.some((f) => f.ruleId === 'yaml-syntax' && /nested more than \d+ levels/.test(f.message)), JSON.stringify(result.findings.slice(0, 3)));
    });
  }

  test('10,000 levels of [ analysed five times in a row: the process survives (V8 used to abort in its regexp compiler near the stack end)', async () => {
    const runs = await runSandboxed<number>(__filename, 'repeat', { name: 'flowNested', times: 5 }, { idleMs: 10_000, memoryMb: 256, stackMb: 1 });
    assert.equal(runs, 5);
  });

  test('10,000 levels of block mappings (50 MB): the "too large" finding within 1 s of CPU', async () => {
    const result = await hostile('blockMaps10k', 1_000);
    assert.deepEqual(result.findings.map((f) => f.ruleId), [INTERNAL_ERROR]);
  });

  for (const [name, what, budget] of [
    ['longScalar', 'a 1 MB scalar on one line', 1_000],
    ['longComment', 'a 1 MB comment line', 1_000],
    ['oneLinePlan', 'a whole 1 MB plan on one line (20,000 people, 20,000 participants)', 6_000],
  ] as const) {
    test(`${what}: analysed within ${budget / 1000} s, ranges inside`, async () => {
      await hostile(name, budget);
    });
  }

  test('documents that are not a mapping (a list, a text, a set): no fix is offered that would break the YAML', () => {
    for (const text of ['- a\n- b\n', 'just text\n', '!!set\n? a\n? b\n', '%YAML 1.2\n--- text\n', '[1, 2]\n', '"quoted"\n', '--- |\n  block\n']) {
      const analysis = analyze(text);
      assert.ok(analysis.findings.length > 0, text);
      assert.deepEqual(analysis.findings.filter((f) => f.fixes.length > 0).map((f) => f.ruleId), [], text);
      assert.deepEqual(checkEngine(text, { everyFix: true }).problems, [], text);
    }
  });

  test('NUL bytes: decodePlan calls the file binary; the engine copes with NULs in the text', async () => {
    assert.match(decodePlan(Buffer.from('crmteam: 1\n\0\n')).problem ?? '', /binary/);
    const result = await hostile('nul', 1_000);
    assert.ok(result.findings.some((f) => f.ruleId === 'schema'));
  });

  test('invalid UTF-8: decodePlan says so and where, and the lenient text still analyses', () => {
    const bytes = Buffer.concat([Buffer.from('crmteam: 1\nproject:\n  name: Caf'), Buffer.from([0xe9, 0xff]), Buffer.from(' x\npeople: {}\n')]);
    const decoded = decodePlan(bytes);
    assert.match(decoded.problem ?? '', /not valid UTF-8.*character 31/);
    assert.equal(decoded.text.indexOf('\uFFFD'), 31);
    assert.deepEqual(checkEngine(decoded.text).problems, []);
  });

  test('a UTF-8 byte order mark: stripped by decodePlan; in the text, the same findings one character later', () => {
    const plan = seedPlans().find((p) => p.name.includes('cio-day-to-day'))!.text;
    assert.equal(decodePlan(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(plan)])).text, plan);
    const plain = analyze(plan).findings.map((f) => `${f.ruleId} ${f.range.start + 1}-${f.range.end + 1} ${f.message}`);
    const withBom = analyze(`\uFEFF${plan}`).findings.map((f) => `${f.ruleId} ${f.range.start}-${f.range.end} ${f.message}`);
    assert.ok(plain.length > 0);
    assert.deepEqual(withBom, plain);
  });

  test('CRLF: every finding of every seed plan at the same line and column as with LF (engine and LSP positions)', () => {
    let compared = 0;
    for (const plan of seedPlans()) {
      const lf = plan.text.replace(/\r\n/g, '\n');
      const crlf = lf.replace(/\n/g, '\r\n');
      const where = (text: string) => {
        const analysis = analyze(text);
        const doc = TextDocument.create('file:///x.crmteam.yaml', 'crmteam-yaml', 1, text);
        return analysis.findings.map((f) => {
          const [s, e] = [analysis.model.linePos(f.range.start), analysis.model.linePos(f.range.end)];
          const [ls, le] = [doc.positionAt(f.range.start), doc.positionAt(f.range.end)];
          assert.deepEqual([ls.line, ls.character, le.line, le.character], [s.line, s.character, e.line, e.character], `${plan.name}: engine and LSP positions differ`);
          // Fix edits keep the file's line ends.
          for (const fix of f.fixes) for (const edit of fix.edits) if (text.includes('\r\n')) assert.doesNotMatch(edit.text, /(?<!\r)\n/, `${plan.name}: fix "${fix.title}" writes a bare LF into a CRLF file`);
          return `${f.ruleId} ${s.line}:${s.character}-${e.line}:${e.character} ${f.message} [${f.fixes.map((x) => x.title).join(' | ')}]`;
        });
      };
      const a = where(lf);
      assert.deepEqual(where(crlf), a, plan.name);
      compared += a.length;
    }
    assert.ok(compared > 100, `${compared} findings compared`);
  });
}
