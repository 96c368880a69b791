import { Alert, Anchor, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../api.ts';
import { Page } from '../components/Page.tsx';
import { errorText } from '../error-text.ts';
import { useUnsubscribe } from '../searches/queries.ts';
import { UNSUBSCRIBE_TOKEN } from '../searches/types.ts';

const ID = /^[0-9a-f-]{36}$/i;

/**
 * `/unsubscribe?search=<id>&token=<t>`: the link at the bottom of a digest. It works without signing in:
 * opening it stops that search's mails at once and says so.
 */
export default function UnsubscribePage() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const id = params.get('search') ?? '';
  const token = params.get('token') ?? '';
  const valid = ID.test(id) && UNSUBSCRIBE_TOKEN.test(token);
  const unsubscribe = useUnsubscribe();
  const sent = useRef(false);
  useEffect(() => {
    // Once per visit: React runs effects twice in development, and the answer is the same anyway.
    if (!valid || sent.current) return;
    sent.current = true;
    unsubscribe.mutate({ id, token });
  }, [valid, id, token, unsubscribe]);

  const done = unsubscribe.data;
  const title = done ? (done.name ?? (i18n.language === 'en' ? done.summary.en : done.summary.ja)) : '';
  const notFound = !valid || (unsubscribe.error instanceof ApiError && unsubscribe.error.status === 404);
  return (
    <Page title={t('searches.unsubscribeTitle')}>
      <Stack gap="md" maw={640}>
        <div role="status">
          {valid && unsubscribe.isPending && (
            <Text>
              <Loader size="xs" mr="xs" aria-hidden="true" />
              {t('searches.unsubscribing')}
            </Text>
          )}
          {done && (
            <Alert color="teal">
              <Text fw={700} mb={4}>
                {t('searches.unsubscribedTitle')}
              </Text>
              {t('searches.unsubscribed', { title })}
            </Alert>
          )}
        </div>
        {notFound && (
          <Alert color="red" role="alert">
            <Text fw={700} mb={4}>
              {t('searches.badLinkTitle')}
            </Text>
            {t('searches.badLink')}
          </Alert>
        )}
        {unsubscribe.isError && !notFound && (
          <Alert color="red" role="alert">
            {t('common.error')} {errorText(t, unsubscribe.error)}
          </Alert>
        )}
        {(done || notFound) && (
          <Text>
            {t('searches.manageHint')}{' '}
            <Anchor component={Link} to="/saved-searches">
              {t('searches.listTitle')}
            </Anchor>
          </Text>
        )}
      </Stack>
    </Page>
  );
}
