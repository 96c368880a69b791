import { Alert, Anchor, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../api.ts';
import { useSession } from '../auth/session.ts';
import {
  bodyOf,
  bounds,
  contractResolver,
  FormAlert,
  type Issue,
  textIssue,
  useFormSubmit,
} from '../forms.tsx';
import { useMe } from '../me.ts';
import type { Filters } from '../projects/search-params.ts';
import { useSaveSearch } from './queries.ts';
import { MAX_SAVED_SEARCHES, type SavedSearch, SavedSearchInput } from './types.ts';

/** The search as the saved searches API takes it: the address's filters in the browse query's words. */
function toBody(filters: Filters, name: string) {
  const text = (value: string) => (value.trim() ? value.trim() : undefined);
  return {
    name: text(name),
    q: text(filters.q),
    prefecture: text(filters.prefecture),
    municipality: text(filters.municipality),
    skill: text(filters.skill),
    minFee: filters.minFee ? Number(filters.minFee) : undefined,
    maxHours: filters.maxHours ? Number(filters.maxHours) : undefined,
    remote: filters.remote || undefined,
    shortTime: filters.shortTime ? 'true' : undefined,
    teams: filters.teams ? 'true' : undefined,
  };
}

/**
 * "Save this search" on the search page, for signed-in professionals: saves the search the results show (the
 * address's, not the form's unsent changes), with a name if they like; new matches are mailed each morning.
 */
export function SaveSearch({ filters }: { filters: Filters }) {
  const session = useSession();
  const me = useMe();
  if (!session || me.data?.role !== 'professional') return null;
  return <SaveSearchForm filters={filters} />;
}

function SaveSearchForm({ filters }: { filters: Filters }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<SavedSearch>();
  const save = useSaveSearch();
  const formId = useId();
  const nameInput = useRef<HTMLInputElement>(null);
  // The form replaces the button: the focus goes to its one field.
  useEffect(() => {
    if (open) nameInput.current?.focus();
  }, [open]);
  const word = (issue: Issue) => textIssue(issue, t, 'editor.errors.required');
  const form = useForm<{ name: string }>({
    initialValues: { name: '' },
    validate: contractResolver(t, SavedSearchInput, (v) => toBody(filters, v.name), word),
  });
  const { general, submit } = useFormSubmit(form, undefined, 'searches.saveFailed');
  const onSubmit = submit(async (values) => {
    try {
      const done = await save.mutateAsync(bodyOf(SavedSearchInput, (v) => toBody(filters, v.name), values));
      setSaved(done);
      setOpen(false);
      form.reset();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'saved_searches_full')
        throw new ApiError(error.status, error.code, t('searches.full', { max: MAX_SAVED_SEARCHES }));
      throw error;
    }
  });

  return (
    <Stack gap="sm" mb="md">
      <div role="status">
        {saved && (
          <Alert
            color="teal"
            withCloseButton
            closeButtonLabel={t('app.close')}
            onClose={() => setSaved(undefined)}
          >
            {t('searches.savedNotice')}{' '}
            <Anchor component={Link} to="/saved-searches">
              {t('searches.seeList')}
            </Anchor>
          </Alert>
        )}
      </div>
      {!open ? (
        <Group gap="md">
          <Button variant="light" onClick={() => setOpen(true)}>
            {t('searches.save')}
          </Button>
          <Anchor component={Link} to="/saved-searches" size="sm">
            {t('searches.listTitle')}
          </Anchor>
        </Group>
      ) : (
        <Paper withBorder p="md" id={formId} component="section" aria-labelledby={`${formId}-title`}>
          <form onSubmit={onSubmit} noValidate>
            <Stack gap="sm">
              <Text fw={700} id={`${formId}-title`}>
                {t('searches.save')}
              </Text>
              <Text size="sm">{t('searches.saveLead')}</Text>
              <FormAlert message={general} />
              <TextInput
                label={t('searches.name')}
                description={t('searches.nameHint', { max: bounds(SavedSearchInput.shape.name).max })}
                maxLength={bounds(SavedSearchInput.shape.name).max}
                ref={nameInput}
                {...form.getInputProps('name')}
              />
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setOpen(false)}>
                  {t('confirm.cancel')}
                </Button>
                <Button type="submit" loading={save.isPending}>
                  {t('searches.saveSubmit')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      )}
    </Stack>
  );
}
