// Whether a job title names the top IT job (docs/format.md, "head of IT"): one test for `cio-day-to-day` and
// `cio-in-selection`. The list of titles is exhaustive; an `IT Manager` is not the head of IT.

/** The titles, as words; `\s+` joins them, so any spacing and line breaks match. */
const TITLES: readonly string[] = [
  'chief information officer',
  'chief technology officer',
  'cio',
  'cto',
  'it director',
  'director of it',
  'director of information technology',
  'head of it',
  'head of information technology',
  'vp it',
  'vp of it',
  'vp information technology',
  'vp of information technology',
  'vice president of it',
  'vice president of information technology',
];

// ASCII word boundaries: `(?<![A-Za-z0-9_])` and `(?![A-Za-z0-9_])` rather than `\b`, which the `i` flag leaves ASCII
// anyway but which reads less plainly.
const TITLE_PATTERN = new RegExp(
  `(?<![A-Za-z0-9_])(?:${TITLES.map((t) => t.split(' ').join('\\s+')).join('|')})(?![A-Za-z0-9_])`,
  'gi',
);

/** A word anywhere before the title that makes it someone else's job: `Deputy CIO`, `Assistant to the CIO`. */
const NOT_THE_HEAD_BEFORE = /(?<![A-Za-z0-9_])(?:deputy|assistant|associate|former|office\s+of\s+the|to\s+the)(?![A-Za-z0-9_])/i;

/**
 * What may follow the title: the end, a separator after which a new title may start (`,` `(` `/` `&` `-`, dashes), the
 * word `and`, or punctuation that does not go on with a word. Another word (`Director of IT Operations`) makes it a
 * different, narrower title.
 */
function endsTheTitle(rest: string): boolean {
  const after = rest.replace(/^\s+/, '');
  if (after === '') return true;
  if (/^and(?![A-Za-z0-9_])/i.test(after) && after !== rest) return true;
  // A word, or a possessive or contraction glued to the title (`Head of IT's office`), goes on with the title.
  return !/^[A-Za-z0-9_]/.test(after) && !/^['’][A-Za-z]/.test(after);
}

/** Whether `title` names the head of IT: one of the titles, whole words, any case, not a deputy's or assistant's. */
export function isHeadOfItTitle(title: string): boolean {
  TITLE_PATTERN.lastIndex = 0;
  for (let match = TITLE_PATTERN.exec(title); match !== null; match = TITLE_PATTERN.exec(title)) {
    const start = match.index;
    const end = start + match[0].length;
    // Overlapping candidates are tried too (`Director of IT Director`): the next search starts one character on.
    TITLE_PATTERN.lastIndex = start + 1;
    if (NOT_THE_HEAD_BEFORE.test(title.slice(0, start))) continue;
    if (endsTheTitle(title.slice(end))) return true;
  }
  return false;
}
