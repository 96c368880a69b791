import {
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
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ProfileInput } from '#shared/accounts/rules.ts';
import {
  bodyOf,
  bounds,
  contractResolver,
  FormAlert,
  type Issue,
  type Place,
  range,
  textIssue,
  useFormSubmit,
} from '../forms.tsx';
import { useSaveProfile } from '../me.ts';
import { prefectureOf, useWideAreaGroups, type WideAreaGroup } from '../regions.ts';
import { type Profile, type RegionTie, TIES, type Tie, WORK_STYLES, type WorkStyle } from '../types.ts';
import { normalizeRegistrationNumber, normalizeSkill } from './form-utils.ts';
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

/** The professional's part of the shared profile schema (its limits are shown and checked). */
const fields = ProfileInput.def.options[0].shape;
const MAX_REGIONS = bounds(fields.regionsOfInterest).max;

type Values = {
  displayName: string;
  headline: string;
  skills: string[];
  yearsOfExperience: string | number;
  homePrefectureCode: string;
  homeMunicipalityCode: string;
  hoursPerMonth: string | number;
  workStyle: WorkStyle | '';
  qualifiedInvoiceIssuer: boolean;
  invoiceRegistrationNumber: string;
  entries: Entry[];
};

/** The entries sent as regions of interest (an untouched row is not), by their index in the form. */
const sentEntries = (entries: Entry[]) =>
  entries.flatMap((e, i) => (!e.prefectureCode && e.ties.length === 0 ? [] : [i]));

/** The body of `PUT /v1/me` the values make: empty optional fields left out. */
function toBody(v: Values) {
  const number = (n: string | number) => (n === '' ? undefined : Number(n));
  const regions = sentEntries(v.entries).map((i) => {
    const e = v.entries[i] as Entry;
    return { regionCode: e.localCode || e.prefectureCode, ties: e.ties };
  });
  return {
    role: 'professional',
    displayName: v.displayName,
    headline: v.headline.trim() ? v.headline : undefined,
    skills: v.skills.length ? v.skills : undefined,
    yearsOfExperience: number(v.yearsOfExperience),
    homePrefectureCode: v.homePrefectureCode || undefined,
    // A home municipality only with its prefecture (the API refuses one outside it).
    homeMunicipalityCode: (v.homePrefectureCode && v.homeMunicipalityCode) || undefined,
    regionsOfInterest: regions.length ? regions : undefined,
    hoursPerMonth: number(v.hoursPerMonth),
    workStyle: v.workStyle || undefined,
    qualifiedInvoiceIssuer: v.qualifiedInvoiceIssuer || undefined,
    invoiceRegistrationNumber: normalizeRegistrationNumber(v.invoiceRegistrationNumber) || undefined,
  };
}

/** An issue at `regionsOfInterest.n.…` belongs to the form's entry the n-th sent region came from. */
const placeIn =
  (entries: Entry[]): Place =>
  (path) => {
    const [field, n, part] = path;
    if (field !== 'regionsOfInterest') return path.length ? String(field) : undefined;
    const entry = sentEntries(entries)[Number(n)] ?? 0;
    return `regions.${entry}.${part === 'ties' ? 'ties' : 'prefecture'}`;
  };

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
  const word = (issue: Issue): string | undefined => {
    const [field, index, part] = issue.path;
    switch (field) {
      case 'displayName':
      case 'headline':
        return textIssue(issue, t, 'profile.errors.required');
      case 'skills':
        return index !== undefined ? t('profile.errors.skill', { skill: String(issue.input) }) : undefined;
      case 'yearsOfExperience':
        return t('profile.errors.years', range(fields.yearsOfExperience));
      case 'hoursPerMonth':
        return t('profile.errors.hours', range(fields.hoursPerMonth));
      case 'homeMunicipalityCode':
        return t('profile.errors.homeMunicipality');
      case 'invoiceRegistrationNumber':
        return t(typeof issue.input === 'string' ? 'profile.errors.invoice' : 'profile.errors.issuerNumber');
      case 'regionsOfInterest':
        if (part === 'ties') return t('profile.errors.tieRequired');
        return issue.input ? undefined : t('profile.errors.chooseOne');
      default:
        return undefined;
    }
  };
  const form = useForm<Values>({
    initialValues: {
      displayName: initial?.displayName ?? '',
      headline: initial?.headline ?? '',
      skills: initial?.skills ?? [],
      yearsOfExperience: initial?.yearsOfExperience ?? '',
      homePrefectureCode: initial?.homePrefectureCode ?? '',
      homeMunicipalityCode: initial?.homeMunicipalityCode ?? '',
      hoursPerMonth: initial?.hoursPerMonth ?? '',
      workStyle: initial?.workStyle ?? '',
      qualifiedInvoiceIssuer: initial?.qualifiedInvoiceIssuer ?? false,
      invoiceRegistrationNumber: initial?.invoiceRegistrationNumber ?? '',
      entries: toEntries(initial?.regionsOfInterest, groups),
    },
    validate: (values) => contractResolver(t, ProfileInput, toBody, word, placeIn(values.entries))(values),
  });
  const { general, submit } = useFormSubmit(form, (path) => placeIn(form.getValues().entries)(path));
  const onSubmit = submit(async (values) =>
    onSaved(await save.mutateAsync(bodyOf(ProfileInput, toBody, values))),
  );

  const entries = form.values.entries;
  const update = (key: number, change: Partial<Entry>) => {
    const i = entries.findIndex((e) => e.key === key);
    form.setFieldValue(`entries.${i}`, { ...(entries[i] as Entry), ...change });
    for (const part of Object.keys(change))
      form.clearFieldError(`regions.${i}.${part === 'ties' ? 'ties' : 'prefecture'}`);
  };
  const errors = form.errors;
  const input = form.getInputProps;
  const limit = (key: 'displayName' | 'headline') => bounds(fields[key]).max;

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <FormAlert message={general} />
        <TextInput
          label={t('profile.displayName')}
          required
          maxLength={limit('displayName')}
          autoComplete="nickname"
          {...input('displayName')}
        />
        <TextInput
          label={t('profile.headline')}
          description={t('profile.headlineHint')}
          maxLength={limit('headline')}
          {...input('headline')}
        />
        <TagsInput
          label={t('profile.skills')}
          description={t('profile.skillsHint')}
          placeholder={t('profile.skillsPlaceholder')}
          {...input('skills')}
          onChange={(tags) =>
            form.setFieldValue('skills', [...new Set(tags.map(normalizeSkill).filter(Boolean))])
          }
          splitChars={[',', '、', '，']}
          maxTags={bounds(fields.skills).max}
          clearable
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label={t('profile.yearsOfExperience')}
            min={bounds(fields.yearsOfExperience).min}
            max={bounds(fields.yearsOfExperience).max}
            allowDecimal={false}
            allowNegative={false}
            {...input('yearsOfExperience')}
          />
          <NumberInput
            label={t('profile.hoursPerMonth')}
            min={bounds(fields.hoursPerMonth).min}
            max={bounds(fields.hoursPerMonth).max}
            allowDecimal={false}
            allowNegative={false}
            {...input('hoursPerMonth')}
          />
          <PrefectureSelect
            label={t('profile.homePrefecture')}
            value={form.values.homePrefectureCode}
            onChange={(code) => {
              form.setFieldValue('homePrefectureCode', code);
              // The home municipality is one of the home prefecture's.
              if (!form.values.homeMunicipalityCode.startsWith(code) || !code)
                form.setFieldValue('homeMunicipalityCode', '');
              form.clearFieldError('homeMunicipalityCode');
            }}
            error={errors.homePrefectureCode}
          />
          <MunicipalitySelect
            label={t('profile.homeMunicipality')}
            description={t('profile.homeMunicipalityHint')}
            descriptionBelow
            prefectureCode={form.values.homePrefectureCode}
            emptyLabel={t('profile.homeMunicipalityNone')}
            value={form.values.homeMunicipalityCode}
            onChange={(code) => {
              form.setFieldValue('homeMunicipalityCode', code);
              form.clearFieldError('homeMunicipalityCode');
            }}
            error={errors.homeMunicipalityCode}
          />
          <NativeSelect
            label={t('profile.workStyle')}
            data={[
              { value: '', label: t('profile.none') },
              ...WORK_STYLES.map((w) => ({ value: w, label: t(`profile.workStyles.${w}`) })),
            ]}
            {...input('workStyle')}
          />
        </SimpleGrid>

        <Fieldset legend={t('profile.invoiceIssuer')}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('profile.invoiceIssuerHint')}
            </Text>
            <Checkbox
              label={t('profile.qualifiedInvoiceIssuer')}
              {...input('qualifiedInvoiceIssuer', { type: 'checkbox' })}
            />
            <TextInput
              label={t('profile.invoiceNumber')}
              description={t('profile.proInvoiceHint')}
              maxLength={20}
              autoComplete="off"
              spellCheck={false}
              required={form.values.qualifiedInvoiceIssuer}
              {...input('invoiceRegistrationNumber')}
            />
          </Stack>
        </Fieldset>

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
                        onClick={() => {
                          form.removeListItem('entries', i);
                          form.clearErrors();
                        }}
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
                <Button variant="light" onClick={() => form.insertListItem('entries', blankEntry())}>
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
