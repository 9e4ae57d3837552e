// Suppression comments find their line with the one line index, also on the malformed inputs where `yaml`'s
// LineCounter misses line breaks (test/harness/positions.ts): the comment applies to the line the user sees below it.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { oraclePosition, POSITION_CASES } from '../harness/positions';

test('a disable-next-line comment inside a tab-indented flow list applies to the line below it', () => {
  // Y79Y/03 with a comment after its third line: the LineCounter missed two line breaks before it.
  const text = '- [\n\tfoo,\n foo, # crmteam-disable-next-line yaml-syntax\n bar,\n ]\n';
  const [suppression] = analyze(text).suppressions;
  assert.ok(suppression);
  const commentLine = oraclePosition(text, suppression.range.start).line;
  assert.equal(commentLine, 2);
  // `line` is the 0-based line the comment silences.
  assert.equal(suppression.line, commentLine + 1);
});

test('findings on the last line of the inputs are silenced by a comment right above it', () => {
  for (const c of POSITION_CASES) {
    const lines = c.text.replace(/\n$/, '').split('\n');
    const last = lines.length - 1;
    const ids = [...new Set(analyze(c.text).findings.filter((f) => oraclePosition(c.text, f.range.start).line === last).map((f) => f.ruleId))];
    if (ids.length === 0) continue;
    const text = [...lines.slice(0, last), `# crmteam-disable-next-line ${ids.join(', ')}`, lines[last]].join('\n');
    const after = analyze(text);
    assert.deepEqual(after.findings.filter((f) => oraclePosition(text, f.range.start).line === last + 1).map((f) => f.ruleId), [], c.name);
  }
});
