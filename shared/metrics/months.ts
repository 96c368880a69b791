/** Calendar months as the figures count them: `YYYY-MM`, in Japan time. */

export const monthIndex = (month: string): number =>
  Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

export const monthAt = (index: number): string =>
  `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

export const addMonths = (month: string, n: number): string => monthAt(monthIndex(month) + n);

/** The month (Japan time) of an instant. */
export const monthOf = (iso: string): string =>
  new Date(new Date(iso).getTime() + 9 * 3_600_000).toISOString().slice(0, 7);

/** Every month from `from` to `to`, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i++) out.push(monthAt(i));
  return out;
}

export const yearOfIndex = (index: number): number => Math.floor(index / 12);
