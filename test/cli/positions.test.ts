// Every finding's line and column in the CLI's output are where the finding is, also on the malformed inputs where
// `yaml`'s LineCounter misses line breaks (test/harness/positions.ts).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { oraclePosition, POSITION_CASES } from '../harness/positions';
import { repoPath } from '../harness/repo';

interface JsonFinding { ruleId: string; message: string; line: number; column: number; endLine: number; endColumn: number }

for (const c of POSITION_CASES) {
  test(`crmteam lint places every finding right: ${c.name}`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'crmteam-positions-'));
    const file = join(dir, 'plan.crmteam.yaml');
    writeFileSync(file, c.text);
    const r = spawnSync(process.execPath, [repoPath('bin/crmteam.js'), 'lint', '--format', 'json', file], { encoding: 'utf8' });
    const reported = (JSON.parse(r.stdout) as { messages: JsonFinding[] }[])[0]!.messages;
    const analysis = analyze(c.text);
    assert.equal(reported.length, analysis.findings.length);
    const lines = c.text.split(/\r\n|\r|\n/);
    analysis.findings.forEach((finding, i) => {
      const start = oraclePosition(c.text, finding.range.start);
      const end = oraclePosition(c.text, finding.range.end);
      const shown = reported[i]!;
      assert.equal(shown.ruleId, finding.ruleId);
      assert.deepEqual([shown.line, shown.column, shown.endLine, shown.endColumn], [start.line + 1, start.character + 1, end.line + 1, end.character + 1], `${finding.ruleId}: ${finding.message}`);
      assert.ok(shown.column - 1 <= lines[shown.line - 1]!.length, `column ${shown.column} is inside line ${shown.line}`);
    });
    const { ruleId, message, line, column } = c.expected;
    assert.ok(reported.some((f) => f.ruleId === ruleId && message.test(f.message) && f.line === line && f.column === column),
      `${ruleId} at ${line}:${column}; got ${reported.filter((f) => f.ruleId === ruleId).map((f) => `${f.line}:${f.column} ${f.message}`).join(' | ')}`);
  });
}
