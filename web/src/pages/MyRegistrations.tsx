import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { EmptyBox, ListShell } from '../components/ListShell.tsx';
import { Page } from '../components/Page.tsx';
import { MyRegistrationCard } from '../events/MyRegistrationCard.tsx';
import { useCancelRegistration, useClaimSeat, useMyRegistrations } from '../events/queries.ts';
import type { MyRegistration, MyRegistrationPage } from '../events/types.ts';
import { useFormat } from '../format.ts';
import { generalError } from '../profile/form-utils.ts';
import { RoleGate } from '../projects/RoleGate.tsx';

/** How long after a payment the page keeps asking for its confirmation (the webhook is usually seconds). */
const PAYMENT_WAIT_MS = 60_000;

/** `/me/registrations`: my sign-ups for tours and seminars, newest first, with what each needs of me. */
export default function MyRegistrationsPage() {
  const { t } = useTranslation();
  return (
    <RoleGate only={['professional', 'firm']} title={t('events.mine.title')}>
      {() => <MyRegistrations />}
    </RoleGate>
  );
}

function MyRegistrations() {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  // Back from Stripe Checkout: `?paid=<event id>` until its webhook confirms the seat.
  const [params] = useSearchParams();
  const paidFor = params.get('paid') ?? undefined;
  const [returnedAt] = useState(() => Date.now());
  const waiting = (pages: MyRegistrationPage[]) =>
    Boolean(paidFor) &&
    Date.now() - returnedAt < PAYMENT_WAIT_MS &&
    pages.some((p) => p.items.some((r) => r.eventId === paidFor && r.status === 'pending_payment'));
  const list = useMyRegistrations(true, waiting);
  const cancel = useCancelRegistration();
  const claim = useClaimSeat();
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<string>();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const paid = paidFor ? items.find((r) => r.eventId === paidFor) : undefined;

  const act = async (r: MyRegistration, which: 'cancel' | 'claim') => {
    setNotice(undefined);
    setError(undefined);
    try {
      if (which === 'cancel') {
        const done = await cancel.mutateAsync(r.eventId);
        setNotice(
          done.refundedJpy
            ? t('events.mine.cancelledRefunded', { title: r.title, amount: f.yen(done.refundedJpy) })
            : t('events.mine.cancelled', { title: r.title }),
        );
      } else {
        const done = await claim.mutateAsync(r.eventId);
        setNotice(
          t(done.status === 'pending_payment' ? 'events.mine.claimedPay' : 'events.mine.claimed', {
            title: r.title,
          }),
        );
      }
    } catch (e) {
      setError(generalError(t, e));
    }
  };

  return (
    <Page title={t('events.mine.title')}>
      <Text mb="lg">{t('events.mine.lead')}</Text>
      <div role="status">
        {paid && (
          <Alert
            color={paid.status === 'confirmed' ? 'teal' : 'ai'}
            mb="md"
            withCloseButton
            closeButtonLabel={t('app.close')}
            onClose={() => navigate('.', { replace: true })}
          >
            {t(paid.status === 'confirmed' ? 'events.mine.paymentConfirmed' : 'events.mine.paymentWaiting', {
              title: paid.title,
            })}
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
      {error && (
        <Alert color="red" role="alert" mb="md">
          {error}
        </Alert>
      )}
      <Stack gap="lg">
        <ListShell
          query={{ ...list, data: list.data ? items : undefined }}
          keyOf={(r) => r.id}
          empty={
            <EmptyBox text={t('events.mine.empty')}>
              <Button component={Link} to="/events">
                {t('events.mine.findEvents')}
              </Button>
            </EmptyBox>
          }
        >
          {(r) => (
            <MyRegistrationCard
              registration={r}
              busy={
                (cancel.isPending && cancel.variables === r.eventId) ||
                (claim.isPending && claim.variables === r.eventId)
              }
              onCancel={() => act(r, 'cancel')}
              onClaim={() => act(r, 'claim')}
            />
          )}
        </ListShell>
        {list.hasNextPage && (
          <Group justify="center">
            <Button
              variant="default"
              loading={list.isFetchingNextPage}
              onClick={() => void list.fetchNextPage()}
            >
              {t('projects.loadMore')}
            </Button>
          </Group>
        )}
      </Stack>
    </Page>
  );
}
