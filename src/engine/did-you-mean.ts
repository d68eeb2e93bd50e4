/** Likely typos: known names close to an unknown one, by edit distance (Levenshtein), ignoring case. */

/** The known names at the smallest edit distance from `name`, if that distance is small for its length. */
export function closestNames(name: string, known: readonly string[]): string[] {
  const limit = Math.max(1, Math.min(3, Math.floor(name.length / 3)));
  let best: string[] = [];
  let bestDistance = limit + 1;
  for (const candidate of new Set(known)) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [[candidate], d];
    else if (d === bestDistance) best.push(candidate);
  }
  return best;
}

/** ` Did you mean "x"?` (or `"x" or "y"?`), or "" when nothing is close. */
export function didYouMean(name: string, known: readonly string[]): string {
  const close = closestNames(name, known).slice(0, 3);
  return close.length ? ` Did you mean ${close.map((c) => `"${c}"`).join(' or ')}?` : '';
}

/** The number of single-character insertions, deletions and substitutions that turn `a` into `b`. */
export function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length];
}
