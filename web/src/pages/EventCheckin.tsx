import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { lazy, Suspense, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHECKIN_OPENS_HOURS_BEFORE, CheckinInput, CODE_LENGTH } from '#shared/events/rules.ts';
import { ApiError } from '../api.ts';
import { Loading } from '../components/Loading.tsx';
import { Page } from '../components/Page.tsx';
import { codeIn } from '../events/checkin-code.ts';
import { useCheckIn } from '../events/queries.ts';
import { EventBackLink, StaffEventGate } from '../events/StaffEventGate.tsx';
import type { CheckinOut, EventOut } from '../events/types.ts';
import { useFormat } from '../format.ts';
import { bodyOf, contractResolver, FormAlert, useFormSubmit } from '../forms.tsx';
import { generalError } from '../profile/form-utils.ts';

// The camera and its QR decoder load only when staff start scanning.
const CodeScanner = lazy(() => import('../events/CodeScanner.tsx'));

/** What a code gave at the door. */
type Refusal = 'notFound' | 'notConfirmed' | 'notOpen' | 'closed';
type Outcome =
  | { kind: 'checkedIn' | 'already'; code: string; answer: CheckinOut }
  | { kind: Refusal; code: string };

const CONFLICT: Record<string, Refusal> = {
  not_confirmed: 'notConfirmed',
  checkin_not_open: 'notOpen',
  checkin_closed: 'closed',
};
/** A code read twice in this long by the camera is one scan. */
const SAME_SCAN_MS = 4_000;

/** `/staff/events/:id/checkin`: staff check people in at the door, by typing the code or with the camera. */
export default function EventCheckinPage() {
  const { t } = useTranslation();
  return (
    <StaffEventGate title={t('events.checkin.title')}>{(event) => <Checkin event={event} />}</StaffEventGate>
  );
}

function Checkin({ event: e }: { event: EventOut }) {
  const { t } = useTranslation();
  const checkIn = useCheckIn(e.id);
  const [outcomes, setOutcomes] = useState<(Outcome & { id: number })[]>([]);
  const [scanning, setScanning] = useState(false);
  const [scanProblem, setScanProblem] = useState<string>();
  const lastScan = useRef({ code: '', at: 0 });
  const codeField = useRef<HTMLInputElement>(null);
  const form = useForm<{ code: string }>({
    initialValues: { code: '' },
    validate: contractResolver(
      t,
      CheckinInput,
      (v: { code: string }) => v,
      () => t('events.checkin.errors.code', { length: CODE_LENGTH }),
    ),
  });
  const { general, submit } = useFormSubmit(form, undefined, 'events.checkin.failed');

  /** Asks the API; what it answers about the code is an outcome, anything else is thrown. */
  const check = async (code: string) => {
    try {
      const answer = await checkIn.mutateAsync(code);
      record({ kind: answer.already ? 'already' : 'checkedIn', code, answer });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const kind: Refusal | undefined = error.status === 404 ? 'notFound' : CONFLICT[error.code];
      if (!kind) throw error;
      record({ kind, code });
    }
  };
  const seq = useRef(0);
  const record = (o: Outcome) => {
    seq.current += 1;
    const entry = { ...o, id: seq.current };
    setOutcomes((list) => [entry, ...list].slice(0, 20));
  };

  const onSubmit = submit(async (values) => {
    await check(bodyOf(CheckinInput, (v: { code: string }) => v, values).code);
    form.reset();
    codeField.current?.focus();
  });

  const onScan = (text: string) => {
    const code = codeIn(text);
    const now = Date.now();
    if (!code || (code === lastScan.current.code && now - lastScan.current.at < SAME_SCAN_MS)) return;
    lastScan.current = { code, at: now };
    setScanProblem(undefined);
    check(code).catch((error: unknown) => setScanProblem(generalError(t, error)));
  };

  const [latest, ...earlier] = outcomes;
  return (
    <Page title={t('events.checkin.title')}>
      <EventBackLink event={e} />
      <Text mb="lg">{t('events.checkin.lead', { hours: CHECKIN_OPENS_HOURS_BEFORE })}</Text>
      <Stack gap="lg">
        <div role="status">{latest && <OutcomeAlert outcome={latest} />}</div>
        <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
          <form onSubmit={onSubmit} noValidate>
            <Stack gap="md">
              <FormAlert message={general} />
              <TextInput
                ref={codeField}
                label={t('events.checkin.code')}
                description={t('events.checkin.codeHint', { length: CODE_LENGTH })}
                required
                maxLength={CODE_LENGTH}
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                size="lg"
                styles={{ input: { fontFamily: 'ui-monospace, monospace', letterSpacing: '0.2em' } }}
                {...form.getInputProps('code')}
                onChange={(event) => form.setFieldValue('code', event.currentTarget.value.toUpperCase())}
              />
              <Group justify="space-between" wrap="wrap" gap="sm">
                <Button
                  variant="default"
                  onClick={() => {
                    setScanProblem(undefined);
                    setScanning(!scanning);
                  }}
                  aria-pressed={scanning}
                >
                  {t(scanning ? 'events.checkin.stopCamera' : 'events.checkin.startCamera')}
                </Button>
                <Button type="submit" loading={checkIn.isPending}>
                  {t('events.checkin.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
          {scanProblem && (
            <Alert color="red" role="alert" mt="md">
              {scanProblem}
            </Alert>
          )}
          {scanning && (
            <Stack gap="xs" mt="md">
              <Text size="sm">{t('events.checkin.cameraHint')}</Text>
              <Suspense fallback={<Loading />}>
                <CodeScanner
                  onCode={onScan}
                  onError={(reason) => {
                    setScanning(false);
                    setScanProblem(t(`events.checkin.camera.${reason}`));
                  }}
                />
              </Suspense>
            </Stack>
          )}
        </Paper>
        {earlier.length > 0 && (
          <section aria-labelledby="history-title">
            <Title order={2} size="h4" id="history-title" mb="xs">
              {t('events.checkin.history')}
            </Title>
            <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {earlier.map((o) => (
                <li key={o.id}>
                  <OutcomeLine outcome={o} />
                </li>
              ))}
            </Stack>
          </section>
        )}
      </Stack>
    </Page>
  );
}

function useOutcomeText() {
  const { t } = useTranslation();
  const f = useFormat();
  return (o: Outcome) => {
    if (o.kind === 'checkedIn' || o.kind === 'already')
      return t(`events.checkin.outcomes.${o.kind}`, {
        name: o.answer.displayName,
        where: t(`events.attendanceInline.${o.answer.attendance}`),
        time: f.dateTimeShort(o.answer.checkedInAt),
      });
    return t(`events.checkin.outcomes.${o.kind}`, { code: o.code, hours: CHECKIN_OPENS_HOURS_BEFORE });
  };
}

const COLOR: Record<Outcome['kind'], string> = {
  checkedIn: 'teal',
  already: 'ai',
  notFound: 'red',
  notConfirmed: 'red',
  notOpen: 'gray',
  closed: 'gray',
};

function OutcomeAlert({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  const text = useOutcomeText();
  return (
    <Alert color={COLOR[outcome.kind]} title={t(`events.checkin.titles.${outcome.kind}`)} variant="light">
      <Text size="lg">{text(outcome)}</Text>
    </Alert>
  );
}

function OutcomeLine({ outcome }: { outcome: Outcome }) {
  const text = useOutcomeText();
  return (
    <Text size="sm">
      <Text span ff="monospace" fw={700} mr="sm">
        {outcome.code}
      </Text>
      {text(outcome)}
    </Text>
  );
}
