/**
 * Small cells (BRIEF 2.5): a table cell of 1 or 2 people could point at a person, so it is hidden; and when
 * the hidden cells could be worked out from the total and the cells shown (one hidden cell, or hidden cells
 * that can only be all 1s or all 2s), the next smallest shown cell is hidden too, as Japan's official
 * statistics do (一次秘匿・二次秘匿).
 */
export type Shown = { people: number | null; suppressed: boolean };

const isSmall = (n: number) => n === 1 || n === 2;

export function suppressSmallCells<T extends { people: number }>(
  cells: readonly T[],
): (Omit<T, 'people'> & Shown)[] {
  const hidden = new Set(cells.flatMap((c, i) => (isSmall(c.people) ? [i] : [])));
  const primary = new Set(hidden);
  while (hidden.size) {
    const values = [...hidden].map((i) => (cells[i] as T).people);
    const sum = values.reduce((a, b) => a + b, 0);
    const allPrimary = [...hidden].every((i) => primary.has(i));
    const derivable = hidden.size === 1 || (allPrimary && (sum === hidden.size || sum === 2 * hidden.size));
    if (!derivable) break;
    // The next smallest cell still shown (the first in table order among equals).
    let next = -1;
    cells.forEach((c, i) => {
      if (hidden.has(i) || c.people <= 0) return;
      if (next < 0 || c.people < (cells[next] as T).people) next = i;
    });
    if (next < 0) break;
    hidden.add(next);
  }
  return cells.map((c, i) =>
    hidden.has(i) ? { ...c, people: null, suppressed: true } : { ...c, suppressed: false },
  );
}
