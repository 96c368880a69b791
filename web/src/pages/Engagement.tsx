import { Alert, Anchor, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Fragment, type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../api.ts';
import { LoadError, Loading } from '../components/Loading.tsx';
import { MissingOrError } from '../components/MissingOrError.tsx';
import { Page } from '../components/Page.tsx';
import {
  useBillingPortal,
  useCheckout,
  useEngagement,
  useEngagementAction,
  useInvoices,
} from '../engagements/queries.ts';
import { EngagementStateBadge } from '../engagements/StateBadge.tsx';
import { TableScroll } from '../engagements/TableScroll.tsx';
import type { Engagement, EngagementAction } from '../engagements/types.ts';
import { useFormat } from '../format.ts';
import { generalError } from '../profile/form-utils.ts';
import { ConfirmButton } from '../projects/ConfirmButton.tsx';
import { RoleGate } from '../projects/RoleGate.tsx';

/** After paying, how long the page waits for Stripe's webhook to turn the engagement active. */
const CHECKOUT_POLL_MS = 15_000;

/** `/engagements/:id`: an engagement's terms, its invoices, and what the firm can do with it. */
export default function EngagementPage() {
  const { t } = useTranslation();
  return (
    <RoleGate only={['firm', 'professional']} title={t('engagements.pageTitle')}>
      {() => <EngagementDetail />}
    </RoleGate>
  );
}

type Checkout = 'success' | 'cancelled' | undefined;

function useCheckoutReturn(): [Checkout, () => void] {
  const [params, setParams] = useSearchParams();
  const value = params.get('checkout');
  const checkout: Checkout =
    value === 'success' ? 'success' : value === 'cancel' || value === 'cancelled' ? 'cancelled' : undefined;
  const clear = () =>
    setParams(
      (p) => {
        p.delete('checkout');
        p.delete('session_id');
        return p;
      },
      { replace: true },
    );
  return [checkout, clear];
}

function EngagementDetail() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const [checkout, clearCheckout] = useCheckoutReturn();
  const [timedOut, setTimedOut] = useState(false);
  useEffect(() => {
    if (checkout !== 'success') return;
    const timer = setTimeout(() => setTimedOut(true), CHECKOUT_POLL_MS);
    return () => clearTimeout(timer);
  }, [checkout]);
  const engagement = useEngagement(
    id,
    (e) => checkout === 'success' && !timedOut && (!e || e.state === 'awaiting_payment'),
  );
  const invoices = useInvoices(
    id,
    engagement.isSuccess,
    (rows) =>
      checkout === 'success' && !timedOut && engagement.data?.state === 'active' && rows?.length === 0,
  );
  const state = engagement.data?.state;
  // A new state (paid, renewed, failed) comes with a new invoice row.
  useEffect(() => {
    if (state) void queryClient.invalidateQueries({ queryKey: ['engagements', 'invoices', id] });
  }, [state, id, queryClient]);
  const [notice, setNotice] = useState<string>();

  if (engagement.isPending) return <Loading />;
  if (engagement.isError)
    return (
      <MissingOrError
        error={engagement.error}
        onRetry={() => void engagement.refetch()}
        missingStatuses={[400, 403, 404]}
        notFoundTitle={t('engagements.notFound')}
        notFoundBody={t('engagements.notFoundBody')}
        back={{ to: '/engagements', label: t('engagements.backToList') }}
      />
    );
  const e = engagement.data;
  const firm = e.yourRole === 'firm';

  let checkoutNotice: { color: string; text: string; busy?: boolean } | undefined;
  if (checkout === 'success') {
    if (e.state !== 'awaiting_payment')
      checkoutNotice = { color: 'teal', text: t('engagements.checkoutActive') };
    else if (timedOut) checkoutNotice = { color: 'yellow', text: t('engagements.checkoutSlow') };
    else checkoutNotice = { color: 'ai', text: t('engagements.checkoutWaiting'), busy: true };
  } else if (checkout === 'cancelled' && e.state === 'awaiting_payment') {
    checkoutNotice = { color: 'gray', text: t('engagements.checkoutCancelled') };
  }

  return (
    <Page title={e.title}>
      <Group gap="sm" mb="md" mt={-8}>
        <Anchor component={Link} to="/engagements">
          {t('engagements.backToList')}
        </Anchor>
        <Anchor component={Link} to={`/projects/${e.projectId}`}>
          {t('engagements.projectPage')}
        </Anchor>
      </Group>
      <div role="status">
        {checkoutNotice && (
          <Alert
            color={checkoutNotice.color}
            mb="md"
            icon={checkoutNotice.busy ? <Loader size="xs" aria-hidden="true" /> : undefined}
            withCloseButton={!checkoutNotice.busy}
            closeButtonLabel={t('app.close')}
            onClose={clearCheckout}
          >
            {checkoutNotice.text}
          </Alert>
        )}
        {notice && (
          <Alert
            color="teal"
            mb="md"
            withCloseButton
            closeButtonLabel={t('app.close')}
            onClose={() => setNotice(undefined)}
          >
            {notice}
          </Alert>
        )}
      </div>
      <Stack gap="xl">
        <Terms engagement={e} />
        {firm ? (
          <FirmActions
            engagement={e}
            settling={checkout === 'success' && !timedOut}
            onDone={(text) => setNotice(text)}
            onStale={() => void engagement.refetch()}
          />
        ) : (
          <ProfessionalNote engagement={e} />
        )}
        <Invoices engagement={e} invoices={invoices} />
      </Stack>
    </Page>
  );
}

function Terms({ engagement: e }: { engagement: Engagement }) {
  const { t } = useTranslation();
  const f = useFormat();
  const date = (iso: string) => <time dateTime={iso}>{f.date(iso)}</time>;
  const rows: [string, ReactNode][] = [
    [
      t('engagements.state'),
      <Stack key="state" gap={4} align="flex-start">
        <EngagementStateBadge state={e.state} />
        <Text size="sm">{t(`engagements.stateHelp.${e.state}`)}</Text>
      </Stack>,
    ],
    [t('engagements.firm'), e.firm.name],
    [t('engagements.professional'), e.professional.displayName],
    [t('engagements.monthlyFee'), <strong key="fee">{f.yen(e.monthlyFeeJpy)}</strong>],
    [t('engagements.hours'), f.hours(e.hoursPerMonth)],
    [t('engagements.duration'), f.duration(e.durationMonths)],
  ];
  if (e.startMonth) rows.push([t('engagements.startMonth'), f.month(e.startMonth)]);
  rows.push([
    t('engagements.platformFee'),
    t('engagements.platformFeeValue', { percent: f.percent(e.platformFeePercent) }),
  ]);
  if (e.currentPeriod)
    rows.push([
      t('engagements.currentPeriod'),
      <span key="period">
        {date(e.currentPeriod.start)}
        {t('engagements.periodSeparator')}
        {date(e.currentPeriod.end)}
      </span>,
    ]);
  if ((e.state === 'ending' || e.cancelAtPeriodEnd) && e.currentPeriod)
    rows.push([t('engagements.endsAt'), date(e.currentPeriod.end)]);
  else if (e.state !== 'ended')
    rows.push([
      t('engagements.nextRenewal'),
      e.nextRenewalAt
        ? date(e.nextRenewalAt)
        : t(e.state === 'awaiting_payment' ? 'engagements.afterFirstPayment' : 'engagements.notScheduled'),
    ]);
  rows.push([t('engagements.createdAt'), date(e.createdAt)]);
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="terms-title">
      <Title order={2} size="h3" id="terms-title" mb="xs">
        {t('engagements.terms')}
      </Title>
      <dl className="fields">
        {rows.map(([label, value]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
    </Paper>
  );
}

function FirmActions({
  engagement: e,
  settling,
  onDone,
  onStale,
}: {
  engagement: Engagement;
  /** Back from a payment whose webhook has not arrived yet: no second payment meanwhile. */
  settling: boolean;
  onDone: (text: string) => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const checkout = useCheckout();
  const portal = useBillingPortal();
  const action = useEngagementAction();
  const [error, setError] = useState<string>();
  const [redirecting, setRedirecting] = useState<'checkout' | 'portal'>();
  const name = e.professional.displayName;

  const go = async (what: 'checkout' | 'portal') => {
    setError(undefined);
    try {
      const { url } = what === 'checkout' ? await checkout.mutateAsync(e.id) : await portal.mutateAsync();
      setRedirecting(what);
      window.location.assign(url);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'payouts_not_ready')
        setError(t('engagements.payoutsNotReady', { name }));
      else if (err instanceof ApiError && err.code === 'not_awaiting_payment') {
        setError(t('engagements.notAwaitingPayment'));
        onStale();
      } else if (err instanceof ApiError && err.code === 'no_billing_account')
        setError(t('engagements.noBillingAccount'));
      else setError(generalError(t, err));
    }
  };

  const run = async (what: EngagementAction) => {
    setError(undefined);
    try {
      await action.mutateAsync({ id: e.id, action: what });
      onDone(t(`engagements.done.${what}`));
    } catch (err) {
      setError(generalError(t, err));
      onStale();
    }
  };
  const busy = (what: EngagementAction) => action.isPending && action.variables?.action === what;
  const end = e.currentPeriod?.end;
  const payable = e.state === 'awaiting_payment' && !settling;
  if (e.state === 'awaiting_payment' && settling) return null;

  return (
    <Paper
      withBorder
      p={{ base: 'md', sm: 'lg' }}
      bg="ai.0"
      component="section"
      aria-labelledby="actions-title"
    >
      <Title order={2} size="h3" id="actions-title" mb="sm">
        {t('engagements.actions')}
      </Title>
      {payable && <Text mb="sm">{t('engagements.payLead')}</Text>}
      {payable && !e.payoutsReady && !error && (
        <Alert color="yellow" mb="sm">
          {t('engagements.payoutsNotReady', { name })}
        </Alert>
      )}
      {e.state === 'past_due' && (
        <Alert color="red" mb="sm">
          {t('engagements.pastDueFirm')}
        </Alert>
      )}
      {error && (
        <Alert color="red" role="alert" mb="sm">
          {error}
        </Alert>
      )}
      <Group gap="sm">
        {payable && (
          <Button
            onClick={() => void go('checkout')}
            loading={checkout.isPending || redirecting === 'checkout'}
          >
            {t('engagements.pay')}
          </Button>
        )}
        {e.state === 'active' && !e.cancelAtPeriodEnd && (
          <Button variant="default" loading={busy('pause')} onClick={() => void run('pause')}>
            {t('engagements.pause')}
          </Button>
        )}
        {e.state === 'paused' && (
          <Button loading={busy('resume')} onClick={() => void run('resume')}>
            {t('engagements.resume')}
          </Button>
        )}
        {(e.state === 'active' || e.state === 'paused') && !e.cancelAtPeriodEnd && (
          <ConfirmButton
            variant="outline"
            color="red.9"
            label={t('engagements.cancel')}
            title={t('engagements.cancelConfirmTitle')}
            body={
              end
                ? t('engagements.cancelConfirmBody', { title: e.title, date: f.date(end), name })
                : t('engagements.cancelConfirmBodyNoDate', { title: e.title, name })
            }
            loading={busy('cancel')}
            onConfirm={() => run('cancel')}
          />
        )}
        {e.state !== 'awaiting_payment' && (
          <Button
            variant="default"
            onClick={() => void go('portal')}
            loading={portal.isPending || redirecting === 'portal'}
          >
            {t('engagements.portal')}
          </Button>
        )}
      </Group>
      {e.state !== 'awaiting_payment' && (
        <Text size="sm" mt="sm">
          {t('engagements.portalHint')}
          {e.state !== 'ended' && e.cancelAtPeriodEnd && ` ${t('engagements.undoCancelHint')}`}
        </Text>
      )}
    </Paper>
  );
}

function ProfessionalNote({ engagement: e }: { engagement: Engagement }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      {!e.payoutsReady && (
        <Alert color="ai" title={t('payouts.title')}>
          <Text mb="sm">{t('engagements.payoutsHint')}</Text>
          <Button component={Link} to="/payouts" size="sm">
            {t('engagements.payoutsLink')}
          </Button>
        </Alert>
      )}
      <Text c="dimmed" size="sm">
        {t('engagements.readOnlyProfessional')}
      </Text>
    </Stack>
  );
}

function Invoices({
  engagement: e,
  invoices,
}: {
  engagement: Engagement;
  invoices: ReturnType<typeof useInvoices>;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const firm = e.yourRole === 'firm';
  return (
    <section aria-labelledby="invoices-title">
      <Title order={2} size="h3" id="invoices-title" mb="xs">
        {t('engagements.invoices')}
      </Title>
      <Text mb="sm">{t(firm ? 'engagements.invoicesLeadFirm' : 'engagements.invoicesLeadProfessional')}</Text>
      {invoices.isPending ? (
        <Loading />
      ) : invoices.isError ? (
        <LoadError error={invoices.error} onRetry={() => void invoices.refetch()} />
      ) : invoices.data.length === 0 ? (
        <Paper withBorder p="lg" ta="center">
          <Text>{t('engagements.noInvoices')}</Text>
        </Paper>
      ) : (
        <TableScroll label={t('engagements.invoicesCaption')}>
          <Table striped withTableBorder miw={640} aria-labelledby="invoices-title" className="money-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('engagements.month')}</Table.Th>
                <Table.Th scope="col" className="num">
                  {t('engagements.gross')}
                </Table.Th>
                <Table.Th scope="col" className="num">
                  {t('engagements.fee')}
                </Table.Th>
                <Table.Th scope="col" className="num">
                  {t('engagements.feeTax')}
                </Table.Th>
                <Table.Th scope="col" className="num">
                  {t('engagements.net')}
                </Table.Th>
                <Table.Th scope="col">{t('engagements.invoiceStatus')}</Table.Th>
                <Table.Th scope="col">{t('engagements.invoice')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invoices.data.map((i) => (
                <Table.Tr key={i.invoiceId}>
                  <Table.Th scope="row" fw={400}>
                    {f.month(i.month, 'short')}
                  </Table.Th>
                  <Table.Td className="num">{f.yen(i.grossJpy)}</Table.Td>
                  <Table.Td className="num">{f.yen(i.platformFeeJpy)}</Table.Td>
                  <Table.Td className="num">{f.yen(i.feeTaxJpy)}</Table.Td>
                  <Table.Td className="num">{f.yen(i.netJpy)}</Table.Td>
                  <Table.Td>
                    <Text
                      span
                      c={i.status === 'failed' ? 'red.9' : undefined}
                      fw={i.status === 'failed' ? 700 : 400}
                    >
                      {t(`engagements.invoiceStatuses.${i.status}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {i.hostedInvoiceUrl ? (
                      <Anchor
                        href={i.hostedInvoiceUrl}
                        target="_blank"
                        rel="noopener noreferrer"
                        aria-label={t('engagements.openInvoiceLabel', { month: f.month(i.month, 'short') })}
                      >
                        {t('engagements.openInvoice')}
                      </Anchor>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </section>
  );
}
