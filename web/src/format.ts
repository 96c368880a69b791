import { useTranslation } from 'react-i18next';

/** Every date the app shows is a date in Japan, wherever the browser is: the marketplace runs on Japan's calendar. */
const TIME_ZONE = 'Asia/Tokyo';

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

type Place = {
  municipalityName: string;
  municipalityNameEn: string;
  prefectureName: string;
  prefectureNameEn: string;
};

/** Money, hours, places, dates and months as the current language writes them; dates in Japan's time zone. */
export function useFormat() {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const locale = english ? 'en-GB' : 'ja-JP';
  return {
    yen,
    /** ¥50,000/月, or ¥50,000 a month. */
    fee: (amount: number) => t('projects.feePerMonth', { fee: yen(amount) }),
    percent: (value: number) =>
      `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value)}%`,
    hours: (count: number) => t('projects.hoursPerMonth', { count }),
    duration: (count: number) => t('projects.durationMonths', { count }),
    applicants: (count: number) => t('projects.applicantCount', { count }),
    /** 鳥取県 湯梨浜町, or Yurihama-cho, Tottori. */
    region: (p: Place) =>
      english
        ? `${p.municipalityNameEn}, ${p.prefectureNameEn}`
        : `${p.prefectureName} ${p.municipalityName}`,
    /** 2026/07/09, or 9 Jul 2026: the day in Japan. */
    date: (iso: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: TIME_ZONE }).format(new Date(iso)),
    /** The day in long form (2026年7月9日, or 9 July 2026), in Japan. */
    longDate: (iso: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: TIME_ZONE }).format(new Date(iso)),
    /** Day and time, in Japan. */
    dateTime: (iso: string) =>
      new Intl.DateTimeFormat(locale, {
        dateStyle: 'medium',
        timeStyle: 'medium',
        timeZone: TIME_ZONE,
      }).format(new Date(iso)),
    /** Day and time to the minute, in Japan: 2026/07/09 13:00, or 9 Jul 2026, 13:00. */
    dateTimeShort: (iso: string) =>
      new Intl.DateTimeFormat(locale, {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: TIME_ZONE,
      }).format(new Date(iso)),
    /**
     * When something happens, from its start to its end, in Japan: 2026/7/9(木) 13:00〜16:00 (the day
     * written once when both are on it), or Thu, 9 Jul 2026, 13:00–16:00.
     */
    span: (startIso: string, endIso: string) => {
      const day = new Intl.DateTimeFormat(locale, {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        weekday: 'short',
        timeZone: TIME_ZONE,
      });
      const time = new Intl.DateTimeFormat(locale, {
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone: TIME_ZONE,
      });
      const [start, end] = [new Date(startIso), new Date(endIso)];
      const dash = english ? '–' : '〜';
      const sep = english ? ', ' : ' ';
      if (day.format(start) === day.format(end))
        return `${day.format(start)}${sep}${time.format(start)}${dash}${time.format(end)}`;
      return `${day.format(start)}${sep}${time.format(start)} ${dash} ${day.format(end)}${sep}${time.format(end)}`;
    },
    /**
     * "2026-07" → 2026年7月, or July 2026 ("Jul 2026" when `short`, for tables). A calendar month,
     * not an instant: written as it is, whatever the zone.
     */
    month: (yyyyMm: string, style: 'long' | 'short' = 'long') => {
      const [y, m] = yyyyMm.split('-').map(Number);
      if (!y || !m) return yyyyMm;
      return new Intl.DateTimeFormat(locale, { year: 'numeric', month: style, timeZone: 'UTC' }).format(
        new Date(Date.UTC(y, m - 1, 1)),
      );
    },
  };
}
