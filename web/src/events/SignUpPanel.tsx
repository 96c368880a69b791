import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useSession } from '../auth/session.ts';
import { LoadError, Loading } from '../components/Loading.tsx';
import { useMe } from '../me.ts';
import { useMyRegistrations } from './queries.ts';
import { RegistrationForm } from './RegistrationForm.tsx';
import { RegistrationNote } from './RegistrationNote.tsx';
import { RegistrationStatusBadge } from './StatusBadge.tsx';
import { signupVerdict } from './seats.ts';
import type { EventOut, RegistrationOut } from './types.ts';

const WHY_CLOSED: Record<string, string> = {
  event_cancelled: 'events.signup.closedCancelled',
  not_published: 'events.signup.closedDraft',
  signups_closed: 'events.signup.closedDeadline',
};

/**
 * The event page's sign-up: a way to sign in or create a profile first, the form, what the sign-up gave
 * (a seat with its code, a place in line, an entry, a seat to pay for), or the registration already made.
 */
export function SignUpPanel({ event: e }: { event: EventOut }) {
  const { t } = useTranslation();
  const session = useSession();
  const me = useMe();
  const location = useLocation();
  const party = me.data?.role === 'professional' || me.data?.role === 'firm';
  const mine = useMyRegistrations(party);
  const here = encodeURIComponent(location.pathname);
  const [result, setResult] = useState<RegistrationOut>();
  const existing = mine.data?.pages.flatMap((p) => p.items).find((r) => r.eventId === e.id);
  const verdict = signupVerdict(e, new Date());

  let body: ReactNode;
  if (!session) {
    body = (
      <>
        <Text mb="md">{t('events.signup.signInFirst')}</Text>
        <Group>
          <Button component={Link} to={`/signin?next=${here}`}>
            {t('events.signup.signIn')}
          </Button>
          <Button component={Link} to={`/signup?next=${here}`} variant="default">
            {t('projects.signUpLink')}
          </Button>
        </Group>
      </>
    );
  } else if (me.isPending || (party && mine.isPending)) {
    body = <Loading />;
  } else if (me.isError) {
    body = <LoadError error={me.error} onRetry={() => void me.refetch()} />;
  } else if (mine.isError) {
    body = <LoadError error={mine.error} onRetry={() => void mine.refetch()} />;
  } else if (!me.data) {
    body = (
      <>
        <Text mb="md">{t('events.signup.profileFirst')}</Text>
        <Button component={Link} to={`/onboarding?next=${here}`}>
          {t('projects.createProfile')}
        </Button>
      </>
    );
  } else if (!party) {
    body = <Text>{t('events.signup.notForRole')}</Text>;
  } else if (result || existing) {
    const r = result ?? existing;
    body = r && (
      <Stack gap="sm">
        <Group gap="sm">
          <RegistrationStatusBadge status={r.status} />
          <Text fw={700}>{t(result ? 'events.signup.done' : 'events.signup.already')}</Text>
        </Group>
        <RegistrationNote registration={{ ...r, ...(existing ?? {}) }} feeJpy={e.feeJpy} />
        <Anchor component={Link} to="/me/registrations">
          {t('events.signup.toMine')}
        </Anchor>
      </Stack>
    );
  } else if (!verdict.ok) {
    body = <Text>{t(WHY_CLOSED[verdict.code] ?? 'events.signup.closedDeadline')}</Text>;
  } else {
    body = <RegistrationForm event={e} onRegistered={setResult} />;
  }

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="signup-title">
      <Title order={2} size="h3" id="signup-title" mb="sm">
        {t('events.signup.title')}
      </Title>
      <div role="status">
        {result && (
          <Alert color="teal" mb="md">
            {t([`events.signup.results.${result.status}`, 'events.signup.results.other'])}
          </Alert>
        )}
      </div>
      {body}
    </Paper>
  );
}
