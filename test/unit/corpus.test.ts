// The acceptance tests of the advice: realistic plans in test/corpus/, each with its expected findings written by hand
// in `<name>.expected`, every one justified from the articles. A plan gets exactly those findings, no more and no
// fewer; `<name>.snap` keeps the full messages for review (UPDATE_GOLDEN=1 rewrites the snapshots, never the
// expectations).
//
// `<name>.expected` format: `#` lines are the justification of the entry that follows them; an entry is
// `<line> <rule-id>` (a finding whose range starts on that 1-based line) or `! <rule-id>` (a rule that must not fire
// anywhere in the plan, for the near misses worth stating); consecutive entries share the comment above them. Every
// entry needs a justification that names an article
// (000 to 004) or says that the advice is the project's own.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { renderFrame } from '../harness/codeFrame';
import { RULES_BY_ID } from '../../server/src/rules/index';
import { assertGolden } from '../harness/golden';
import { repoPath } from '../harness/repo';

interface Expectation {
  readonly line?: number;
  readonly ruleId: string;
  readonly absent: boolean;
  readonly why: string;
  readonly at: number;
}

/** Parses `<name>.expected`; throws on a malformed entry so a typo cannot pass silently. */
export function parseExpectations(text: string, file: string): Expectation[] {
  const out: Expectation[] = [];
  // A comment block justifies every entry that directly follows it; the next comment block starts a new one.
  let why: string[] = [];
  let afterEntry = false;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    if (line.startsWith('#')) {
      if (afterEntry) why = [];
      afterEntry = false;
      why.push(line.replace(/^#\s?/, ''));
      return;
    }
    afterEntry = true;
    const entry = /^(?:(\d+)|!)\s+([a-z][a-z0-9-]*)$/.exec(line);
    if (!entry) throw new Error(`${file}:${index + 1}: expected "<line> <rule-id>" or "! <rule-id>", got "${line}"`);
    const ruleId = entry[2]!;
    out.push({
      ...(entry[1] !== undefined ? { line: Number(entry[1]) } : {}),
      ruleId,
      absent: entry[1] === undefined,
      why: why.join(' '),
      at: index + 1,
    });
  });
  return out;
}

const CORPUS = repoPath('test', 'corpus');
const PLANS = readdirSync(CORPUS).filter((f) => f.endsWith('.crmteam.yaml')).sort();

test('the corpus has the five kinds of plan', () => {
  assert.deepEqual(PLANS.map((f) => f.replace('.crmteam.yaml', '')), [
    'bank-marketing-pilot', 'global-rollout-14-countries', 'hosted-minimal-small-company', 'inhouse-build-midsize',
    'operation-phase',
  ]);
});

test('the expectation format rejects malformed entries and keeps justifications with their entry', () => {
  assert.throws(() => parseExpectations('# why\n12it-owner-required\n', 'x'), /expected/);
  const parsed = parseExpectations('# first (000)\n3 a-b\n4 a-c\n\n# second, our own advice\n! c-d\n', 'x');
  assert.deepEqual(parsed.map((e) => [e.line, e.ruleId, e.absent, e.why]), [
    [3, 'a-b', false, 'first (000)'], [4, 'a-c', false, 'first (000)'], [undefined, 'c-d', true, 'second, our own advice'],
  ]);
  assert.equal(parseExpectations('3 a-b\n', 'x')[0]?.why, '', 'an entry without a comment has no justification');
});

describe('realistic plans get exactly the findings the articles support', () => {
  for (const file of PLANS) {
    const name = file.replace('.crmteam.yaml', '');
    test(name, () => {
      const text = readFileSync(`${CORPUS}/${file}`, 'utf8');
      const expectations = parseExpectations(readFileSync(`${CORPUS}/${name}.expected`, 'utf8'), `${name}.expected`);
      const analysis = analyze(text);

      for (const e of expectations) {
        assert.ok(RULES_BY_ID.has(e.ruleId), `${name}.expected:${e.at}: unknown rule ${e.ruleId}`);
        assert.match(e.why, /\b00[0-4]\b|our own|project's own/, `${name}.expected:${e.at}: ${e.ruleId} needs a justification naming an article or saying it is our own advice`);
      }

      const actual = analysis.findings.map((f) => `${analysis.lines.position(f.range.start).line + 1} ${f.ruleId}`).sort();
      const expected = expectations.filter((e) => !e.absent).map((e) => `${e.line} ${e.ruleId}`).sort();
      assert.deepEqual(actual, expected, `${name}: findings differ from ${name}.expected (actual first)`);

      for (const e of expectations.filter((x) => x.absent)) {
        assert.ok(!analysis.findings.some((f) => f.ruleId === e.ruleId), `${name}: ${e.ruleId} must not fire`);
      }

      assertGolden(`${CORPUS}/${name}.snap`, analysis.findings.map((f) => renderFrame(file, analysis.lines, f)).join('\n\n') + '\n');
    });
  }
});
