import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ProfileInput } from '#shared/accounts/rules.ts';
import { bodyOf, bounds, contractResolver, FormAlert, type Issue, useFormSubmit } from '../forms.tsx';
import { useSaveProfile } from '../me.ts';
import type { Profile } from '../types.ts';

type Values = { role: 'region_staff' | 'operator'; displayName: string };
const toBody = (v: Values) => v;
const MAX_NAME = bounds(ProfileInput.def.options[2].shape.displayName).max;

/** Region staff and operators keep only a display name of their own. */
export function StaffForm({
  initial,
  onSaved,
  onCancel,
}: {
  initial: Profile & { role: 'region_staff' | 'operator' };
  onSaved: (profile: Profile) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveProfile();
  const word = (issue: Issue) =>
    issue.code === 'too_small'
      ? t('profile.errors.required')
      : issue.code === 'too_big'
        ? t('editor.errors.tooLong', { max: issue.maximum })
        : undefined;
  const form = useForm<Values>({
    initialValues: { role: initial.role, displayName: initial.displayName },
    validate: contractResolver(t, ProfileInput, toBody, word),
  });
  const { general, submit } = useFormSubmit(form);
  const onSubmit = submit(async (values) =>
    onSaved(await save.mutateAsync(bodyOf(ProfileInput, toBody, values))),
  );

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <FormAlert message={general} />
        <TextInput
          label={t('profile.displayName')}
          required
          maxLength={MAX_NAME}
          {...form.getInputProps('displayName')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('profile.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('profile.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
