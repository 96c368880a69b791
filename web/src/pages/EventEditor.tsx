import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { EventInput, EventPatch } from '#shared/events/rules.ts';
import { ApiError } from '../api.ts';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Page } from '../components/Page.tsx';
import { EventFields, useEventForm } from '../events/EventFields.tsx';
import { changesOf, toBody } from '../events/editor-values.ts';
import { useEvent, useEventAction, useSaveEvent } from '../events/queries.ts';
import type { EventOut } from '../events/types.ts';
import { bodyOf, FormAlert, useFormSubmit } from '../forms.tsx';
import { RoleGate } from '../projects/RoleGate.tsx';
import type { Profile } from '../types.ts';

/** `/staff/events/new` and `/staff/events/:id/edit`: region staff draft, edit and publish a tour or seminar. */
export default function EventEditorPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const title = t(id ? 'events.editor.editTitle' : 'events.editor.newTitle');
  return (
    <RoleGate only="region_staff" title={title}>
      {(me) => (id ? <EditExisting id={id} me={me} title={title} /> : <Editor me={me} title={title} />)}
    </RoleGate>
  );
}

function EditExisting({ id, me, title }: { id: string; me: Profile; title: string }) {
  const { t } = useTranslation();
  const event = useEvent(id);
  if (event.isPending) return <Loading />;
  const problem = event.isError
    ? event.error instanceof ApiError && event.error.status < 500
      ? t('events.editor.notStaff')
      : undefined
    : event.data.status !== 'draft'
      ? t('events.editor.notDraft')
      : undefined;
  if (event.isError && !problem)
    return (
      <Page title={title}>
        <LoadError error={event.error} onRetry={() => void event.refetch()} />
      </Page>
    );
  if (problem || !event.data)
    return (
      <Page title={title}>
        <Alert color="gray" role="status" mb="md">
          {problem}
        </Alert>
        <Group gap="sm">
          {event.data && (
            <Button component={Link} to={`/events/${id}`} variant="default">
              {t('events.editor.toEvent')}
            </Button>
          )}
          <Button component={Link} to="/staff/events" variant="default">
            {t('events.staff.myTitle')}
          </Button>
        </Group>
      </Page>
    );
  return <Editor me={me} title={title} initial={event.data} />;
}

function Editor({ me, title, initial }: { me: Profile; title: string; initial?: EventOut }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveEvent();
  const action = useEventAction();
  const [mode, setMode] = useState<'save' | 'publish'>('save');
  const form = useEventForm(initial);
  const { general, submit } = useFormSubmit(form, undefined, 'events.editor.failed');

  const onSubmit = submit(async (values, event) => {
    const submitter = (event?.nativeEvent as SubmitEvent | undefined)?.submitter;
    const chosen = submitter?.dataset.mode === 'publish' ? 'publish' : 'save';
    const input = bodyOf(EventInput, toBody, values);
    let saved: EventOut | undefined = initial;
    if (!initial) saved = await save.mutateAsync({ input });
    else {
      const patch = changesOf(input, initial);
      if (Object.keys(patch).length)
        saved = await save.mutateAsync({ id: initial.id, input: bodyOf(EventPatch, (p) => p, patch) });
    }
    if (!saved) return;
    let notice: 'saved' | 'published' | 'publishFailed' = 'saved';
    if (chosen === 'publish' && saved.status === 'draft') {
      try {
        await action.mutateAsync({ id: saved.id, action: 'publish' });
        notice = 'published';
      } catch {
        notice = 'publishFailed';
      }
    }
    navigate(`/events/${saved.id}`, { state: { notice } });
  });
  /** Which button was pressed shows at once, while the check runs. */
  const onFormSubmit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    setMode(submitter?.dataset.mode === 'publish' ? 'publish' : 'save');
    onSubmit(event);
  };
  const busy = save.isPending || action.isPending;

  return (
    <Page title={title}>
      <Text mb="lg">{t('events.editor.lead')}</Text>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        <form onSubmit={onFormSubmit} noValidate>
          <Stack gap="lg">
            <FormAlert message={general} />
            <EventFields form={form} regionCode={me.regionCode ?? ''} />
            <Text size="sm">{t('events.editor.publishingHint')}</Text>
            <Group justify="flex-end" gap="sm">
              <Button
                component={Link}
                to={initial ? `/events/${initial.id}` : '/staff/events'}
                variant="default"
              >
                {t('editor.cancel')}
              </Button>
              <Button
                type="submit"
                variant="default"
                loading={busy && mode === 'save'}
                disabled={busy && mode !== 'save'}
                data-mode="save"
              >
                {t(initial ? 'editor.save' : 'editor.saveDraft')}
              </Button>
              <Button
                type="submit"
                loading={busy && mode === 'publish'}
                disabled={busy && mode !== 'publish'}
                data-mode="publish"
              >
                {t('editor.saveAndPublish')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Page>
  );
}
