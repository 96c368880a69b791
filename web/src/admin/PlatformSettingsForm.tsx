import { Alert, Button, Group, NumberInput, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../components/Loading.tsx';
import { usePlatformSettings, useSavePlatformSettings } from '../engagements/queries.ts';
import { INVOICE_NUMBER_PATTERN, type PlatformSettings, SETTINGS_LIMITS } from '../engagements/types.ts';
import {
  focusFirstInvalid,
  generalError,
  normalizeSkill,
  SKILL_PATTERN,
  serverFieldErrors,
} from '../profile/form-utils.ts';

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

/** A fee percent the API accepts: 0–50 with at most two decimals. */
function validFee(value: string | number): number | undefined {
  const text = String(value).trim();
  if (!/^\d{1,2}(\.\d{1,2})?$/.test(text)) return undefined;
  const n = Number(text);
  return n >= SETTINGS_LIMITS.feeMin && n <= SETTINGS_LIMITS.feeMax ? n : undefined;
}

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
  const form = useRef<HTMLFormElement>(null);
  const [fee, setFee] = useState<string | number>(initial.platformFeePercent);
  const [invoiceNumber, setInvoiceNumber] = useState(initial.invoiceRegistrationNumber ?? '');
  const [workTypes, setWorkTypes] = useState<string[]>(initial.withholdingWorkTypes);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string>();
  const [saved, setSaved] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setGeneral(undefined);
    setSaved(false);
    const found: Record<string, string> = {};
    const percent = validFee(fee);
    if (percent === undefined) found.platformFeePercent = t('settings.errors.fee');
    const number = invoiceNumber.trim().toUpperCase();
    if (number && !INVOICE_NUMBER_PATTERN.test(number))
      found.invoiceRegistrationNumber = t('profile.errors.invoice');
    const bad = workTypes.find((s) => !SKILL_PATTERN.test(s));
    if (bad) found.withholdingWorkTypes = t('profile.errors.skill', { skill: bad });
    setErrors(found);
    if (percent === undefined || Object.keys(found).length) {
      setGeneral(t('profile.errors.failed'));
      focusFirstInvalid(form.current);
      return;
    }
    try {
      const result = await save.mutateAsync({
        platformFeePercent: percent,
        invoiceRegistrationNumber: number || null,
        withholdingWorkTypes: workTypes,
      });
      setFee(result.platformFeePercent);
      setInvoiceNumber(result.invoiceRegistrationNumber ?? '');
      setWorkTypes(result.withholdingWorkTypes);
      setSaved(true);
    } catch (error) {
      const server = serverFieldErrors(t, error);
      const byField: Record<string, string> = {};
      for (const [path, message] of Object.entries(server)) {
        const field = path.split('.')[0] ?? path;
        byField[field] ??= message;
      }
      setErrors(byField);
      setGeneral(generalError(t, error));
      focusFirstInvalid(form.current);
    }
  }

  return (
    <form ref={form} onSubmit={submit} noValidate>
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
        {general && (
          <Alert color="red" role="alert">
            {general}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label={t('settings.feePercent')}
            description={t('settings.feeHint')}
            required
            min={SETTINGS_LIMITS.feeMin}
            max={SETTINGS_LIMITS.feeMax}
            step={0.5}
            decimalScale={2}
            clampBehavior="none"
            allowNegative={false}
            value={fee}
            onChange={setFee}
            error={errors.platformFeePercent}
          />
          <TextInput
            label={t('settings.invoiceNumber')}
            description={t('settings.invoiceHint')}
            placeholder="T1234567890123"
            autoComplete="off"
            maxLength={14}
            value={invoiceNumber}
            onChange={(e) => setInvoiceNumber(e.currentTarget.value.toUpperCase())}
            error={errors.invoiceRegistrationNumber}
          />
        </SimpleGrid>
        <TagsInput
          label={t('settings.withholding')}
          description={t('settings.withholdingHint')}
          placeholder={t('settings.withholdingPlaceholder')}
          data={WORK_TYPE_SUGGESTIONS}
          value={workTypes}
          onChange={(tags) => setWorkTypes([...new Set(tags.map(normalizeSkill).filter(Boolean))])}
          splitChars={[',', '、', '，']}
          clearable
          error={errors.withholdingWorkTypes}
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
