// Rules about several files (the cross-plan rules and `config`) against their fixture folders: each
// test/rules/<id>/invalid.yaml and valid.yaml holds a folder, every file starting with a `# file: path` line.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { applyFixes } from '../../server/src/core/applyFixes';
import type { Finding } from '../../server/src/core/finding';
import { renderFrame } from '../harness/codeFrame';
import { LineIndex } from '../../server/src/core/lines';
import { RULES } from '../../server/src/rules/index';
import { checkFolder, splitFolderText } from '../../server/src/scope/folder';
import { assertGolden } from '../harness/golden';
import { repoPath } from '../harness/repo';

function findingsIn(text: string, id: string): [string, Finding[]][] {
  const { findings } = checkFolder(splitFolderText(text));
  return [...findings].map(([file, list]): [string, Finding[]] => [file, list.filter((f) => f.ruleId === id)]).filter(([, list]) => list.length > 0);
}

function snapshotFolder(text: string, id: string): string {
  const files = splitFolderText(text);
  // Related places name files relative to the configuration's folder; in these fixtures that is the root or `sub/`.
  const linesOf = (from: string) => (file: string) => {
    const dir = from.includes('/') ? from.slice(0, from.lastIndexOf('/') + 1) : '';
    const text = files.get(file) ?? files.get(dir + file) ?? files.get(file.replace(/^[^/]+\//, ''));
    return text === undefined ? undefined : new LineIndex(text);
  };
  return findingsIn(text, id)
    .flatMap(([file, list]) => list.map((f) => renderFrame(file, new LineIndex(files.get(file)!), f, linesOf(file))))
    .join('\n\n') + '\n';
}

for (const rule of RULES.filter((r) => r.meta.scope !== undefined)) {
  const id = rule.meta.id;
  const dir = repoPath('test', 'rules', id);
  describe(`rule ${id} (several files)`, () => {
    test('the documented bad example fires and the good one does not', () => {
      assert.ok(findingsIn(rule.meta.docs.bad, id).length > 0, 'bad example does not fire');
      assert.deepEqual(findingsIn(rule.meta.docs.good, id), [], 'good example fires');
    });

    test('fires on the invalid.yaml folder at the expected places (invalid.snap)', () => {
      const text = readFileSync(`${dir}/invalid.yaml`, 'utf8');
      assert.ok(findingsIn(text, id).length > 0, 'invalid.yaml has no finding');
      assertGolden(`${dir}/invalid.snap`, snapshotFolder(text, id));
    });

    test('does not fire on the near-miss valid.yaml folder', () => {
      const text = readFileSync(`${dir}/valid.yaml`, 'utf8');
      assert.deepEqual(findingsIn(text, id).map(([file, list]) => [file, list.map((f) => f.message)]), []);
    });

    test('every offered fix removes its finding', () => {
      const text = readFileSync(`${dir}/invalid.yaml`, 'utf8');
      const files = splitFolderText(text);
      for (const [file, list] of findingsIn(text, id)) {
        for (const finding of list) {
          for (const fix of finding.fixes) {
            const changed = new Map(files);
            changed.set(file, applyFixes(files.get(file)!, [fix]));
            const after = checkFolder(changed).findings.get(file)!.filter((f) => f.ruleId === id && f.message === finding.message);
            assert.ok(after.length < list.filter((f) => f.message === finding.message).length, `fix "${fix.title}" did not remove its finding in ${file}`);
          }
        }
      }
    });
  });
}
