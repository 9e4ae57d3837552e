// Diagnostics carry the right ranges over LSP on the malformed inputs where `yaml`'s LineCounter misses line
// breaks (test/harness/positions.ts): the server converts with the same line index as the CLI.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { oraclePosition, POSITION_CASES } from '../harness/positions';
import { LspPair } from './lspPair';

for (const c of POSITION_CASES) {
  test(`diagnostics are placed right: ${c.name}`, async () => {
    const pair = await LspPair.start();
    try {
      const uri = 'file:///plans/positions.crmteam.yaml';
      await pair.open(uri, c.text);
      const items = await pair.pullItems(uri);
      const findings = analyze(c.text).findings;
      assert.equal(items.length, findings.length);
      const expected = findings.map((f) => `${f.ruleId} ${JSON.stringify({ start: oraclePosition(c.text, f.range.start), end: oraclePosition(c.text, f.range.end) })}`).sort();
      const got = items.map((d) => `${String(d.code)} ${JSON.stringify(d.range)}`).sort();
      assert.deepEqual(got, expected);
      const { ruleId, line, column } = c.expected;
      assert.ok(items.some((d) => d.code === ruleId && d.range.start.line === line - 1 && d.range.start.character === column - 1));
    } finally {
      await pair.dispose();
    }
  });
}
