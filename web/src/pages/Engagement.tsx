import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Fragment, type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { paidMembers } from '#shared/teams/rules.ts';
import { ApiError } from '../api.ts';
import { LoadError, Loading } from '../components/Loading.tsx';
import { MissingOrError } from '../components/MissingOrError.tsx';
import { Page } from '../components/Page.tsx';
import { Considerations } from '../considerations/Considerations.tsx';
import { MoneyCells, MoneyHeaders } from '../engagements/MoneyColumns.tsx';
import {
  useBillingPortal,
  useCheckout,
  useEngagement,
  useEngagementAction,
  useInvoices,
} from '../engagements/queries.ts';
import { EngagementStateBadge } from '../engagements/StateBadge.tsx';
import { TableScroll } from '../engagements/TableScroll.tsx';
import { TeamShares } from '../engagements/TeamShares.tsx';
import type { Engagement, EngagementAction, Invoice } from '../engagements/types.ts';
import { useFormat } from '../format.ts';
import { generalError } from '../profile/form-utils.ts';
import { ConfirmButton } from '../projects/ConfirmButton.tsx';
import { RoleGate } from '../projects/RoleGate.tsx';
import { EndingNotice } from '../terms/EndingNotice.tsx';
import { PaymentSchedule } from '../terms/PaymentSchedule.tsx';
import type { Profile } from '../types.ts';

/** After paying, how long the page waits for Stripe's webhook to turn the engagement active. */
const CHECKOUT_POLL_MS = 15_000;

/** `/engagements/:id`: an engagement's terms, its invoices, and what the firm can do with it. */
export default function EngagementPage() {
  const { t } = useTranslation();
  return (
    <RoleGate only={['firm', 'professional']} title={t('engagements.pageTitle')}>
      {(me) => <EngagementDetail me={me} />}
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

/**
 * Who cannot be paid yet: the professional, or on a team engagement each member with a share above 0 %
 * who has not set up payouts (the members Checkout waits for). Empty when the firm can pay.
 */
function notReady(e: Engagement): string[] {
  if (e.team) {
    const paid = new Set(paidMembers(e.team.shares).map((s) => s.userId));
    return e.team.shares.filter((s) => paid.has(s.userId) && !s.payoutsReady).map((s) => s.displayName);
  }
  return e.payoutsReady ? [] : [e.professional.displayName];
}

function EngagementDetail({ me }: { me: Profile }) {
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
        <Anchor component={Link} to={`/engagements/${e.id}/terms`}>
          {t('terms.link')}
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
        <EndingNotice engagement={e} />
        <Considerations engagement={e} />
        {e.team && <TeamShares engagement={e} team={e.team} />}
        {firm ? (
          <FirmActions
            engagement={e}
            settling={checkout === 'success' && !timedOut}
            onDone={(text) => setNotice(text)}
            onStale={() => void engagement.refetch()}
          />
        ) : (
          <ProfessionalNote engagement={e} me={me} />
        )}
        <Invoices engagement={e} invoices={invoices} />
        {invoices.isSuccess && <PaymentSchedule engagement={e} invoices={invoices.data} />}
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
    e.team
      ? [
          t('engagements.team.name'),
          t('engagements.team.nameValue', { team: e.team.name, name: e.professional.displayName }),
        ]
      : [t('engagements.professional'), e.professional.displayName],
    [
      t('engagements.monthlyFee'),
      <span key="fee">
        <strong>{f.yen(e.monthlyFeeJpy)}</strong>
        {t(`projects.feeTaxShort.${e.feeTax}`)}
        {e.feeTax === 'exclusive' && t('engagements.chargedWithTax', { amount: f.yen(e.monthlyChargeJpy) })}
      </span>,
    ],
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
  if (e.endsAt) rows.push([t('engagements.endsAt'), date(e.endsAt)]);
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
  const waitingFor = notReady(e);
  const notReadyText = () =>
    e.team
      ? t('engagements.team.payoutsNotReadyFirm', {
          names: waitingFor
            .map((n) => t('engagements.team.person', { name: n }))
            .join(t('engagements.team.nameSeparator')),
          team: e.team.name,
          count: waitingFor.length,
        })
      : t('engagements.payoutsNotReady', { name });

  const go = async (what: 'checkout' | 'portal') => {
    setError(undefined);
    try {
      const { url } = what === 'checkout' ? await checkout.mutateAsync(e.id) : await portal.mutateAsync();
      setRedirecting(what);
      window.location.assign(url);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'payouts_not_ready') {
        setError(notReadyText());
        // Who is still missing may have changed since the page was loaded.
        onStale();
      } else if (err instanceof ApiError && err.code === 'not_awaiting_payment') {
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
      onDone(t(what === 'cancel' && e.long ? 'engagements.done.cancelLong' : `engagements.done.${what}`));
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
      {payable && waitingFor.length > 0 && !error && (
        <Alert color="yellow" mb="sm">
          {notReadyText()}
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
        {e.state === 'ending' && (
          <Button loading={busy('resume')} onClick={() => void run('resume')}>
            {t('engagements.undoCancel')}
          </Button>
        )}
        {(e.state === 'active' || e.state === 'paused') && !e.cancelAtPeriodEnd && (
          <ConfirmButton
            variant="outline"
            color="red.9"
            label={t('engagements.cancel')}
            title={t('engagements.cancelConfirmTitle')}
            body={
              e.long
                ? t('engagements.cancelConfirmLong', { title: e.title, name })
                : end
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
        </Text>
      )}
    </Paper>
  );
}

function ProfessionalNote({ engagement: e, me }: { engagement: Engagement; me: Profile }) {
  const { t } = useTranslation();
  // On a team engagement, whether this member can be paid; else the professional's own.
  const mine = e.team?.shares.find((s) => s.userId === me.userId);
  const ready = mine ? mine.payoutsReady : e.payoutsReady;
  return (
    <Stack gap="sm">
      {!ready && (
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
          <Table
            striped={!invoices.data.some((i) => i.split?.length)}
            withTableBorder
            miw={640}
            aria-labelledby="invoices-title"
            className="money-table"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('engagements.month')}</Table.Th>
                <MoneyHeaders />
                <Table.Th scope="col">{t('engagements.invoiceStatus')}</Table.Th>
                <Table.Th scope="col">{t('engagements.invoice')}</Table.Th>
                <Table.Th scope="col">{t('invoices.column')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            {invoices.data.map((i) => (
              <InvoiceRows key={i.invoiceId} invoice={i} engagement={e} />
            ))}
          </Table>
        </TableScroll>
      )}
    </section>
  );
}

/**
 * One month of the invoices table; on a team engagement, with the month's split member by member in rows of
 * its own under it (the same columns: each member's gross, fee, tax and net, and whether they were paid out),
 * shown and hidden by a button in the month's cell.
 */
function InvoiceRows({ invoice: i, engagement: e }: { invoice: Invoice; engagement: Engagement }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [open, setOpen] = useState(false);
  const splitId = `split-${i.invoiceId}`;
  const month = f.month(i.month, 'short');
  return (
    <>
      <Table.Tbody>
        <Table.Tr>
          <Table.Th scope="row" fw={400}>
            {i.split?.length ? (
              <UnstyledButton
                onClick={() => setOpen(!open)}
                aria-expanded={open}
                aria-controls={splitId}
                className="split-toggle"
              >
                <span aria-hidden="true" className="split-caret">
                  {open ? '▾' : '▸'}
                </span>
                {month}
                <Text span size="sm" c="ai.8" ml={6} td="underline">
                  {t('engagements.team.split')}
                </Text>
              </UnstyledButton>
            ) : (
              month
            )}
          </Table.Th>
          <MoneyCells money={i} />
          <Table.Td>
            <Text span c={i.status === 'failed' ? 'red.9' : undefined} fw={i.status === 'failed' ? 700 : 400}>
              {t(`engagements.invoiceStatuses.${i.status}`)}
            </Text>
          </Table.Td>
          <Table.Td>
            {i.hostedInvoiceUrl ? (
              <Anchor
                href={i.hostedInvoiceUrl}
                target="_blank"
                rel="noopener noreferrer"
                aria-label={t('engagements.openInvoiceLabel', { month })}
              >
                {t('engagements.openInvoice')}
              </Anchor>
            ) : (
              '—'
            )}
          </Table.Td>
          <Table.Td>
            <MonthDocumentLinks invoice={i} engagement={e} month={month} />
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
      {i.split?.length ? (
        <Table.Tbody id={splitId} hidden={!open} className="split-rows">
          {i.split.map((part) => (
            <Table.Tr key={part.userId}>
              <Table.Th scope="row" fw={400} className="split-member">
                <span className="visually-hidden">{t('engagements.team.splitOf', { month })} </span>
                {part.displayName}
                <Text span size="sm" c="dimmed" ml={6} style={{ whiteSpace: 'nowrap' }}>
                  {f.percent(part.percent)}
                </Text>
              </Table.Th>
              <MoneyCells money={part} />
              <Table.Td>
                {i.status === 'paid'
                  ? t(part.transferred ? 'engagements.team.transferred' : 'engagements.team.notTransferred')
                  : '—'}
              </Table.Td>
              <Table.Td />
              <Table.Td />
            </Table.Tr>
          ))}
        </Table.Tbody>
      ) : null}
    </>
  );
}

/** A paid month's documents: the firm's fee invoice; for a professional its copy and their platform-fee invoice. */
function MonthDocumentLinks({
  invoice: i,
  engagement: e,
  month,
}: {
  invoice: Invoice;
  engagement: Engagement;
  month: string;
}) {
  const { t } = useTranslation();
  if (i.status !== 'paid') return '—';
  const to = (kind: string) => `/engagements/${e.id}/invoices/${i.invoiceId}/${kind}`;
  return (
    <Group gap="xs" wrap="nowrap">
      <Anchor component={Link} to={to('fee')} aria-label={t('invoices.openFeeLabel', { month })}>
        {t('invoices.openFee')}
      </Anchor>
      {e.yourRole === 'professional' && (
        <Anchor
          component={Link}
          to={to('platform_fee')}
          aria-label={t('invoices.openPlatformFeeLabel', { month })}
        >
          {t('invoices.openPlatformFee')}
        </Anchor>
      )}
    </Group>
  );
}
