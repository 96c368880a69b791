import './engagement-terms.css';
import { Anchor, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadError, Loading } from '../components/Loading.tsx';
import { MissingOrError } from '../components/MissingOrError.tsx';
import { Page } from '../components/Page.tsx';
import { useFormat } from '../format.ts';
import { RoleGate } from '../projects/RoleGate.tsx';
import { type TermsDocument, useTerms } from '../terms/queries.ts';

/**
 * `/engagements/:id/terms[/:version]`: the terms as issued (取引条件明示書), in Japanese with English for reading,
 * every version listed; printable (the browser's print saves a PDF).
 */
export default function EngagementTermsPage() {
  const { t } = useTranslation();
  return (
    <RoleGate only={['firm', 'professional']} title={t('terms.pageTitle')}>
      {() => <TermsView />}
    </RoleGate>
  );
}

function TermsView() {
  const { t } = useTranslation();
  const f = useFormat();
  const { id = '', version } = useParams();
  const asked = version ? Number(version) : undefined;
  const { all, one } = useTerms(id, asked);
  const query = asked ? one : all;
  if (all.isPending || (asked && one.isPending)) return <Loading />;
  if (query.isError || all.isError)
    return (
      <MissingOrError
        error={query.error ?? all.error}
        onRetry={() => void query.refetch()}
        missingStatuses={[400, 403, 404]}
        notFoundTitle={t('terms.notFound')}
        notFoundBody={t('terms.notFoundBody')}
        back={{ to: `/engagements/${id}`, label: t('terms.back') }}
      />
    );
  const doc: TermsDocument | undefined = asked ? one.data : all.data?.current;
  if (!doc || !all.data) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Page title={doc.title.ja}>
      <Stack gap="lg" className="terms-document">
        <Text lang="en" c="dimmed" mt={-12}>
          {doc.title.en}
        </Text>
        <Group gap="md" className="no-print">
          <Anchor component={Link} to={`/engagements/${id}`}>
            {t('terms.back')}
          </Anchor>
          <Button variant="default" onClick={() => window.print()}>
            {t('terms.print')}
          </Button>
        </Group>
        <Text>
          {t('terms.issued', {
            version: doc.version,
            date: f.dateTime(doc.issuedAt),
            reason: t(`terms.reasons.${doc.reason}`),
          })}
        </Text>
        {doc.sections.map((s) => (
          <section key={s.key} aria-labelledby={`terms-${s.key}`}>
            <Title order={2} size="h4" id={`terms-${s.key}`}>
              {s.ja.heading}{' '}
              <Text span lang="en" c="dimmed" size="sm">
                / {s.en.heading}
              </Text>
            </Title>
            {s.ja.body.map((line) => (
              <Text key={line} style={{ whiteSpace: 'pre-wrap' }}>
                {line}
              </Text>
            ))}
            <div lang="en">
              {s.en.body.map((line) => (
                <Text key={line} size="sm" c="dimmed">
                  {line}
                </Text>
              ))}
            </div>
          </section>
        ))}
        <nav aria-label={t('terms.versions')} className="no-print">
          <Title order={2} size="h4">
            {t('terms.versions')}
          </Title>
          <List>
            {all.data.versions.map((v) => (
              <List.Item key={v.version}>
                {v.version === doc.version ? (
                  <strong aria-current="page">
                    {t('terms.versionLine', {
                      version: v.version,
                      date: f.dateTime(v.issuedAt),
                      reason: t(`terms.reasons.${v.reason}`),
                    })}
                  </strong>
                ) : (
                  <Anchor component={Link} to={`/engagements/${id}/terms/${v.version}`}>
                    {t('terms.versionLine', {
                      version: v.version,
                      date: f.dateTime(v.issuedAt),
                      reason: t(`terms.reasons.${v.reason}`),
                    })}
                  </Anchor>
                )}
              </List.Item>
            ))}
          </List>
        </nav>
      </Stack>
    </Page>
  );
}
