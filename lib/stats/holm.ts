// Holm's (1979) step-down correction: controls the family-wise error over a set of tests (the items
// of one comparison) without Bonferroni's loss of power. Null p-values (no test) pass through.
export function holm(pValues: readonly (number | null)[]): (number | null)[] {
  const tested = pValues
    .map((p, i) => ({ p, i }))
    .filter((entry): entry is { p: number; i: number } => entry.p !== null)
    .sort((a, b) => a.p - b.p);
  const adjusted: (number | null)[] = pValues.map(() => null);
  let running = 0;
  tested.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (tested.length - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}
