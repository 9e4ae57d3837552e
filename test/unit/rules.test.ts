// Every rule against its fixtures (test/rules/<id>/): fires where its page says, not on the near miss, fixes well.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { applyFixes } from '../../server/src/core/applyFixes';
import { RULES } from '../../server/src/rules/index';
import { assertGolden } from '../harness/golden';
import { comments, findingsOf, fixedText, isSuppression, snapshot } from '../harness/check';
import { repoPath } from '../harness/repo';

// Rules about several files (a scope's plans, the configuration) have their own test: scopeRules.test.ts.
for (const rule of RULES.filter((r) => r.meta.scope === undefined)) {
  const id = rule.meta.id;
  const dir = repoPath('test', 'rules', id);
  describe(`rule ${id}`, () => {
    test('the documented bad example fires and the good one does not', () => {
      assert.ok(findingsOf(analyze(rule.meta.docs.bad), id).length > 0, 'bad example does not fire');
      assert.deepEqual(findingsOf(analyze(rule.meta.docs.good), id).map((f) => f.message), [], 'good example fires');
    });

    test('fires on invalid.yaml at the expected places (invalid.snap)', () => {
      const text = readFileSync(`${dir}/invalid.yaml`, 'utf8');
      assert.ok(findingsOf(analyze(text), id).length > 0, 'invalid.yaml has no finding');
      assertGolden(`${dir}/invalid.snap`, snapshot('invalid.yaml', text, id));
    });

    test('does not fire on the near miss valid.yaml', () => {
      const text = readFileSync(`${dir}/valid.yaml`, 'utf8');
      assert.deepEqual(findingsOf(analyze(text), id).map((f) => f.message), []);
    });

    test('every offered fix parses, keeps every comment (own-line and end-of-line) and removes its finding', () => {
      const text = readFileSync(`${dir}/invalid.yaml`, 'utf8');
      const before = findingsOf(analyze(text), id);
      // Only the fix for an unused suppression may change a suppression comment (it removes the id or the comment).
      const kept = (t: string) => comments(t).filter((c) => id !== 'unused-suppression' || !isSuppression(c));
      for (const finding of before) {
        for (const fix of finding.fixes) {
          const after = applyFixes(text, [fix]);
          const analysis = analyze(after);
          const syntaxBefore = findingsOf(analyze(text), 'yaml-syntax').length;
          assert.equal(findingsOf(analysis, 'yaml-syntax').length, syntaxBefore, `fix "${fix.title}" broke the YAML:\n${after}`);
          assert.deepEqual(kept(after), kept(text), `fix "${fix.title}" lost or moved a comment:\n${after}`);
          const remaining = findingsOf(analysis, id);
          // This finding is gone: fewer findings with its message than before (another finding's removal does not
          // count), and fewer of this rule in all (a fix that only changes what the message says does not count).
          const same = (list: typeof before) => list.filter((f) => f.message === finding.message).length;
          assert.ok(same(remaining) < same(before) && remaining.length < before.length,
            `fix "${fix.title}" did not remove its finding:\n${after}`);
        }
      }
    });

    if (rule.meta.fixable === 'safe') {
      test('safe fixes give invalid.fixed.yaml', () => {
        const text = readFileSync(`${dir}/invalid.yaml`, 'utf8');
        assertGolden(`${dir}/invalid.fixed.yaml`, fixedText(text, id));
      });
    }

    test('has its fixture folder', () => {
      assert.ok(existsSync(`${dir}/invalid.yaml`) && existsSync(`${dir}/valid.yaml`));
    });
  });
}
