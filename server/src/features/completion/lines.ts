// The block structure of the lines around the cursor, read from the text. A half-typed line (`  itO`, `    - `)
// often does not parse into the node the user means, so the cursor line and the parent of a new line are read from
// indentation; the paths of existing keys still come from the document model whenever it knows them.

import type { LineIndex } from '../../core/lines';
import type { Path, PathSegment, YamlModel } from '../../model/yamlModel';

/** The shape of one line: indentation, `- ` markers and the block key it starts with. */
export interface LineShape {
  readonly start: number;
  readonly text: string;
  /** Columns of the `- ` markers at the start of the line. */
  readonly dashes: readonly number[];
  /** Column where the content after indentation and markers starts. */
  readonly contentCol: number;
  /** The block key (`key:` followed by a space or the end of the line). */
  readonly key?: string;
  /** Column just after the key's colon. */
  readonly afterColon?: number;
  /** Empty, or only a comment. */
  readonly blank: boolean;
}

const PLAIN_KEY = /^([^\s#{}[\],:"'&*!|>%@`-](?:[^#{}[\],:]*[^\s#{}[\],:])?|-[^\s#{}[\],:]+)[ \t]*:(?=[ \t]|$)/;
const QUOTED_KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')[ \t]*:(?=[ \t]|$)/;

export function shapeOf(text: string, start: number): LineShape {
  let col = 0;
  while (text[col] === ' ') col++;
  const dashes: number[] = [];
  while (text[col] === '-' && (col + 1 === text.length || text[col + 1] === ' ')) {
    dashes.push(col);
    col++;
    while (text[col] === ' ') col++;
  }
  const content = text.slice(col);
  const blank = dashes.length === 0 && (content.trim() === '' || content.startsWith('#'));
  const plain = PLAIN_KEY.exec(content);
  const quoted = plain ? undefined : QUOTED_KEY.exec(content);
  const match = plain ?? quoted;
  if (!match) return { start, text, dashes, contentCol: col, blank };
  const raw = match[1]!;
  const key = quoted ? raw.slice(1, -1).replace(raw.startsWith('"') ? /\\(.)/g : /''/g, raw.startsWith('"') ? '$1' : "'") : raw;
  return { start, text, dashes, contentCol: col, key, afterColon: col + match[0].length, blank };
}

/** The shapes of a model's lines, read on demand from the model's line index (core/lines.ts). */
const CACHE = new WeakMap<YamlModel, Lines>();

export class Lines {
  private readonly index: LineIndex;
  private readonly shapes = new Map<number, LineShape>();
  private readonly paths = new Map<number, Path>();

  constructor(private readonly model: YamlModel) {
    this.index = model.lines;
  }

  /** The lines of a model's text, read once per model (each completion request on one version reuses them). */
  static of(model: YamlModel): Lines {
    let lines = CACHE.get(model);
    if (!lines) {
      lines = new Lines(model);
      CACHE.set(model, lines);
    }
    return lines;
  }

  get text(): string {
    return this.index.text;
  }

  get count(): number {
    return this.index.lineCount;
  }

  lineOf(offset: number): number {
    return this.index.lineOf(offset);
  }

  lineStart(line: number): number {
    return this.index.lineStart(line);
  }

  textOf(line: number): string {
    return this.index.lineText(line);
  }

  shape(line: number): LineShape {
    let shape = this.shapes.get(line);
    if (!shape) {
      shape = shapeOf(this.textOf(line), this.index.lineStart(line));
      this.shapes.set(line, shape);
    }
    return shape;
  }

  /** The path of the key that starts line `line`: from the model when it agrees with the text, else from indentation. */
  keyPath(line: number): Path {
    const cached = this.paths.get(line);
    if (cached) return cached;
    const shape = this.shape(line);
    const key = shape.key ?? '';
    const location = this.model.locate(shape.start + shape.contentCol);
    let path: Path;
    if (location.on === 'key' && String(location.path[location.path.length - 1]) === key) {
      path = location.path;
    } else if (shape.dashes.length > 0) {
      path = [...this.itemPath(line, shape.dashes[shape.dashes.length - 1]!), key];
    } else {
      path = [...this.mappingParent(line, shape.contentCol), key];
    }
    this.paths.set(line, path);
    return path;
  }

  /** The mapping a key at column `col` of line `line` belongs to: the nearest less-indented key above, or a sibling's parent. */
  mappingParent(line: number, col: number): Path {
    for (let i = line - 1; i >= 0; i--) {
      const s = this.shape(i);
      if (s.blank) continue;
      if (s.key !== undefined && s.contentCol <= col) {
        return s.contentCol === col ? this.keyPath(i).slice(0, -1) : this.keyPath(i);
      }
      // `-` alone on its line opens an item whose mapping starts on the next line.
      if (s.key === undefined && s.dashes.length > 0 && s.contentCol === s.text.length && s.dashes[s.dashes.length - 1]! < col) {
        return this.itemPath(i, s.dashes[s.dashes.length - 1]!);
      }
      if (s.key === undefined && s.contentCol < col && s.dashes.length === 0) {
        // A lone word less indented than the cursor is a key still missing its colon: the parent the user means.
        const word = /^([A-Za-z_][\w.-]*)[ \t]*(#.*)?$/.exec(s.text.slice(s.contentCol))?.[1];
        if (word !== undefined) return [...this.mappingParent(i, s.contentCol), word];
      }
    }
    return [];
  }

  /** The path of the item whose `- ` marker is at column `dashCol` of line `line`: the list's path and the item index. */
  itemPath(line: number, dashCol: number): PathSegment[] {
    let index = 0;
    for (let i = line - 1; i >= 0; i--) {
      const s = this.shape(i);
      if (s.blank) continue;
      if (s.dashes[0] === dashCol) {
        index++;
        continue;
      }
      const indent = s.dashes[0] ?? s.contentCol;
      if (indent > dashCol) continue;
      if (s.key !== undefined && (s.contentCol < dashCol || (s.contentCol === dashCol && s.dashes.length === 0))) {
        return [...this.keyPath(i), index];
      }
      break;
    }
    return [index];
  }

  /** Keys already written in the block mapping of the key at column `col` on line `line` (excluding that line). */
  siblingKeys(line: number, col: number): string[] {
    const found: string[] = [];
    const visit = (i: number): boolean => {
      const s = this.shape(i);
      if (s.blank) return true;
      const indent = s.dashes[0] ?? s.contentCol;
      if (s.key !== undefined && s.contentCol === col) found.push(s.key);
      // A marker at or left of the column starts another item or leaves the mapping.
      if (s.dashes.length > 0 && s.dashes[s.dashes.length - 1]! < col && indent <= col) return false;
      return indent >= col;
    };
    for (let i = line - 1; i >= 0 && visit(i); i--);
    for (let i = line + 1; i < this.count; i++) {
      const s = this.shape(i);
      if (!s.blank && s.dashes.length > 0 && s.dashes[0]! < col) break;
      if (!visit(i)) break;
    }
    return found;
  }
}
