import { Alert, Button, Group, NumberInput, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PlatformSettingsInput } from '#shared/admin/rules.ts';
import { LoadError, Loading } from '../components/Loading.tsx';
import { usePlatformSettings, useSavePlatformSettings } from '../engagements/queries.ts';
import type { PlatformSettings } from '../engagements/types.ts';
import { bodyOf, bounds, contractResolver, FormAlert, type Issue, range, useFormSubmit } from '../forms.tsx';
import { normalizeSkill } from '../profile/form-utils.ts';

/**
 * Skills offered in the list: the work types Japanese withholding usually covers (design, writing,
 * translation, photography, lectures) first, then the ones projects most often ask for. Any other
 * skill can be typed, written as the project editor writes skills.
 */
const WORK_TYPE_SUGGESTIONS = [
  'design',
  'writing',
  'translation',
  'photography',
  'illustration',
  'lecture',
  'marketing',
  'ec',
  'dx',
  'sns',
  'furusato-nozei',
  'accounting',
  'hiring',
  'planning',
  'data',
];

type Values = {
  platformFeePercent: string | number;
  invoiceRegistrationNumber: string;
  withholdingWorkTypes: string[];
};

const valuesOf = (s: PlatformSettings): Values => ({
  platformFeePercent: s.platformFeePercent,
  invoiceRegistrationNumber: s.invoiceRegistrationNumber ?? '',
  withholdingWorkTypes: s.withholdingWorkTypes,
});

/** The body of `PUT /v1/admin/settings`: no number is `null` (none), the fee a number. */
const toBody = (v: Values) => ({
  platformFeePercent: v.platformFeePercent === '' ? undefined : Number(v.platformFeePercent),
  invoiceRegistrationNumber: v.invoiceRegistrationNumber.trim().toUpperCase() || null,
  withholdingWorkTypes: v.withholdingWorkTypes,
});

const fee = PlatformSettingsInput.shape.platformFeePercent;

/** The operator's platform settings: fee percent, qualified-invoice number, withholding work types. */
export function PlatformSettingsForm() {
  const settings = usePlatformSettings();
  if (settings.isPending) return <Loading />;
  if (settings.isError) return <LoadError error={settings.error} onRetry={() => void settings.refetch()} />;
  return <SettingsForm initial={settings.data} />;
}

function SettingsForm({ initial }: { initial: PlatformSettings }) {
  const { t } = useTranslation();
  const save = useSavePlatformSettings();
  const [saved, setSaved] = useState(false);
  const word = (issue: Issue) => {
    const [field, index] = issue.path;
    if (field === 'platformFeePercent') return t('settings.errors.fee', range(fee));
    if (field === 'invoiceRegistrationNumber') return t('profile.errors.invoice');
    if (field === 'withholdingWorkTypes' && index !== undefined)
      return t('profile.errors.skill', { skill: String(issue.input) });
    return undefined;
  };
  const form = useForm<Values>({
    initialValues: valuesOf(initial),
    validate: contractResolver(t, PlatformSettingsInput, toBody, word),
  });
  const { general, submit } = useFormSubmit(form);
  const onSubmit = submit(async (values) => {
    setSaved(false);
    const result = await save.mutateAsync(bodyOf(PlatformSettingsInput, toBody, values));
    form.setValues(valuesOf(result));
    setSaved(true);
  });
  const limits = bounds(fee);

  return (
    <form
      onSubmit={(e) => {
        setSaved(false);
        onSubmit(e);
      }}
      noValidate
    >
      <div role="status">
        {saved && (
          <Alert
            color="teal"
            mb="md"
            withCloseButton
            closeButtonLabel={t('app.close')}
            onClose={() => setSaved(false)}
          >
            {t('settings.saved')}
          </Alert>
        )}
      </div>
      <Stack>
        <FormAlert message={general} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label={t('settings.feePercent')}
            description={t('settings.feeHint', range(fee))}
            required
            min={limits.min}
            max={limits.max}
            step={0.5}
            decimalScale={2}
            clampBehavior="none"
            allowNegative={false}
            {...form.getInputProps('platformFeePercent')}
          />
          <TextInput
            label={t('settings.invoiceNumber')}
            description={t('settings.invoiceHint')}
            placeholder="T1234567890123"
            autoComplete="off"
            {...form.getInputProps('invoiceRegistrationNumber')}
            onChange={(e) =>
              form.setFieldValue('invoiceRegistrationNumber', e.currentTarget.value.toUpperCase())
            }
          />
        </SimpleGrid>
        <TagsInput
          label={t('settings.withholding')}
          description={t('settings.withholdingHint')}
          placeholder={t('settings.withholdingPlaceholder')}
          data={WORK_TYPE_SUGGESTIONS}
          {...form.getInputProps('withholdingWorkTypes')}
          onChange={(tags) =>
            form.setFieldValue('withholdingWorkTypes', [...new Set(tags.map(normalizeSkill).filter(Boolean))])
          }
          splitChars={[',', '、', '，']}
          clearable
        />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('settings.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
