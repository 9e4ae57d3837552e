// The mutations the fuzzers apply to plans, as fast-check arbitraries: line deletion, duplication and re-indentation,
// character flips, truncation, tabs, and words that are properties of every JavaScript object used as keys and ids.

import fc from 'fast-check';

export const OBJECT_WORDS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'] as const;

export type Mutation =
  | { readonly kind: 'delete-line' | 'duplicate-line'; readonly at: number }
  | { readonly kind: 'reindent'; readonly at: number; readonly by: number }
  | { readonly kind: 'flip'; readonly at: number; readonly bit: number }
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'tab'; readonly at: number }
  | { readonly kind: 'object-key'; readonly at: number; readonly word: number }
  | { readonly kind: 'object-id'; readonly at: number; readonly word: number };

const position = fc.nat({ max: 1_000_000 });
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete-line' as const, 'duplicate-line' as const), at: position }),
  fc.record({ kind: fc.constant('reindent' as const), at: position, by: fc.integer({ min: -4, max: 4 }) }),
  fc.record({ kind: fc.constant('flip' as const), at: position, bit: fc.nat({ max: 15 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({ kind: fc.constant('tab' as const), at: position }),
  fc.record({ kind: fc.constant('object-key' as const), at: position, word: fc.nat({ max: OBJECT_WORDS.length - 1 }) }),
  fc.record({ kind: fc.constant('object-id' as const), at: position, word: fc.nat({ max: OBJECT_WORDS.length - 1 }) }),
);

export function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const line = m.at % lines.length;
  const word = 'word' in m ? OBJECT_WORDS[m.word]! : '';
  switch (m.kind) {
    case 'delete-line':
      return [...lines.slice(0, line), ...lines.slice(line + 1)].join('\n');
    case 'duplicate-line':
      return [...lines.slice(0, line + 1), ...lines.slice(line)].join('\n');
    case 'reindent': {
      const current = lines[line]!;
      const next = m.by >= 0 ? ' '.repeat(m.by) + current : current.replace(new RegExp(`^ {0,${-m.by}}`), '');
      return [...lines.slice(0, line), next, ...lines.slice(line + 1)].join('\n');
    }
    case 'flip': {
      if (text.length === 0) return text;
      const at = m.at % text.length;
      return text.slice(0, at) + String.fromCharCode(text.charCodeAt(at) ^ (1 << m.bit)) + text.slice(at + 1);
    }
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'tab': {
      const at = m.at % (text.length + 1);
      return `${text.slice(0, at)}\t${text.slice(at)}`;
    }
    case 'object-key': {
      // A new key beside the keys of a line: `  __proto__: x` indented like that line.
      const indent = /^[ -]*/.exec(lines[line]!)?.[0].replace(/-/g, ' ') ?? '';
      return [...lines.slice(0, line + 1), `${indent}${word}: ${word}`, ...lines.slice(line + 1)].join('\n');
    }
    case 'object-id': {
      // An id (a key under people, or a reference) replaced: the first identifier-looking word of a line.
      const current = lines[line]!;
      const next = current.replace(/(?<=^[ -]*|[\[{,:] *)[a-z][a-z0-9._-]*(?=[:,\]}\s]|$)/, word);
      return [...lines.slice(0, line), next, ...lines.slice(line + 1)].join('\n');
    }
  }
}

