import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveProfile } from '../me.ts';
import type { Profile } from '../types.ts';
import { generalError, serverFieldErrors } from './form-utils.ts';

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
  const [displayName, setDisplayName] = useState(initial.displayName);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string>();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setGeneral(undefined);
    const name = displayName.trim();
    if (!name) return setErrors({ displayName: t('profile.errors.required') });
    setErrors({});
    try {
      onSaved(await save.mutateAsync({ role: initial.role, displayName: name }));
    } catch (error) {
      setErrors(serverFieldErrors(t, error));
      setGeneral(generalError(t, error));
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {general && (
          <Alert color="red" role="alert">
            {general}
          </Alert>
        )}
        <TextInput
          label={t('profile.displayName')}
          required
          maxLength={60}
          value={displayName}
          onChange={(e) => setDisplayName(e.currentTarget.value)}
          error={errors.displayName}
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
