// The one line index of a text: where each line starts, and offsets ⇄ 0-based (line, character) positions in UTF-16
// code units. Built once per analysed text (`Analysis.lines`) and used for every position anyone shows: CLI output,
// suppressions, "ignore on this line", the language server's conversions, completion's line reading.
//
// Lines end at `\n`, `\r\n` or a lone `\r`, as in LSP and the editors, so the CLI and the editor name the same line.
// `yaml`'s own `LineCounter` is not used: it misses line breaks in some malformed input (a quoted scalar running over
// a `...` document end marker, for one), where it would place findings on lines that do not hold them.

export interface LinePosition {
  readonly line: number;
  readonly character: number;
}

export class LineIndex {
  /** The offset where each line starts; the first is 0. */
  readonly starts: readonly number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 /* \n */) {
        starts.push(i + 1);
      } else if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The 0-based line holding `offset` (clamped to the text). */
  lineOf(offset: number): number {
    const target = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= target) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The offset where `line` starts; the end of the text for a line past the last. */
  lineStart(line: number): number {
    if (line < 0) return 0;
    return this.starts[line] ?? this.text.length;
  }

  /** The offset where `line`'s content ends, before its line break. */
  lineEnd(line: number): number {
    if (line < 0) return 0;
    const start = this.lineStart(line);
    const next = this.starts[line + 1];
    return next === undefined ? this.text.length : this.beforeBreak(next, start);
  }

  /** The text of `line` without its line break. */
  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  /** The position of an offset; an offset inside a `\r\n` counts as the end of its line's content. */
  position(offset: number): LinePosition {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(clamped);
    const start = this.starts[line]!;
    return { line, character: this.beforeBreak(clamped, start) - start };
  }

  /**
   * The offset of a position, clamped as LSP clamps it: a line past the last is the end of the text, a character
   * past the line's end is the line's end (before its break).
   */
  offset(position: LinePosition): number {
    if (position.line >= this.starts.length) return this.text.length;
    if (position.line < 0) return 0;
    const start = this.starts[position.line]!;
    if (position.character <= 0) return start;
    const next = this.starts[position.line + 1] ?? this.text.length;
    return this.beforeBreak(Math.min(start + position.character, next), start);
  }

  private beforeBreak(offset: number, lineStart: number): number {
    let at = offset;
    while (at > lineStart && isBreak(this.text.charCodeAt(at - 1))) at--;
    return at;
  }
}

function isBreak(code: number): boolean {
  return code === 10 || code === 13;
}
