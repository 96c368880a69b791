import {
  Alert,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CONSIDERATION_KINDS,
  CONSIDERATION_OUTCOMES,
  ConsiderationAnswerInput,
  ConsiderationRequestInput,
  NOT_POSSIBLE_MIN_CHARS,
  REQUEST_MAX_CHARS,
} from '#shared/considerations/rules.ts';
import { fieldErrors } from '../api.ts';
import { LoadError, Loading } from '../components/Loading.tsx';
import type { Engagement } from '../engagements/types.ts';
import { useFormat } from '../format.ts';
import { generalError } from '../profile/form-utils.ts';
import { type ConsiderationRequest, useConsiderations } from './queries.ts';

type Errors = Partial<Record<'kind' | 'request' | 'answer' | 'outcome', string>>;

const OUTCOME_COLOR = { accommodated: 'teal', partly: 'yellow', not_possible: 'red' } as const;
/** Dark shades on their light tints (4.5:1, WCAG AA); Mantine's yellow is too light, so a brown of its own. */
const tint = (color: string) => ({
  root: {
    color: color === 'yellow' ? '#7a4100' : `var(--mantine-color-${color}-9)`,
    background: `var(--mantine-color-${color}-0)`,
  },
});

/**
 * Requests for consideration (freelance act 13条): the professional side asks the firm to let them do the work
 * alongside pregnancy, childbirth, childcare or care and sees the answers; the firm sees every request and answers
 * each once. The record is kept.
 */
export function Considerations({ engagement: e }: { engagement: Engagement }) {
  const { t } = useTranslation();
  const { list, create, answer } = useConsiderations(e.id);
  const firm = e.yourRole === 'firm';
  const items = list.data?.items ?? [];

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="considerations-title">
      <Title order={2} size="h3" id="considerations-title" mb="xs">
        {t('considerations.title')}
      </Title>
      <Stack gap="md">
        <Text>{t(firm ? 'considerations.introFirm' : 'considerations.introPro')}</Text>
        <Text size="sm" c="dimmed">
          {t(e.long ? 'considerations.dutyLong' : 'considerations.dutyShort')}
        </Text>
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : items.length === 0 ? (
          <Text c="dimmed">{t('considerations.none')}</Text>
        ) : (
          <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {items.map((r) => (
              <li key={r.id}>
                <RequestCard
                  request={r}
                  firm={firm}
                  onAnswer={(body) => answer.mutateAsync({ requestId: r.id, ...body })}
                />
              </li>
            ))}
          </Stack>
        )}
        {!firm && <RequestForm onSubmit={(body) => create.mutateAsync(body)} />}
      </Stack>
    </Paper>
  );
}

function RequestCard({
  request: r,
  firm,
  onAnswer,
}: {
  request: ConsiderationRequest;
  firm: boolean;
  onAnswer: (body: { answer: string; outcome: Outcome }) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Paper withBorder p="sm" radius="sm" component="article" aria-label={t(`considerations.kinds.${r.kind}`)}>
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap">
          <Badge variant="light" radius="sm" tt="none" styles={tint('blue')}>
            {t(`considerations.kinds.${r.kind}`)}
          </Badge>
          <Text size="sm">
            <time dateTime={r.createdAt}>{t('considerations.askedOn', { date: f.date(r.createdAt) })}</time>
            {firm && ` · ${t('considerations.by', { name: r.requester.displayName })}`}
          </Text>
          <Badge variant="outline" radius="sm" tt="none" color={r.dutyApplies ? 'indigo' : 'gray'}>
            {t(r.dutyApplies ? 'considerations.duty' : 'considerations.effort')}
          </Badge>
        </Group>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{r.request}</Text>
        {r.answer ? (
          <Stack gap={4} pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-gray-4)' }}>
            <Group gap="xs">
              <Text fw={600} size="sm">
                <time dateTime={r.answer.answeredAt}>
                  {t('considerations.answeredOn', { date: f.date(r.answer.answeredAt) })}
                </time>
              </Text>
              <Badge variant="light" radius="sm" tt="none" styles={tint(OUTCOME_COLOR[r.answer.outcome])}>
                {t(`considerations.outcomes.${r.answer.outcome}`)}
              </Badge>
            </Group>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{r.answer.text}</Text>
          </Stack>
        ) : firm ? (
          <AnswerForm onSubmit={onAnswer} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('considerations.waiting')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

type Outcome = (typeof CONSIDERATION_OUTCOMES)[number];
type Kind = (typeof CONSIDERATION_KINDS)[number];

function RequestForm({
  onSubmit,
}: {
  onSubmit: (body: { kind: Kind; request: string }) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState('');
  const [request, setRequest] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string>();
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSent(false);
    setFailure(undefined);
    const checked = ConsiderationRequestInput.safeParse({ kind, request });
    if (!checked.success) {
      const paths = new Set(checked.error.issues.map((i) => String(i.path[0])));
      return setErrors({
        ...(paths.has('kind') ? { kind: t('considerations.errors.kind') } : {}),
        ...(paths.has('request') ? { request: t('considerations.errors.request') } : {}),
      });
    }
    setErrors({});
    setBusy(true);
    try {
      await onSubmit(checked.data);
      setKind('');
      setRequest('');
      setSent(true);
    } catch (error) {
      setErrors(fieldErrors(error));
      setFailure(generalError(t, error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="consideration-form-title">
      <Stack gap="xs">
        <Title order={3} size="h4" id="consideration-form-title">
          {t('considerations.formTitle')}
        </Title>
        <NativeSelect
          label={t('considerations.kind')}
          data={[
            { value: '', label: t('considerations.kindPick') },
            ...CONSIDERATION_KINDS.map((k) => ({ value: k, label: t(`considerations.kinds.${k}`) })),
          ]}
          value={kind}
          onChange={(event) => setKind(event.currentTarget.value)}
          error={errors.kind}
          maw={320}
        />
        <Textarea
          label={t('considerations.request')}
          description={t('considerations.requestHint')}
          value={request}
          onChange={(event) => setRequest(event.currentTarget.value)}
          error={errors.request}
          maxLength={REQUEST_MAX_CHARS}
          autosize
          minRows={3}
        />
        <Group>
          <Button type="submit" loading={busy}>
            {t('considerations.submit')}
          </Button>
        </Group>
        <div role="status">
          {sent && (
            <Alert
              color="teal"
              withCloseButton
              closeButtonLabel={t('app.close')}
              onClose={() => setSent(false)}
            >
              {t('considerations.sent')}
            </Alert>
          )}
        </div>
        {failure && (
          <Text c="red" size="sm" role="alert">
            {failure}
          </Text>
        )}
      </Stack>
    </form>
  );
}

function AnswerForm({
  onSubmit,
}: {
  onSubmit: (body: { answer: string; outcome: Outcome }) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState('');
  const [answer, setAnswer] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(undefined);
    const checked = ConsiderationAnswerInput.safeParse({ answer, outcome });
    if (!checked.success) {
      const paths = new Set(checked.error.issues.map((i) => String(i.path[0])));
      const explain = outcome === 'not_possible' && answer.trim().length > 0;
      return setErrors({
        ...(paths.has('outcome') ? { outcome: t('considerations.errors.outcome') } : {}),
        ...(paths.has('answer')
          ? { answer: t(explain ? 'considerations.errors.explain' : 'considerations.errors.answer') }
          : {}),
      });
    }
    setErrors({});
    setBusy(true);
    try {
      await onSubmit(checked.data);
    } catch (error) {
      setErrors(fieldErrors(error));
      setFailure(generalError(t, error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <NativeSelect
          label={t('considerations.outcome')}
          data={[
            { value: '', label: t('considerations.kindPick') },
            ...CONSIDERATION_OUTCOMES.map((o) => ({ value: o, label: t(`considerations.outcomes.${o}`) })),
          ]}
          value={outcome}
          onChange={(event) => setOutcome(event.currentTarget.value)}
          error={errors.outcome}
          maw={320}
        />
        <Textarea
          label={t('considerations.answer')}
          description={
            outcome === 'not_possible'
              ? t('considerations.answerHintNotPossible', { min: NOT_POSSIBLE_MIN_CHARS })
              : t('considerations.answerHint')
          }
          value={answer}
          onChange={(event) => setAnswer(event.currentTarget.value)}
          error={errors.answer}
          maxLength={REQUEST_MAX_CHARS}
          autosize
          minRows={2}
        />
        <Group>
          <Button type="submit" loading={busy}>
            {t('considerations.answerSubmit')}
          </Button>
        </Group>
        {failure && (
          <Text c="red" size="sm" role="alert">
            {failure}
          </Text>
        )}
      </Stack>
    </form>
  );
}
