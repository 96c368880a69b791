import { Alert, Button, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EndingReasonInput } from '#shared/terms/contract.ts';
import type { Engagement } from '../engagements/types.ts';
import { useFormat } from '../format.ts';
import { generalError } from '../profile/form-utils.ts';
import { useEndingReason } from './queries.ts';

/**
 * A long engagement's ending (freelance act 16条): the 30 days' notice it needs, the notice once given, and the
 * reason's disclosure — the professional asks, the firm is prompted and answers, both see it.
 */
export function EndingNotice({ engagement: e }: { engagement: Engagement }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { ask, give } = useEndingReason(e.id);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  if (!e.long) return null;
  const firm = e.yourRole === 'firm';
  const n = e.ending;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = EndingReasonInput.safeParse({ reason });
    if (!checked.success) return setError(t('terms.ending.reasonRequired'));
    setError(undefined);
    try {
      await give.mutateAsync(checked.data.reason);
    } catch (failure) {
      setError(generalError(t, failure));
    }
  }

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="ending-title">
      <Title order={2} size="h3" id="ending-title" mb="xs">
        {t('terms.ending.title')}
      </Title>
      <Stack gap="sm">
        <Text>{t(firm ? 'terms.ending.ruleFirm' : 'terms.ending.rulePro')}</Text>
        {n && (
          <Alert color="red" title={t('terms.ending.given', { date: f.date(n.requestedAt) })}>
            {t(n.noticeExtended ? 'terms.ending.endsExtended' : 'terms.ending.endsAtPeriod', {
              date: f.date(n.endsAt),
            })}
          </Alert>
        )}
        {n && !firm && !n.reasonRequestedAt && !n.reason && (
          <div>
            <Button variant="light" loading={ask.isPending} onClick={() => ask.mutate()}>
              {t('terms.ending.ask')}
            </Button>
            {ask.isError && (
              <Text c="red" size="sm" role="alert">
                {generalError(t, ask.error)}
              </Text>
            )}
          </div>
        )}
        {n?.reasonRequestedAt && !n.reason && (
          <Text>
            {t(firm ? 'terms.ending.askedFirm' : 'terms.ending.askedPro', {
              date: f.date(n.reasonRequestedAt),
            })}
          </Text>
        )}
        {n && firm && !n.reason && (
          <form onSubmit={submit} noValidate>
            <Stack gap="xs" align="flex-start">
              <Textarea
                label={t('terms.ending.reason')}
                description={t('terms.ending.reasonHint')}
                value={reason}
                onChange={(event) => setReason(event.currentTarget.value)}
                error={error}
                autosize
                minRows={3}
                w="100%"
              />
              <Button type="submit" loading={give.isPending}>
                {t('terms.ending.give')}
              </Button>
            </Stack>
          </form>
        )}
        {n?.reason && n.reasonGivenAt && (
          <div>
            <Text fw={600}>{t('terms.ending.reasonGiven', { date: f.date(n.reasonGivenAt) })}</Text>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{n.reason}</Text>
          </div>
        )}
      </Stack>
    </Paper>
  );
}
