import { Anchor, Button, Group, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyBox, ListShell } from '../components/ListShell.tsx';
import { Page } from '../components/Page.tsx';
import { useEngagements } from '../engagements/queries.ts';
import { EngagementStateBadge } from '../engagements/StateBadge.tsx';
import type { Engagement } from '../engagements/types.ts';
import { useFormat } from '../format.ts';
import { LoadMore } from '../paged-list.tsx';
import { RoleGate } from '../projects/RoleGate.tsx';
import type { Profile } from '../types.ts';

/** `/engagements`: a firm's or a professional's engagements, with their state, fee and next renewal. */
export default function EngagementsPage() {
  const { t } = useTranslation();
  return (
    <RoleGate only={['firm', 'professional']} title={t('engagements.listTitle')}>
      {(me) => <Engagements me={me} />}
    </RoleGate>
  );
}

function Engagements({ me }: { me: Profile }) {
  const { t } = useTranslation();
  const list = useEngagements();
  const firm = me.role === 'firm';
  return (
    <Page title={t('engagements.listTitle')}>
      <Text mb="lg">{t(firm ? 'engagements.leadFirm' : 'engagements.leadProfessional')}</Text>
      {!firm && (
        <Group component="nav" aria-label={t('engagements.money')} gap="sm" mb="lg">
          <Button component={Link} to="/payouts" variant="light" size="sm">
            {t('engagements.toPayouts')}
          </Button>
          <Button component={Link} to="/earnings" variant="light" size="sm">
            {t('engagements.toEarnings')}
          </Button>
        </Group>
      )}
      <ListShell
        query={list}
        keyOf={(e) => e.id}
        empty={
          <EmptyBox text={t(firm ? 'engagements.emptyFirm' : 'engagements.emptyProfessional')}>
            <Button component={Link} to={firm ? '/my/projects' : '/projects'}>
              {t(firm ? 'engagements.toMyProjects' : 'engagements.toProjects')}
            </Button>
          </EmptyBox>
        }
      >
        {(e) => <EngagementCard engagement={e} />}
      </ListShell>
      <LoadMore query={list} />
    </Page>
  );
}

function EngagementCard({ engagement: e }: { engagement: Engagement }) {
  const { t } = useTranslation();
  const f = useFormat();
  const titleId = `engagement-${e.id}`;
  const firm = e.yourRole === 'firm';
  return (
    <Paper component="article" withBorder p={{ base: 'md', sm: 'lg' }} aria-labelledby={titleId}>
      <Group justify="space-between" align="flex-start" gap="sm">
        <div style={{ minWidth: 0, flex: '1 1 18rem' }}>
          <Title order={2} size="h4" id={titleId} lh={1.4}>
            <Anchor component={Link} to={`/engagements/${e.id}`} underline="hover" c="ai.8">
              {e.title}
            </Anchor>
          </Title>
          <Text size="sm" mt={4}>
            {t(firm ? 'engagements.professional' : 'engagements.firm')}:{' '}
            {firm ? e.professional.displayName : e.firm.name}
          </Text>
          {e.team && (
            <Text size="sm">
              {t('engagements.team.name')}: {e.team.name}
            </Text>
          )}
        </div>
        <EngagementStateBadge state={e.state} />
      </Group>
      <dl className="fields" style={{ marginTop: '0.5rem' }}>
        <dt>{t('engagements.monthlyFee')}</dt>
        <dd>
          <strong>{f.yen(e.monthlyFeeJpy)}</strong>
          {t(`projects.feeTaxShort.${e.feeTax}`)}
        </dd>
        {e.state === 'ending' && e.currentPeriod ? (
          <>
            <dt>{t('engagements.endsAt')}</dt>
            <dd>
              <time dateTime={e.currentPeriod.end}>{f.date(e.currentPeriod.end)}</time>
            </dd>
          </>
        ) : (
          <>
            <dt>{t('engagements.nextRenewal')}</dt>
            <dd>
              {e.nextRenewalAt && e.state !== 'ended' ? (
                <time dateTime={e.nextRenewalAt}>{f.date(e.nextRenewalAt)}</time>
              ) : (
                t(
                  e.state === 'awaiting_payment'
                    ? 'engagements.afterFirstPayment'
                    : 'engagements.notScheduled',
                )
              )}
            </dd>
          </>
        )}
      </dl>
      <Group justify="flex-end" mt="md">
        <Button
          component={Link}
          to={`/engagements/${e.id}`}
          variant={firm && e.state === 'awaiting_payment' ? 'filled' : 'light'}
          size="sm"
          aria-describedby={titleId}
        >
          {t('engagements.open')}
        </Button>
      </Group>
    </Paper>
  );
}
