import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryShell } from '../components/ListShell.tsx';
import { Page } from '../components/Page.tsx';
import { useFormat } from '../format.ts';

type Mail = { id: string; from: string; to: string[]; subject: string; text: string; sentAt: string };

/** The local outbox: every mail the product sent while running on this machine (not in the cloud). */
export default function MailboxPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [filter, setFilter] = useState('');
  const mails = useQuery({
    queryKey: ['mailbox'],
    queryFn: async () => {
      const res = await fetch('/_local/mailbox', { headers: { accept: 'application/json' } });
      if (!res.ok) throw new Error(`GET /_local/mailbox answered ${res.status}`);
      return ((await res.json()) as { items: Mail[] }).items;
    },
    staleTime: 0,
  });
  const needle = filter.trim().toLowerCase();
  const shown = (mails.data ?? []).filter(
    (m) => !needle || m.to.some((to) => to.toLowerCase().includes(needle)),
  );

  return (
    <Page title={t('mailbox.title')} size="lg">
      <Text mb="md">{t('mailbox.lead')}</Text>
      <Group align="flex-end" mb="lg">
        <TextInput
          label={t('mailbox.filter')}
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          style={{ flex: '1 1 16rem' }}
        />
        <Button variant="default" onClick={() => void mails.refetch()} loading={mails.isFetching}>
          {t('mailbox.refresh')}
        </Button>
      </Group>
      <QueryShell query={mails}>
        {() => (
          <>
            <Text role="status" mb="sm" size="sm">
              {t('mailbox.count', { count: shown.length })}
            </Text>
            {shown.length === 0 ? (
              <Text>{t('mailbox.empty')}</Text>
            ) : (
              <Stack component="ul" gap="md" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {shown.map((m) => (
                  <Paper component="li" key={m.id} withBorder p="md">
                    <article aria-labelledby={`mail-${m.id}`}>
                      <Title order={2} size="h4" id={`mail-${m.id}`}>
                        {m.subject}
                      </Title>
                      <dl className="fields" style={{ margin: '0.5rem 0' }}>
                        <dt>{t('mailbox.to')}</dt>
                        <dd>{m.to.join(', ')}</dd>
                        <dt>{t('mailbox.from')}</dt>
                        <dd>{m.from}</dd>
                        <dt>{t('mailbox.sentAt')}</dt>
                        <dd>
                          <time dateTime={m.sentAt}>{f.dateTime(m.sentAt)}</time>
                        </dd>
                      </dl>
                      <pre className="mail-text">{m.text}</pre>
                    </article>
                  </Paper>
                ))}
              </Stack>
            )}
          </>
        )}
      </QueryShell>
    </Page>
  );
}
