import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from './api.ts';
import type { Municipality, Prefecture, WideAreaGroup } from './types.ts';

const DAY = 24 * 3_600_000;

export type { WideAreaGroup };

/** Wide-area groups of municipalities (広域圏, e.g. 奄美群島); their codes are accepted wherever a region code is. */
export function useWideAreaGroups(): WideAreaGroup[] {
  return (
    useQuery({
      queryKey: ['wide-area-groups'],
      queryFn: async () => (await api<{ items: WideAreaGroup[] }>('GET', '/v1/regions/groups')).items,
      staleTime: DAY,
      gcTime: DAY,
    }).data ?? []
  );
}

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
export function prefectureOf(regionCode: string, groups: readonly WideAreaGroup[]): string | undefined {
  if (/^\d{2}$/.test(regionCode)) return regionCode;
  if (/^\d{5}$/.test(regionCode)) return regionCode.slice(0, 2);
  return groups.find((g) => g.code === regionCode)?.prefectureCode;
}

/** Whether a region holds a municipality: a prefecture its towns, a group its members, a town itself (as the API decides). */
export function regionHolds(
  regionCode: string,
  municipalityCode: string,
  groups: readonly WideAreaGroup[],
): boolean {
  if (/^\d{2}$/.test(regionCode)) return municipalityCode.slice(0, 2) === regionCode;
  if (/^\d{5}$/.test(regionCode)) return municipalityCode === regionCode;
  return groups.find((g) => g.code === regionCode)?.municipalityCodes.includes(municipalityCode) ?? false;
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
  const groups = useWideAreaGroups();
  const prefCode = regionCode ? prefectureOf(regionCode, groups) : undefined;
  const municipalities = useMunicipalities(regionCode && /^\d{5}$/.test(regionCode) ? prefCode : undefined);
  if (!regionCode) return undefined;
  const group = groups.find((g) => g.code === regionCode);
  if (group) return local(group);
  const pref = prefectures.data?.find((p) => p.code === prefCode);
  if (regionCode.length === 2) return pref ? local(pref) : regionCode;
  const muni = municipalities.data?.find((m) => m.code === regionCode);
  if (!muni) return regionCode;
  if (!pref) return local(muni);
  return i18n.language === 'en' ? `${muni.nameEn}, ${pref.nameEn}` : `${pref.name} ${muni.name}`;
}
