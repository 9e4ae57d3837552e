// The one place where engine offsets become LSP positions and back (ARCHITECTURE.md, "Invariants"). Everything inside the
// server speaks `[start, end)` UTF-16 offsets; the analysed text's `LineIndex` (core/lines.ts) does the line
// arithmetic, CRLF and all, exactly as the CLI does it.

import type { Position, Range } from 'vscode-languageserver';
import type { OffsetRange } from '../core/finding';
import type { LineIndex } from '../core/lines';
import type { Settings } from '../common/settings';
import type { FeatureContext } from '../features/context';

export function rangeOf(lines: LineIndex, range: OffsetRange): Range {
  return { start: lines.position(range.start), end: lines.position(range.end) };
}

export function offsetRangeOf(lines: LineIndex, range: Range): OffsetRange {
  const start = lines.offset(range.start);
  const end = lines.offset(range.end);
  return start <= end ? { start, end } : { start: end, end: start };
}

/** The document an analysis was made from, as far as features need it. */
export interface AnalysedDocument {
  readonly uri: string;
  readonly version: number;
  /** The line index of the analysed text (`Analysis.lines`). */
  readonly lines: LineIndex;
}

/** The conversion functions and settings a feature needs, bound to one document version. */
export function featureContext(document: AnalysedDocument, settings: Settings, docsBase: string): FeatureContext {
  const { lines } = document;
  return {
    uri: document.uri,
    version: document.version,
    docsBase,
    settings,
    positionAt: (offset): Position => lines.position(offset),
    offsetAt: (position) => lines.offset(position),
    rangeOf: (range) => rangeOf(lines, range),
  };
}
