import { Alert, Button, Fieldset, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EMAIL_PATTERN } from '../auth/errors.ts';
import { useSaveProfile } from '../me.ts';
import { FIRM_SIZES, type FirmInput, type FirmSize, type Profile } from '../types.ts';
import { focusFirstInvalid, generalError, optionalText, serverFieldErrors } from './form-utils.ts';
import { MunicipalitySelect, PrefectureSelect } from './RegionSelects.tsx';

const INVOICE_PATTERN = /^T\d{13}$/;

export function FirmForm({
  initial,
  submitLabel,
  onSaved,
  onCancel,
}: {
  initial?: (Profile & { role: 'firm' }) | undefined;
  submitLabel: string;
  onSaved: (profile: Profile) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveProfile();
  const form = useRef<HTMLFormElement>(null);
  const [displayName, setDisplayName] = useState(initial?.displayName ?? '');
  const [organizationName, setOrganizationName] = useState(initial?.organizationName ?? '');
  const [prefectureCode, setPrefectureCode] = useState(initial?.municipalityCode?.slice(0, 2) ?? '');
  const [municipalityCode, setMunicipalityCode] = useState(initial?.municipalityCode ?? '');
  const [industry, setIndustry] = useState(initial?.industry ?? '');
  const [size, setSize] = useState<FirmSize | ''>(initial?.size ?? '');
  const [invoice, setInvoice] = useState(initial?.invoiceRegistrationNumber ?? '');
  const [billingName, setBillingName] = useState(initial?.billingContact?.name ?? '');
  const [billingEmail, setBillingEmail] = useState(initial?.billingContact?.email ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string>();

  function build(): { input?: FirmInput; found: Record<string, string> } {
    const found: Record<string, string> = {};
    const required = t('profile.errors.required');
    const name = displayName.trim();
    const org = organizationName.trim();
    if (!name) found.displayName = required;
    if (!org) found.organizationName = required;
    if (!prefectureCode) found.prefecture = t('profile.errors.chooseOne');
    else if (!municipalityCode) found.municipalityCode = t('profile.errors.chooseOne');
    // Full-width letters and digits typed with a Japanese IME count as their ASCII forms.
    const tNumber = invoice.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
    if (tNumber && !INVOICE_PATTERN.test(tNumber))
      found.invoiceRegistrationNumber = t('profile.errors.invoice');
    const bName = billingName.trim();
    const bEmail = billingEmail.trim();
    if (bName || bEmail) {
      if (!bName) found['billingContact.name'] = t('profile.errors.billingBoth');
      if (!bEmail) found['billingContact.email'] = t('profile.errors.billingBoth');
      else if (!EMAIL_PATTERN.test(bEmail)) found['billingContact.email'] = t('profile.errors.email');
    }
    if (Object.keys(found).length) return { found };
    const input: FirmInput = { role: 'firm', displayName: name, organizationName: org, municipalityCode };
    const ind = optionalText(industry);
    if (ind) input.industry = ind;
    if (size) input.size = size;
    if (tNumber) input.invoiceRegistrationNumber = tNumber;
    if (bName && bEmail) input.billingContact = { name: bName, email: bEmail };
    return { input, found };
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setGeneral(undefined);
    const { input, found } = build();
    setErrors(found);
    if (!input) {
      setGeneral(t('profile.errors.failed'));
      focusFirstInvalid(form.current);
      return;
    }
    try {
      onSaved(await save.mutateAsync(input));
    } catch (error) {
      setErrors(serverFieldErrors(t, error));
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
          label={t('profile.organizationName')}
          required
          maxLength={100}
          autoComplete="organization"
          value={organizationName}
          onChange={(e) => setOrganizationName(e.currentTarget.value)}
          error={errors.organizationName}
        />
        <TextInput
          label={t('profile.displayNameFirm')}
          required
          maxLength={60}
          autoComplete="name"
          value={displayName}
          onChange={(e) => setDisplayName(e.currentTarget.value)}
          error={errors.displayName}
        />
        <Fieldset legend={t('profile.firmLocation')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <PrefectureSelect
              label={t('profile.prefecture')}
              required
              value={prefectureCode}
              onChange={(code) => {
                setPrefectureCode(code);
                setMunicipalityCode('');
              }}
              error={errors.prefecture}
            />
            <MunicipalitySelect
              label={t('profile.municipality')}
              required
              prefectureCode={prefectureCode}
              value={municipalityCode}
              onChange={setMunicipalityCode}
              error={errors.municipalityCode}
            />
          </SimpleGrid>
        </Fieldset>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('profile.industry')}
            description={t('profile.industryHint')}
            maxLength={60}
            value={industry}
            onChange={(e) => setIndustry(e.currentTarget.value)}
            error={errors.industry}
          />
          <NativeSelect
            label={t('profile.size')}
            data={[
              { value: '', label: t('profile.none') },
              ...FIRM_SIZES.map((s) => ({ value: s, label: t(`profile.sizes.${s}`) })),
            ]}
            value={size}
            onChange={(e) => setSize(e.currentTarget.value as FirmSize | '')}
            error={errors.size}
          />
        </SimpleGrid>
        <TextInput
          label={t('profile.invoiceNumber')}
          description={t('profile.invoiceHint')}
          maxLength={20}
          autoComplete="off"
          spellCheck={false}
          value={invoice}
          onChange={(e) => setInvoice(e.currentTarget.value)}
          error={errors.invoiceRegistrationNumber}
        />
        <Fieldset legend={t('profile.billingContact')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('profile.billingName')}
              maxLength={60}
              value={billingName}
              onChange={(e) => setBillingName(e.currentTarget.value)}
              error={errors['billingContact.name'] ?? errors.billingContact}
            />
            <TextInput
              label={t('profile.billingEmail')}
              type="email"
              maxLength={254}
              autoComplete="email"
              value={billingEmail}
              onChange={(e) => setBillingEmail(e.currentTarget.value)}
              error={errors['billingContact.email']}
            />
          </SimpleGrid>
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
