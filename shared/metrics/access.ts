import type { User } from '../accounts/user.entity.ts';
import { ForbiddenError } from '../domain/errors.ts';
import { municipality, region, wideAreaGroup } from '../regions/index.ts';

/**
 * Whether region `outer` contains region `inner`: a prefecture its municipalities and the wide-area groups
 * that lie in it, a group its members, every region itself.
 */
export function regionIncludes(outer: string, inner: string): boolean {
  if (outer === inner) return true;
  const o = region(outer);
  const i = region(inner);
  if (!o || !i) return false;
  if (o.kind === 'prefecture') {
    if (i.kind === 'municipality') return municipality(inner)?.prefectureCode === outer;
    if (i.kind === 'group') return wideAreaGroup(inner)?.prefectureCode === outer;
    return false;
  }
  if (o.kind === 'group' && i.kind === 'municipality')
    return wideAreaGroup(outer)?.municipalityCodes.includes(inner) ?? false;
  return false;
}

/** Staff read their own region's figures and those of the regions inside it; operators read every region's. */
export function mayReadFigures(reader: Pick<User, 'role' | 'regionCode'>, regionCode: string): boolean {
  if (reader.role === 'operator') return true;
  return (
    reader.role === 'region_staff' && !!reader.regionCode && regionIncludes(reader.regionCode, regionCode)
  );
}

export function requireFiguresReader(reader: Pick<User, 'role' | 'regionCode'>, regionCode: string): void {
  if (!mayReadFigures(reader, regionCode))
    throw new ForbiddenError('You can read the figures of your own region and the regions inside it only.');
}
