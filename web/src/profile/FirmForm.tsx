import { Button, Fieldset, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
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
  textIssue,
  useFormSubmit,
} from '../forms.tsx';
import { useSaveProfile } from '../me.ts';
import { FIRM_SIZES, type FirmSize, type Profile } from '../types.ts';
import { normalizeRegistrationNumber } from './form-utils.ts';
import { MunicipalitySelect, PrefectureSelect } from './RegionSelects.tsx';

/** The firm's part of the shared profile schema (its limits are shown and checked). */
const fields = ProfileInput.def.options[1].shape;
const billing = fields.billingContact.def.innerType.shape;

type Values = {
  displayName: string;
  organizationName: string;
  prefectureCode: string;
  municipalityCode: string;
  industry: string;
  size: FirmSize | '';
  invoiceRegistrationNumber: string;
  billingName: string;
  billingEmail: string;
};

/** The body of `PUT /v1/me` the values make: empty optional fields left out. */
function toBody(v: Values) {
  const tNumber = normalizeRegistrationNumber(v.invoiceRegistrationNumber);
  const contact = v.billingName.trim() || v.billingEmail.trim();
  return {
    role: 'firm',
    displayName: v.displayName,
    organizationName: v.organizationName,
    municipalityCode: v.municipalityCode,
    industry: v.industry.trim() ? v.industry : undefined,
    size: v.size || undefined,
    invoiceRegistrationNumber: tNumber || undefined,
    billingContact: contact ? { name: v.billingName, email: v.billingEmail.trim() } : undefined,
  };
}

/** The billing contact's name and e-mail have fields of their own. */
const place: Place = (path) => {
  if (path[0] !== 'billingContact') return path.length ? String(path[0]) : undefined;
  return path[1] === 'email' ? 'billingEmail' : 'billingName';
};

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
  const word = (issue: Issue): string | undefined => {
    const [field, part] = issue.path;
    const empty = !String(issue.input ?? '').trim();
    switch (field) {
      case 'displayName':
      case 'organizationName':
      case 'industry':
        return textIssue(issue, t, 'profile.errors.required');
      case 'municipalityCode':
        return t('profile.errors.chooseOne');
      case 'invoiceRegistrationNumber':
        return t('profile.errors.invoice');
      case 'billingContact':
        if (empty) return t('profile.errors.billingBoth');
        return part === 'email' ? t('profile.errors.email') : undefined;
      default:
        return undefined;
    }
  };
  const contract = contractResolver(t, ProfileInput, toBody, word, place);
  const form = useForm<Values>({
    initialValues: {
      displayName: initial?.displayName ?? '',
      organizationName: initial?.organizationName ?? '',
      prefectureCode: initial?.municipalityCode?.slice(0, 2) ?? '',
      municipalityCode: initial?.municipalityCode ?? '',
      industry: initial?.industry ?? '',
      size: initial?.size ?? '',
      invoiceRegistrationNumber: initial?.invoiceRegistrationNumber ?? '',
      billingName: initial?.billingContact?.name ?? '',
      billingEmail: initial?.billingContact?.email ?? '',
    },
    validate: (values) => {
      const errors = contract(values);
      // The municipality is chosen from the prefecture's list: without one, choosing the prefecture comes first.
      if (!values.prefectureCode) {
        delete errors.municipalityCode;
        errors.prefectureCode = t('profile.errors.chooseOne');
      }
      return errors;
    },
  });
  const { general, submit } = useFormSubmit(form, place);
  const onSubmit = submit(async (values) =>
    onSaved(await save.mutateAsync(bodyOf(ProfileInput, toBody, values))),
  );
  const input = form.getInputProps;
  const limit = (key: 'displayName' | 'organizationName' | 'industry') => bounds(fields[key]).max;

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <FormAlert message={general} />
        <TextInput
          label={t('profile.organizationName')}
          required
          maxLength={limit('organizationName')}
          autoComplete="organization"
          {...input('organizationName')}
        />
        <TextInput
          label={t('profile.displayNameFirm')}
          required
          maxLength={limit('displayName')}
          autoComplete="name"
          {...input('displayName')}
        />
        <Fieldset legend={t('profile.firmLocation')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <PrefectureSelect
              label={t('profile.prefecture')}
              required
              value={form.values.prefectureCode}
              onChange={(code) => {
                form.setFieldValue('prefectureCode', code);
                form.setFieldValue('municipalityCode', '');
              }}
              error={form.errors.prefectureCode}
            />
            <MunicipalitySelect
              label={t('profile.municipality')}
              required
              prefectureCode={form.values.prefectureCode}
              value={form.values.municipalityCode}
              onChange={(code) => form.setFieldValue('municipalityCode', code)}
              error={form.errors.municipalityCode}
            />
          </SimpleGrid>
        </Fieldset>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('profile.industry')}
            description={t('profile.industryHint')}
            maxLength={limit('industry')}
            {...input('industry')}
          />
          <NativeSelect
            label={t('profile.size')}
            data={[
              { value: '', label: t('profile.none') },
              ...FIRM_SIZES.map((s) => ({ value: s, label: t(`profile.sizes.${s}`) })),
            ]}
            {...input('size')}
          />
        </SimpleGrid>
        <TextInput
          label={t('profile.invoiceNumber')}
          description={t('profile.invoiceHint')}
          maxLength={20}
          autoComplete="off"
          spellCheck={false}
          {...input('invoiceRegistrationNumber')}
        />
        <Fieldset legend={t('profile.billingContact')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('profile.billingName')}
              maxLength={bounds(billing.name).max}
              {...input('billingName')}
            />
            <TextInput
              label={t('profile.billingEmail')}
              type="email"
              maxLength={bounds(billing.email).max}
              autoComplete="email"
              {...input('billingEmail')}
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
