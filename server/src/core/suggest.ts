// Edit distance and "did you mean" suggestions, shared by schema findings (keys, enum values) and person references.

/**
 * Optimal-string-alignment distance (Levenshtein plus the swap of two neighbouring characters, so
 * `onwer` is one edit from `owner`). Counts Unicode code points, not UTF-16 units, and is case-sensitive.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const s = Array.from(a);
  const t = Array.from(b);
  if (s.length === 0) return t.length;
  if (t.length === 0) return s.length;
  // Three rolling rows: the one before the previous row is needed for transpositions.
  let older: number[] = new Array<number>(t.length + 1).fill(0);
  let prev: number[] = Array.from({ length: t.length + 1 }, (_, j) => j);
  let cur: number[] = new Array<number>(t.length + 1).fill(0);
  for (let i = 1; i <= s.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        best = Math.min(best, older[j - 2]! + 1);
      }
      cur[j] = best;
    }
    [older, prev, cur] = [prev, cur, older];
  }
  return prev[t.length]!;
}

/**
 * The candidates within `maxDistance` edits of `word`, best first. Case is ignored when measuring
 * (so `Medium` is 0 edits from `medium`), then the case-sensitive distance breaks ties, then the
 * alphabet. Duplicate candidates are returned once.
 */
export function closest(word: string, candidates: Iterable<string>, maxDistance = 2): string[] {
  const lower = word.toLowerCase();
  const scored: { candidate: string; folded: number; exact: number }[] = [];
  const seen = new Set<string>();
  for (const candidate of candidates) {
    if (seen.has(candidate)) continue;
    seen.add(candidate);
    const folded = editDistance(lower, candidate.toLowerCase());
    if (folded > maxDistance) continue;
    scored.push({ candidate, folded, exact: editDistance(word, candidate) });
  }
  scored.sort((x, y) =>
    x.folded - y.folded || x.exact - y.exact || (x.candidate < y.candidate ? -1 : x.candidate > y.candidate ? 1 : 0));
  return scored.map((s) => s.candidate);
}
