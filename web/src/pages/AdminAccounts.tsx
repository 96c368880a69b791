import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OperatorPage } from '../admin/OperatorPage.tsx';
import { useAccount, useSuspension } from '../admin/queries.ts';
import { ReasonButton } from '../admin/ReasonButton.tsx';
import { SuspendedBadge } from '../admin/SuspendedBadge.tsx';
import type { Account } from '../admin/types.ts';
import { ApiError } from '../api.ts';
import { EMAIL_PATTERN } from '../auth/errors.ts';
import { LoadError, Loading } from '../components/Loading.tsx';
import { useFormat } from '../format.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type Lookup = { email: string } | { id: string };

/** `/admin/accounts`: an operator finds an account by e-mail address or user id, and suspends or restores it. */
export default function AdminAccountsPage() {
  const { t } = useTranslation();
  return <OperatorPage title={t('console.accounts.title')}>{() => <AccountLookup />}</OperatorPage>;
}

function AccountLookup() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const [lookup, setLookup] = useState<Lookup>();
  const account = useAccount(lookup);

  function submit(e: FormEvent) {
    e.preventDefault();
    const value = text.trim();
    if (UUID.test(value)) setLookup({ id: value.toLowerCase() });
    else if (EMAIL_PATTERN.test(value)) setLookup({ email: value.toLowerCase() });
    else return setError(t('console.accounts.invalid'));
    setError(undefined);
  }

  const missing = account.error instanceof ApiError && account.error.status === 404;
  return (
    <Stack gap="lg">
      <Text>{t('console.accounts.lead')}</Text>
      <form onSubmit={submit} noValidate>
        <Group align="flex-start" wrap="wrap">
          <TextInput
            label={t('console.accounts.query')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={error}
            autoComplete="off"
            style={{ flex: '1 1 18rem' }}
          />
          <Button type="submit" mt={{ base: 0, xs: 25 }}>
            {t('console.accounts.find')}
          </Button>
        </Group>
      </form>
      {lookup &&
        (account.isPending ? (
          <Loading />
        ) : missing ? (
          <Alert color="gray" role="status">
            {t('console.accounts.notFound')}
          </Alert>
        ) : account.isError ? (
          <LoadError error={account.error} onRetry={() => void account.refetch()} />
        ) : (
          <AccountCard account={account.data} />
        ))}
    </Stack>
  );
}

function AccountCard({ account }: { account: Account }) {
  const { t } = useTranslation();
  const f = useFormat();
  const suspension = useSuspension();
  const [done, setDone] = useState<string>();
  const name = account.organizationName
    ? `${account.displayName}（${account.organizationName}）`
    : account.displayName;
  const act = (suspend: boolean) => async (reason: string) => {
    setDone(undefined);
    const result = await suspension.mutateAsync({ userId: account.userId, suspend, reason });
    setDone(
      t(suspend ? 'console.accounts.suspended' : 'console.accounts.restored', {
        count: result.projectsChanged,
      }),
    );
  };
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="account-title">
      <div role="status">
        {done && (
          <Alert color="teal" mb="md">
            {done}
          </Alert>
        )}
      </div>
      <Group gap="sm" mb="md">
        <Title order={2} size="h3" id="account-title" style={{ overflowWrap: 'anywhere' }}>
          {name}
        </Title>
        <SuspendedBadge suspended={account.suspended} />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} component="dl" spacing="xs" className="console-facts">
        <Fact label={t('console.accounts.role')} value={t(`profile.roles.${account.role}`)} />
        <Fact label={t('console.staff.email')} value={account.email ?? '—'} />
        <Fact label={t('console.accounts.id')} value={account.userId} />
        <Fact label={t('console.accounts.since')} value={f.date(account.createdAt)} />
        {account.openProjects !== undefined && (
          <Fact
            label={t('console.accounts.projects')}
            value={t('console.accounts.projectCounts', {
              open: account.openProjects,
              hidden: account.hiddenProjects ?? 0,
            })}
          />
        )}
        {account.suspended && account.suspendedAt && (
          <Fact
            label={t('console.accounts.status')}
            value={`${t('console.accounts.suspendedSince', { at: f.dateTimeShort(account.suspendedAt) })} — ${t('console.accounts.suspendedReason', { reason: account.suspendedReason ?? '' })}`}
          />
        )}
      </SimpleGrid>
      <Group mt="lg">
        {account.role === 'operator' ? (
          <Text c="dimmed">{t('console.accounts.operatorNote')}</Text>
        ) : account.suspended ? (
          <ReasonButton
            label={t('console.accounts.restore')}
            title={t('console.accounts.restoreTitle')}
            body={t('console.accounts.restoreBody')}
            loading={suspension.isPending}
            onConfirm={act(false)}
          />
        ) : (
          <ReasonButton
            variant="outline"
            color="red.9"
            label={t('console.accounts.suspend')}
            title={t('console.accounts.suspendTitle')}
            body={t('console.accounts.suspendBody', { name })}
            loading={suspension.isPending}
            onConfirm={act(true)}
          />
        )}
      </Group>
    </Paper>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
        {value}
      </Text>
    </div>
  );
}
