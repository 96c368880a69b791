import { NativeSelect } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { prefectureOf, useLocalName, useMunicipalities, useWideAreaGroups } from '../regions.ts';

/**
 * The municipalities staff may hold events in: those of their region (a prefecture's, a wide-area group's
 * members, or their own town). The API checks the same; this only offers what it would accept.
 */
export function RegionMunicipalitySelect({
  regionCode,
  label,
  value,
  onChange,
  error,
}: {
  regionCode: string;
  label: string;
  value: string;
  onChange: (code: string) => void;
  error?: ReactNode;
}) {
  const { t } = useTranslation();
  const local = useLocalName();
  const groups = useWideAreaGroups();
  const prefecture = prefectureOf(regionCode, groups);
  const municipalities = useMunicipalities(prefecture);
  const group = groups.find((g) => g.code === regionCode);
  const inRegion = (code: string) =>
    /^\d{2}$/.test(regionCode)
      ? code.startsWith(regionCode)
      : group
        ? group.municipalityCodes.includes(code)
        : code === regionCode;
  const items = (municipalities.data ?? [])
    .filter((m) => inRegion(m.code))
    .map((m) => ({ value: m.code, label: local(m) }));
  // Keep a saved value selectable while the list loads.
  if (value && !municipalities.data) items.push({ value, label: value });
  return (
    <NativeSelect
      label={label}
      description={t('events.editor.municipalityHint')}
      required
      data={[{ value: '', label: t('profile.choose') }, ...items]}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  );
}
