import { useTranslation } from 'react-i18next';
import type { Project } from './types.ts';

const yenNumber = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Fees, hours, regions, dates and months as the current language writes them. */
export function useProjectFormat() {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const locale = english ? 'en-GB' : 'ja-JP';
  const yen = (amount: number) => t('projects.yen', { amount: yenNumber.format(amount) });
  return {
    yen,
    /** ¥50,000/月, or ¥50,000 a month. */
    fee: (amount: number) => t('projects.feePerMonth', { fee: yen(amount) }),
    hours: (count: number) => t('projects.hoursPerMonth', { count }),
    duration: (count: number) => t('projects.durationMonths', { count }),
    applicants: (count: number) => t('projects.applicantCount', { count }),
    /** 鳥取県 湯梨浜町, or Yurihama-cho, Tottori. */
    region: (
      p: Pick<Project, 'municipalityName' | 'municipalityNameEn' | 'prefectureName' | 'prefectureNameEn'>,
    ) =>
      english
        ? `${p.municipalityNameEn}, ${p.prefectureNameEn}`
        : `${p.prefectureName} ${p.municipalityName}`,
    date: (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso)),
    /** "2026-07" → 2026年7月, or July 2026. */
    month: (yyyyMm: string) => {
      const [y, m] = yyyyMm.split('-').map(Number);
      if (!y || !m) return yyyyMm;
      return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
        new Date(Date.UTC(y, m - 1, 1)),
      );
    },
  };
}
