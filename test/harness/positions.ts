// The inputs on which `yaml`'s LineCounter misses line breaks (2 of the 406 YAML Test Suite inputs), and an
// independent way to place an offset: the LSP text document's own line arithmetic, which our LineIndex must match.

import { readFileSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { repoPath } from './repo';

export interface PositionCase {
  readonly name: string;
  readonly text: string;
  /** A finding that must be reported exactly here (1-based line and column), by rule id and message start. */
  readonly expected: { readonly ruleId: string; readonly message: RegExp; readonly line: number; readonly column: number };
}

function suiteInput(id: string): string {
  const suite = JSON.parse(readFileSync(repoPath('test/fixtures/yaml-test-suite.json'), 'utf8')) as { cases: { id: string; yaml: string }[] };
  const found = suite.cases.find((c) => c.id === id);
  if (!found) throw new Error(`YAML Test Suite input ${id} is missing`);
  return found.yaml;
}

// Each input is followed by a second document, whose finding lies after the line breaks the LineCounter misses (the
// inputs' own findings all come before them).
const SECOND_DOCUMENT = '--- \ncrmteam: 1\n';

export const POSITION_CASES: readonly PositionCase[] = [
  {
    // A quoted scalar that runs over a `...` line: the LineCounter skips the line break after `... x`.
    name: '9MQT/01, then a second document',
    text: `${suiteInput('9MQT/01')}${SECOND_DOCUMENT}`,
    expected: { ruleId: 'yaml-syntax', message: /second document/, line: 4, column: 1 },
  },
  {
    // A flow list indented with a tab: the LineCounter skips the line breaks inside it.
    name: 'Y79Y/03, then a second document',
    text: `${suiteInput('Y79Y/03')}${SECOND_DOCUMENT}`,
    expected: { ruleId: 'yaml-syntax', message: /second document/, line: 5, column: 1 },
  },
];

/** 0-based position of an offset, by the text document (not by the code under test). */
export function oraclePosition(text: string, offset: number): { line: number; character: number } {
  return TextDocument.create('file:///oracle', 'yaml', 0, text).positionAt(offset);
}
