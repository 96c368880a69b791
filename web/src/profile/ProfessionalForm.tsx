import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveProfile } from '../me.ts';
import { prefectureOf, useWideAreaGroups, type WideAreaGroup } from '../regions.ts';
import {
  type ProfessionalInput,
  type Profile,
  type RegionTie,
  TIES,
  type Tie,
  WORK_STYLES,
  type WorkStyle,
} from '../types.ts';
import {
  focusFirstInvalid,
  generalError,
  normalizeSkill,
  optionalInt,
  optionalText,
  SKILL_PATTERN,
  serverFieldErrors,
} from './form-utils.ts';
import { MunicipalitySelect, PrefectureSelect } from './RegionSelects.tsx';

type Entry = { key: number; prefectureCode: string; localCode: string; ties: Tie[] };

let nextKey = 1;
const blankEntry = (): Entry => ({ key: nextKey++, prefectureCode: '', localCode: '', ties: [] });

function toEntries(regions: RegionTie[] | undefined, groups: readonly WideAreaGroup[]): Entry[] {
  const entries = (regions ?? []).map((r) => ({
    key: nextKey++,
    prefectureCode: prefectureOf(r.regionCode, groups) ?? '',
    localCode: /^\d{2}$/.test(r.regionCode) ? '' : r.regionCode,
    ties: [...r.ties],
  }));
  return entries.length ? entries : [blankEntry()];
}

const MAX_REGIONS = 20;

export function ProfessionalForm({
  initial,
  submitLabel,
  onSaved,
  onCancel,
}: {
  initial?: (Profile & { role: 'professional' }) | undefined;
  submitLabel: string;
  onSaved: (profile: Profile) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveProfile();
  const groups = useWideAreaGroups();
  const form = useRef<HTMLFormElement>(null);
  const [displayName, setDisplayName] = useState(initial?.displayName ?? '');
  const [headline, setHeadline] = useState(initial?.headline ?? '');
  const [skills, setSkills] = useState<string[]>(initial?.skills ?? []);
  const [years, setYears] = useState<string | number>(initial?.yearsOfExperience ?? '');
  const [homePrefectureCode, setHomePrefectureCode] = useState(initial?.homePrefectureCode ?? '');
  const [hours, setHours] = useState<string | number>(initial?.hoursPerMonth ?? '');
  const [workStyle, setWorkStyle] = useState<WorkStyle | ''>(initial?.workStyle ?? '');
  const [entries, setEntries] = useState<Entry[]>(() => toEntries(initial?.regionsOfInterest, groups));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string>();

  const update = (key: number, change: Partial<Entry>) =>
    setEntries((list) => list.map((e) => (e.key === key ? { ...e, ...change } : e)));

  /** The body of PUT /v1/me, and which form entry each sent region came from (to place server errors). */
  function build(): { input?: ProfessionalInput; found: Record<string, string>; sentFrom: number[] } {
    const found: Record<string, string> = {};
    const name = displayName.trim();
    if (!name) found.displayName = t('profile.errors.required');
    const bad = skills.find((s) => !SKILL_PATTERN.test(s));
    if (bad) found.skills = t('profile.errors.skill', { skill: bad });
    const yearsOfExperience = optionalInt(years, 0, 60);
    if (Number.isNaN(yearsOfExperience)) found.yearsOfExperience = t('profile.errors.years');
    const hoursPerMonth = optionalInt(hours, 1, 160);
    if (Number.isNaN(hoursPerMonth)) found.hoursPerMonth = t('profile.errors.hours');
    const regionsOfInterest: RegionTie[] = [];
    const sentFrom: number[] = [];
    entries.forEach((e, i) => {
      if (!e.prefectureCode && e.ties.length === 0) return; // an untouched row
      if (!e.prefectureCode) found[`regions.${i}.prefecture`] = t('profile.errors.chooseOne');
      if (e.ties.length === 0) found[`regions.${i}.ties`] = t('profile.errors.tieRequired');
      regionsOfInterest.push({ regionCode: e.localCode || e.prefectureCode, ties: e.ties });
      sentFrom.push(i);
    });
    if (Object.keys(found).length) return { found, sentFrom };
    const input: ProfessionalInput = { role: 'professional', displayName: name };
    const h = optionalText(headline);
    if (h) input.headline = h;
    if (skills.length) input.skills = skills;
    if (yearsOfExperience !== undefined) input.yearsOfExperience = yearsOfExperience;
    if (homePrefectureCode) input.homePrefectureCode = homePrefectureCode;
    if (regionsOfInterest.length) input.regionsOfInterest = regionsOfInterest;
    if (hoursPerMonth !== undefined) input.hoursPerMonth = hoursPerMonth;
    if (workStyle) input.workStyle = workStyle;
    return { input, found, sentFrom };
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setGeneral(undefined);
    const { input, found, sentFrom } = build();
    setErrors(found);
    if (!input) {
      setGeneral(t('profile.errors.failed'));
      focusFirstInvalid(form.current);
      return;
    }
    try {
      onSaved(await save.mutateAsync(input));
    } catch (error) {
      const server = serverFieldErrors(t, error);
      const placed: Record<string, string> = {};
      for (const [path, message] of Object.entries(server)) {
        const region = /^regionsOfInterest\.(\d+)\.(regionCode|ties)/.exec(path);
        if (region) {
          const ui = sentFrom[Number(region[1])] ?? 0;
          placed[`regions.${ui}.${region[2] === 'ties' ? 'ties' : 'prefecture'}`] = message;
        } else placed[path.split('.')[0] as string] = message;
      }
      setErrors(placed);
      setGeneral(generalError(t, error));
      focusFirstInvalid(form.current);
    }
  }

  return (
    <form ref={form} onSubmit={submit} noValidate>
      <Stack gap="md">
        {general && (
          <Alert color="red" role="alert">
            {general}
          </Alert>
        )}
        <TextInput
          label={t('profile.displayName')}
          required
          maxLength={60}
          autoComplete="nickname"
          value={displayName}
          onChange={(e) => setDisplayName(e.currentTarget.value)}
          error={errors.displayName}
        />
        <TextInput
          label={t('profile.headline')}
          description={t('profile.headlineHint')}
          maxLength={120}
          value={headline}
          onChange={(e) => setHeadline(e.currentTarget.value)}
          error={errors.headline}
        />
        <TagsInput
          label={t('profile.skills')}
          description={t('profile.skillsHint')}
          placeholder={t('profile.skillsPlaceholder')}
          value={skills}
          onChange={(tags) => setSkills([...new Set(tags.map(normalizeSkill).filter(Boolean))])}
          splitChars={[',', '、', '，']}
          maxTags={20}
          clearable
          error={errors.skills}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label={t('profile.yearsOfExperience')}
            min={0}
            max={60}
            allowDecimal={false}
            allowNegative={false}
            value={years}
            onChange={setYears}
            error={errors.yearsOfExperience}
          />
          <NumberInput
            label={t('profile.hoursPerMonth')}
            min={1}
            max={160}
            allowDecimal={false}
            allowNegative={false}
            value={hours}
            onChange={setHours}
            error={errors.hoursPerMonth}
          />
          <PrefectureSelect
            label={t('profile.homePrefecture')}
            value={homePrefectureCode}
            onChange={setHomePrefectureCode}
            error={errors.homePrefectureCode}
          />
          <NativeSelect
            label={t('profile.workStyle')}
            data={[
              { value: '', label: t('profile.none') },
              ...WORK_STYLES.map((w) => ({ value: w, label: t(`profile.workStyles.${w}`) })),
            ]}
            value={workStyle}
            onChange={(e) => setWorkStyle(e.currentTarget.value as WorkStyle | '')}
            error={errors.workStyle}
          />
        </SimpleGrid>

        <Fieldset
          legend={t('profile.regionsOfInterest')}
          variant="unstyled"
          styles={{ legend: { fontWeight: 700, fontSize: 'var(--mantine-font-size-md)' } }}
        >
          <Text size="sm" c="dimmed" mb="sm">
            {t('profile.regionsHint')}
          </Text>
          <Stack gap="md">
            {entries.map((entry, i) => (
              <Fieldset key={entry.key} legend={t('profile.regionEntry', { n: i + 1 })}>
                <Stack gap="sm">
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <PrefectureSelect
                      label={t('profile.prefecture')}
                      value={entry.prefectureCode}
                      onChange={(code) => update(entry.key, { prefectureCode: code, localCode: '' })}
                      error={errors[`regions.${i}.prefecture`]}
                    />
                    <MunicipalitySelect
                      label={t('profile.municipality')}
                      prefectureCode={entry.prefectureCode}
                      emptyLabel={t('profile.wholePrefecture')}
                      withGroups
                      value={entry.localCode}
                      onChange={(code) => update(entry.key, { localCode: code })}
                    />
                  </SimpleGrid>
                  <Checkbox.Group
                    label={t('profile.ties')}
                    value={entry.ties}
                    onChange={(values) => update(entry.key, { ties: values as Tie[] })}
                    error={errors[`regions.${i}.ties`]}
                  >
                    <Group mt="xs" gap="md">
                      {TIES.map((tie) => (
                        <Checkbox key={tie} value={tie} label={t(`profile.tieValues.${tie}`)} />
                      ))}
                    </Group>
                  </Checkbox.Group>
                  {entries.length > 1 && (
                    <Group justify="flex-end">
                      <Button
                        variant="subtle"
                        color="red.9"
                        size="compact-sm"
                        onClick={() => setEntries((list) => list.filter((e) => e.key !== entry.key))}
                      >
                        {t('profile.removeRegion', { n: i + 1 })}
                      </Button>
                    </Group>
                  )}
                </Stack>
              </Fieldset>
            ))}
            {entries.length < MAX_REGIONS && (
              <Group>
                <Button variant="light" onClick={() => setEntries((list) => [...list, blankEntry()])}>
                  {t('profile.addRegion')}
                </Button>
              </Group>
            )}
          </Stack>
        </Fieldset>

        <Group justify="flex-end" mt="md">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('profile.cancel')}
            </Button>
          )}
          <Button type="submit" loading={save.isPending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
