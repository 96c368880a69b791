import type { WideAreaGroup } from '../regions.ts';
import type { Profile } from '../types.ts';

/**
 * Whose figures a reader may see, as the API decides it (shared/metrics/access.ts, which the web does not
 * import: it carries the whole regions table): a staff member's own region and the regions inside it — a
 * prefecture's municipalities and the wide-area groups lying in it, a group's members — and, for operators,
 * every region. The pickers offer only these; the API checks the same.
 */
export function mayRead(
  reader: Pick<Profile, 'role' | 'regionCode'>,
  code: string,
  groups: readonly WideAreaGroup[],
): boolean {
  if (reader.role === 'operator') return /^\d{2}$|^\d{5}$/.test(code) || groups.some((g) => g.code === code);
  const own = reader.role === 'region_staff' ? reader.regionCode : undefined;
  if (!own) return false;
  if (code === own) return true;
  if (/^\d{2}$/.test(own))
    return (
      (/^\d{5}$/.test(code) && code.startsWith(own)) ||
      groups.some((g) => g.code === code && g.prefectureCode === own)
    );
  return groups.find((g) => g.code === own)?.municipalityCodes.includes(code) ?? false;
}

/** Whether the reader may see the figures of a region at all (region staff with a region, and operators). */
export const readsFigures = (reader: Pick<Profile, 'role' | 'regionCode'>) =>
  reader.role === 'operator' || (reader.role === 'region_staff' && Boolean(reader.regionCode));
