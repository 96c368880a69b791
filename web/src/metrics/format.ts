import { useTranslation } from 'react-i18next';
import { useFormat } from '../format.ts';
import type { Period } from './period.ts';
import { periodLength } from './period.ts';

/** The app's formatter (web/src/format.ts) and what the figures need besides: counts, shares, periods. */
export function useFiguresFormat() {
  const f = useFormat();
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'ja-JP';
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  return {
    ...f,
    /** 1,234 */
    count: (n: number) => whole.format(n),
    /** 1.25 */
    decimal: (n: number) => decimal.format(n),
    /** A share of 0–1 as a percentage to one decimal (66.7%); "—" where there is nothing to divide. */
    share: (s: number | null) => (s === null ? t('metrics.noShare') : f.percent(Math.round(s * 1000) / 10)),
    /**
     * The counter word Japanese writes after a count (人, 件); English writes none (an empty translation
     * would fall back to Japanese, so the language decides here).
     */
    counter: (unit: 'people' | 'cases') => (i18n.language === 'en' ? '' : t(`metrics.units.${unit}`)),
    /** 2025年4月〜2026年3月（12か月）, or April 2025 – March 2026 (12 months). */
    period: (p: Period) =>
      t('metrics.periodRange', { from: f.month(p.from), to: f.month(p.to), count: periodLength(p) }),
  };
}
