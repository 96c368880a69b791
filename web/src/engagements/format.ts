import { useTranslation } from 'react-i18next';

const jpy = new Intl.NumberFormat('ja-JP', { style: 'currency', currency: 'JPY' });

/**
 * ¥50,000: Intl's ja-JP yen, with the half-width sign the rest of the app (and the CSV) writes
 * where ICU gives the full-width one (￥).
 */
export function yen(amount: number): string {
  return jpy
    .formatToParts(amount)
    .map((p) => (p.type === 'currency' ? '¥' : p.value))
    .join('');
}

/** Dates and months of engagements and invoices as the current language writes them. */
export function useMoneyFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'ja-JP';
  return {
    yen,
    percent: (value: number) =>
      `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value)}%`,
    date: (iso: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'Asia/Tokyo' }).format(new Date(iso)),
    /** "2026-11" → 2026年11月, or Nov 2026. */
    month: (yyyyMm: string) => {
      const [y, m] = yyyyMm.split('-').map(Number);
      if (!y || !m) return yyyyMm;
      return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(
        new Date(Date.UTC(y, m - 1, 1)),
      );
    },
  };
}
