import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from './api.ts';
import type { Municipality, Prefecture } from './types.ts';

/**
 * Wide-area groups of municipalities (広域圏). The API has no list of them yet, so the app knows the
 * ones the product supports; their codes are accepted wherever a region code is.
 */
export const WIDE_AREA_GROUPS: readonly { code: string; name: string; nameEn: string; prefectureCode: string }[] =
  [{ code: 'amami', name: '奄美群島', nameEn: 'Amami Islands', prefectureCode: '46' }];

const DAY = 24 * 3_600_000;

export function usePrefectures() {
  return useQuery({
    queryKey: ['prefectures'],
    queryFn: async () => (await api<{ items: Prefecture[] }>('GET', '/v1/regions/prefectures')).items,
    staleTime: DAY,
    gcTime: DAY,
  });
}

export function useMunicipalities(prefectureCode: string | undefined) {
  return useQuery({
    queryKey: ['municipalities', prefectureCode],
    enabled: Boolean(prefectureCode && /^\d{2}$/.test(prefectureCode)),
    queryFn: async () =>
      (
        await api<{ prefecture: Prefecture; items: Municipality[] }>(
          'GET',
          `/v1/regions/prefectures/${prefectureCode}/municipalities`,
        )
      ).items,
    staleTime: DAY,
    gcTime: DAY,
  });
}

/** The prefecture a region code belongs to: "31" → "31", "31370" → "31", "amami" → "46". */
export function prefectureOf(regionCode: string): string | undefined {
  if (/^\d{2}$/.test(regionCode)) return regionCode;
  if (/^\d{5}$/.test(regionCode)) return regionCode.slice(0, 2);
  return WIDE_AREA_GROUPS.find((g) => g.code === regionCode)?.prefectureCode;
}

/** A name in the current language: the Japanese name, or the English `nameEn`. */
export function useLocalName() {
  const { i18n } = useTranslation();
  const english = i18n.language === 'en';
  return (r: { name: string; nameEn: string }) => (english ? r.nameEn : r.name);
}

/** The name of a prefecture, municipality ("鳥取県 湯梨浜町") or wide-area group, in the current language. */
export function useRegionName(regionCode: string | undefined): string | undefined {
  const local = useLocalName();
  const { i18n } = useTranslation();
  const prefectures = usePrefectures();
  const prefCode = regionCode ? prefectureOf(regionCode) : undefined;
  const municipalities = useMunicipalities(regionCode && /^\d{5}$/.test(regionCode) ? prefCode : undefined);
  if (!regionCode) return undefined;
  const group = WIDE_AREA_GROUPS.find((g) => g.code === regionCode);
  if (group) return local(group);
  const pref = prefectures.data?.find((p) => p.code === prefCode);
  if (regionCode.length === 2) return pref ? local(pref) : regionCode;
  const muni = municipalities.data?.find((m) => m.code === regionCode);
  if (!muni) return regionCode;
  if (!pref) return local(muni);
  return i18n.language === 'en' ? `${muni.nameEn}, ${pref.nameEn}` : `${pref.name} ${muni.name}`;
}
