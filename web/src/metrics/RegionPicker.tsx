import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MunicipalitySelect, PrefectureSelect } from '../profile/RegionSelects.tsx';
import {
  prefectureOf,
  useLocalName,
  useMunicipalities,
  usePrefectures,
  useWideAreaGroups,
} from '../regions.ts';
import type { Profile } from '../types.ts';

type Props = { me: Profile; value: string; onChange: (code: string) => void };

/**
 * The region whose figures are shown, among those the reader may see: staff choose their own region or one
 * inside it; operators choose a prefecture, then (optionally) one of its municipalities or wide-area groups.
 */
export function RegionPicker(props: Props) {
  return props.me.role === 'operator' ? <AnyRegion {...props} /> : <StaffRegion {...props} />;
}

function StaffRegion({ me, value, onChange }: Props) {
  const { t } = useTranslation();
  const local = useLocalName();
  const own = me.regionCode ?? '';
  const groups = useWideAreaGroups();
  const prefectures = usePrefectures();
  const prefecture = prefectureOf(own, groups);
  const municipalities = useMunicipalities(prefecture);
  const group = groups.find((g) => g.code === own);
  const municipality = (code: string) => municipalities.data?.find((m) => m.code === code);

  type Option = { value: string; label: string };
  const first: Option = { value: own, label: own };
  const sections: { group: string; items: Option[] }[] = [];
  if (/^\d{2}$/.test(own)) {
    const pref = prefectures.data?.find((p) => p.code === own);
    first.label = pref ? t('metrics.wholePrefecture', { name: local(pref) }) : own;
    const inside = groups.filter((g) => g.prefectureCode === own);
    if (inside.length)
      sections.push({
        group: t('profile.groupsLabel'),
        items: inside.map((g) => ({ value: g.code, label: local(g) })),
      });
    sections.push({
      group: t('profile.municipality'),
      items: (municipalities.data ?? []).map((m) => ({ value: m.code, label: local(m) })),
    });
  } else if (group) {
    first.label = t('metrics.wholeGroup', { name: local(group) });
    sections.push({
      group: t('metrics.members'),
      items: group.municipalityCodes.map((code) => {
        const m = municipality(code);
        return { value: code, label: m ? local(m) : code };
      }),
    });
  } else {
    const m = municipality(own);
    if (m) first.label = local(m);
  }
  const offered = [first, ...sections.flatMap((s) => s.items)];
  // Keep the chosen region selectable while the lists load.
  const extra = offered.some((o) => o.value === value) ? [] : [{ value, label: value }];
  return (
    <NativeSelect
      label={t('metrics.region')}
      data={[first, ...extra, ...sections.filter((s) => s.items.length)]}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      miw={220}
    />
  );
}

function AnyRegion({ value, onChange }: Props) {
  const { t } = useTranslation();
  const groups = useWideAreaGroups();
  const prefecture = value ? (prefectureOf(value, groups) ?? '') : '';
  return (
    <>
      <PrefectureSelect label={t('profile.prefecture')} value={prefecture} onChange={onChange} />
      <MunicipalitySelect
        label={t('metrics.municipalityOrGroup')}
        prefectureCode={prefecture}
        emptyLabel={t('profile.wholePrefecture')}
        withGroups
        value={value === prefecture ? '' : value}
        onChange={(code) => onChange(code || prefecture)}
      />
    </>
  );
}
