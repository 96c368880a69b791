import type { User } from '../accounts/user.entity.ts';
import { now } from '../data/entity.ts';
import { ValidationError } from '../domain/errors.ts';
import { prefecture, region } from '../regions/index.ts';
import { requireFiguresReader } from './access.ts';
import type { RelationshipPopulationOut, RelationshipPopulationQuery } from './contract.ts';
import { figures, monthsToRead } from './figures.ts';
import { metrics } from './metrics.entity.ts';
import { addMonths, monthIndex, monthOf } from './months.ts';
import { MAX_PERIOD_MONTHS } from './rules.ts';

/** The period asked for: both months given, or the 12 months ending with `to` (default: this month). */
export function periodOf(query: Pick<RelationshipPopulationQuery, 'from' | 'to'>, at: string) {
  const to = query.to ?? (query.from ? addMonths(query.from, 11) : monthOf(at));
  const from = query.from ?? addMonths(to, -11);
  if (from > to)
    throw new ValidationError('`from` must not be after `to`.', [
      { path: 'from', message: '`from` must not be after `to`.' },
    ]);
  if (monthIndex(to) - monthIndex(from) + 1 > MAX_PERIOD_MONTHS)
    throw new ValidationError(`A period is at most ${MAX_PERIOD_MONTHS} months.`, [
      { path: 'to', message: `A period is at most ${MAX_PERIOD_MONTHS} months.` },
    ]);
  return { from, to };
}

/**
 * A region's relationship population in a period (BRIEF 2.5): its staff (or staff of a region containing
 * it) and operators only. Reads the region's month items of the period (and of the 12 months ending with it):
 * at most 36 items, whatever the activity behind them.
 */
export async function relationshipPopulation(
  reader: User,
  regionCode: string,
  query: Pick<RelationshipPopulationQuery, 'from' | 'to'>,
  at = now(),
): Promise<RelationshipPopulationOut> {
  requireFiguresReader(reader, regionCode);
  const period = periodOf(query, at);
  const { first, last } = monthsToRead(period);
  const { months } = await metrics.months(regionCode, first, last);
  const f = figures(months, period, monthOf(at));
  const r = region(regionCode) as NonNullable<ReturnType<typeof region>>;
  return {
    region: { code: r.code, kind: r.kind, name: r.name, nameEn: r.nameEn },
    ...f,
    byHomePrefecture: f.byHomePrefecture.map((c) => {
      const p = prefecture(c.prefectureCode);
      return {
        ...c,
        prefectureName: p?.name ?? c.prefectureCode,
        prefectureNameEn: p?.nameEn ?? c.prefectureCode,
      };
    }),
  };
}
