import { NativeSelect } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalName, useMunicipalities, usePrefectures, useWideAreaGroups } from '../regions.ts';

type SelectProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: ReactNode;
  required?: boolean;
  description?: string;
};

/** The 47 prefectures from the regions API, named in the current language. */
export function PrefectureSelect({ label, value, onChange, error, required, description }: SelectProps) {
  const { t } = useTranslation();
  const local = useLocalName();
  const prefectures = usePrefectures();
  const data = [
    { value: '', label: t('profile.choose') },
    ...(prefectures.data ?? []).map((p) => ({ value: p.code, label: local(p) })),
  ];
  // Keep a saved value selectable while the list loads.
  if (value && !prefectures.data) data.push({ value, label: value });
  return (
    <NativeSelect
      label={label}
      description={description}
      data={data}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      required={required}
      disabled={prefectures.isError}
    />
  );
}

/**
 * The municipalities of one prefecture from the regions API. With `emptyLabel`, an empty value is a
 * choice ("the whole prefecture"); with `withGroups`, the prefecture's wide-area groups come first.
 */
export function MunicipalitySelect({
  prefectureCode,
  emptyLabel,
  withGroups = false,
  descriptionBelow = false,
  ...props
}: SelectProps & {
  prefectureCode: string;
  emptyLabel?: string;
  withGroups?: boolean;
  /** The description under the select, so that it lines up with a select beside it that has none. */
  descriptionBelow?: boolean;
}) {
  const { t } = useTranslation();
  const local = useLocalName();
  const municipalities = useMunicipalities(prefectureCode || undefined);
  const allGroups = useWideAreaGroups();
  const groups = withGroups ? allGroups.filter((g) => g.prefectureCode === prefectureCode) : [];
  const items = (municipalities.data ?? []).map((m) => ({ value: m.code, label: local(m) }));
  if (props.value && !municipalities.data) items.push({ value: props.value, label: props.value });
  const first = { value: '', label: emptyLabel ?? t('profile.choose') };
  const data = groups.length
    ? [
        first,
        { group: t('profile.groupsLabel'), items: groups.map((g) => ({ value: g.code, label: local(g) })) },
        { group: t('profile.municipality'), items },
      ]
    : [first, ...items];
  return (
    <NativeSelect
      label={props.label}
      description={props.description}
      inputWrapperOrder={descriptionBelow ? ['label', 'input', 'description', 'error'] : undefined}
      data={data}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      error={props.error}
      required={props.required}
      disabled={!prefectureCode}
    />
  );
}
