import { Alert, Button, Group, Loader, Paper, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Page } from '../components/Page.tsx';
import { useOnboarding, usePayouts } from '../engagements/queries.ts';
import { PayoutStatusBadge } from '../engagements/StateBadge.tsx';
import { generalError } from '../profile/form-utils.ts';
import { RoleGate } from '../projects/RoleGate.tsx';

/** After onboarding, how long the page waits for Stripe's `account.updated` to mark the payouts ready. */
const ONBOARDING_POLL_MS = 10_000;

/** `/payouts`: a professional's payout setup (a Stripe Connect account), started or continued on Stripe. */
export default function PayoutsPage() {
  const { t } = useTranslation();
  return (
    <RoleGate only="professional" title={t('payouts.title')}>
      {() => <Payouts />}
    </RoleGate>
  );
}

function Payouts() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const back = params.get('onboarding');
  const returned = back === 'done' ? 'done' : back === 'refresh' ? 'refresh' : undefined;
  const [timedOut, setTimedOut] = useState(false);
  useEffect(() => {
    if (returned !== 'done') return;
    const timer = setTimeout(() => setTimedOut(true), ONBOARDING_POLL_MS);
    return () => clearTimeout(timer);
  }, [returned]);
  const payouts = usePayouts((s) => returned === 'done' && !timedOut && s !== 'ready');
  const onboarding = useOnboarding();
  const [redirecting, setRedirecting] = useState(false);
  const [error, setError] = useState<string>();

  const start = async () => {
    setError(undefined);
    try {
      const { url } = await onboarding.mutateAsync();
      setRedirecting(true);
      window.location.assign(url);
    } catch (e) {
      setError(generalError(t, e));
    }
  };
  const clear = () =>
    setParams(
      (p) => {
        p.delete('onboarding');
        return p;
      },
      { replace: true },
    );

  let notice: { color: string; text: string; busy?: boolean } | undefined;
  if (returned === 'refresh') notice = { color: 'yellow', text: t('payouts.expired') };
  else if (returned === 'done' && payouts.data === 'ready')
    notice = { color: 'teal', text: t('payouts.completed') };
  else if (returned === 'done' && (timedOut || payouts.isError))
    notice = { color: 'yellow', text: t('payouts.notYet') };
  else if (returned === 'done') notice = { color: 'ai', text: t('payouts.checking'), busy: true };

  return (
    <Page title={t('payouts.title')}>
      <Text mb="lg">{t('payouts.lead')}</Text>
      <div role="status">
        {notice && (
          <Alert
            color={notice.color}
            mb="md"
            icon={notice.busy ? <Loader size="xs" aria-hidden="true" /> : undefined}
            withCloseButton={!notice.busy}
            closeButtonLabel={t('app.close')}
            onClose={clear}
          >
            {notice.text}
          </Alert>
        )}
      </div>
      {error && (
        <Alert color="red" role="alert" mb="md">
          {error}
        </Alert>
      )}
      <Paper
        withBorder
        p={{ base: 'md', sm: 'lg' }}
        component="section"
        aria-labelledby="payout-status-title"
      >
        <Title order={2} size="h3" id="payout-status-title" mb="sm">
          {t('payouts.status')}
        </Title>
        {payouts.isPending ? (
          <Loading />
        ) : payouts.isError ? (
          <LoadError error={payouts.error} onRetry={() => void payouts.refetch()} />
        ) : (
          <>
            <Group gap="sm" mb="sm">
              <PayoutStatusBadge status={payouts.data} />
            </Group>
            <Text mb="md">{t(`payouts.statusHelp.${payouts.data}`)}</Text>
            {payouts.data !== 'ready' && (
              <Button onClick={() => void start()} loading={onboarding.isPending || redirecting}>
                {t(
                  payouts.data === 'pending' && returned !== 'refresh' ? 'payouts.continue' : 'payouts.start',
                )}
              </Button>
            )}
          </>
        )}
      </Paper>
      <Group gap="sm" mt="lg">
        <Button component={Link} to="/earnings" variant="light">
          {t('payouts.toEarnings')}
        </Button>
        <Button component={Link} to="/engagements" variant="light">
          {t('payouts.toEngagements')}
        </Button>
      </Group>
    </Page>
  );
}
