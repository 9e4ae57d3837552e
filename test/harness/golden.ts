// Compares output with a golden file; `UPDATE_GOLDEN=1 npm test` rewrites the goldens instead.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function assertGolden(path: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  // A missing golden is a failure, not a silent first write: otherwise a test could never fail on a new fixture.
  assert.ok(existsSync(path), `golden file ${path} is missing; run UPDATE_GOLDEN=1 npm test and review it`);
  assert.equal(actual, readFileSync(path, 'utf8'), `output differs from ${path} (UPDATE_GOLDEN=1 rewrites it)`);
}
