// The line index against the LSP text document's own arithmetic, on every YAML Test Suite input with LF, CRLF and
// lone CR line ends: every offset to a position, and positions (including out-of-range ones) back to offsets.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../../../server/src/core/lines';
import { repoPath } from '../../harness/repo';

const suite = (JSON.parse(readFileSync(repoPath('test/fixtures/yaml-test-suite.json'), 'utf8')) as { cases: { id: string; yaml: string }[] }).cases;

test('LineIndex places offsets and positions exactly as an LSP text document does (LF, CRLF, CR)', () => {
  let checked = 0;
  for (const c of suite) {
    for (const text of [c.yaml, c.yaml.replace(/\n/g, '\r\n'), c.yaml.replace(/\n/g, '\r'), `${c.yaml}\r\n\r`]) {
      const document = TextDocument.create('file:///x', 'yaml', 0, text);
      const lines = new LineIndex(text);
      assert.equal(lines.lineCount, document.lineCount, c.id);
      for (let offset = -1; offset <= text.length + 1; offset++) {
        assert.deepEqual(lines.position(offset), document.positionAt(offset), `${c.id} offset ${offset}`);
      }
      for (let line = -1; line <= lines.lineCount; line++) {
        for (const character of [-1, 0, 1, 3, 200]) {
          assert.equal(lines.offset({ line, character }), document.offsetAt({ line, character }), `${c.id} ${line}:${character}`);
        }
        if (line >= 0 && line < lines.lineCount) {
          const range = document.getText({ start: { line, character: 0 }, end: { line, character: Number.MAX_SAFE_INTEGER } });
          assert.equal(lines.lineText(line), range, `${c.id} text of line ${line}`);
        }
      }
      checked++;
    }
  }
  assert.equal(checked, suite.length * 4);
});
