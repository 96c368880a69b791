import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Fragment, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api.ts';
import { EmptyBox, ListShell } from '../components/ListShell.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Page } from '../components/Page.tsx';
import { useFormat } from '../format.ts';
import { LoadMore } from '../paged-list.tsx';
import { generalError } from '../profile/form-utils.ts';
import { ConfirmButton } from '../projects/ConfirmButton.tsx';
import { SkillBadges } from '../projects/ProjectCard.tsx';
import { useApplicants, useDecide, useProject } from '../projects/queries.ts';
import { RoleGate } from '../projects/RoleGate.tsx';
import { ApplicationStatusBadge, ProjectStatusBadge } from '../projects/StatusBadge.tsx';
import {
  type Applicant,
  type Decision,
  OPEN_APPLICATION,
  type ProjectApplication,
} from '../projects/types.ts';
import { useRegionName } from '../regions.ts';
import type { Profile } from '../types.ts';

/** `/my/projects/:id/applicants`: the owner firm reads each applicant and decides. */
export default function ApplicantsPage() {
  const { t } = useTranslation();
  return (
    <RoleGate only="firm" title={t('applicants.title')}>
      {(me) => <Applicants me={me} />}
    </RoleGate>
  );
}

function Applicants({ me }: { me: Profile }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const project = useProject(id);
  const owner = project.data?.firmId === me.userId;
  const applicants = useApplicants(id, owner);
  const decide = useDecide();
  const [notice, setNotice] = useState<{ text: string; accepted: boolean; engagementId?: string }>();
  const [error, setError] = useState<string>();

  if (project.isPending) return <Loading />;
  if (project.isError || !owner) {
    const missing = project.isError && project.error instanceof ApiError && project.error.status < 500;
    return (
      <Page title={t('applicants.title')}>
        {project.isError && !missing ? (
          <LoadError error={project.error} onRetry={() => void project.refetch()} />
        ) : (
          <Alert color="gray" role="status" mb="md">
            {t('applicants.notOwner')}
          </Alert>
        )}
        <Button component={Link} to="/my/projects" variant="default" mt="md">
          {t('projects.myTitle')}
        </Button>
      </Page>
    );
  }

  const onDecide = async (a: ProjectApplication, decision: Decision) => {
    setNotice(undefined);
    setError(undefined);
    const name = a.team ? a.team.name : a.applicant.displayName;
    try {
      const result = await decide.mutateAsync({ applicationId: a.id, decision });
      const key =
        result.status === 'accepted'
          ? 'applicants.acceptedNotice'
          : result.status === 'declined'
            ? 'applicants.declinedNotice'
            : 'applicants.shortlistedNotice';
      setNotice({
        text: t(a.team ? key.replace('applicants.', 'applicants.teamDecision.') : key, { name }),
        accepted: result.status === 'accepted',
        ...(result.engagementId ? { engagementId: result.engagementId } : {}),
      });
    } catch (e) {
      // Decided elsewhere meanwhile: the list is fetched again and shows what stands.
      setError(generalError(t, e));
    }
  };

  return (
    <Page title={t('applicants.title')} size="lg">
      <Group gap="sm" mb="xs">
        <ProjectStatusBadge status={project.data.status} />
        <Anchor component={Link} to={`/projects/${id}`}>
          {t('applicants.backToProject')}
        </Anchor>
      </Group>
      <Text mb="lg">{t('applicants.lead', { title: project.data.title })}</Text>
      <div role="status">
        {notice && (
          <Alert
            color="teal"
            mb="md"
            title={notice.accepted ? t('applicants.engagement') : undefined}
            withCloseButton
            closeButtonLabel={t('app.close')}
            onClose={() => setNotice(undefined)}
          >
            {notice.text}
            {notice.engagementId && (
              <div style={{ marginTop: '0.5rem' }}>
                <Anchor component={Link} to={`/engagements/${notice.engagementId}`} fw={700}>
                  {t('applicants.viewEngagement')}
                </Anchor>
              </div>
            )}
          </Alert>
        )}
      </div>
      {error && (
        <Alert color="red" role="alert" mb="md">
          {error}
        </Alert>
      )}
      <ListShell
        query={applicants}
        keyOf={(a) => a.id}
        gap="lg"
        empty={<EmptyBox text={t('applicants.empty')} />}
      >
        {(a) => (
          <ApplicantCard
            application={a}
            pending={
              decide.isPending && decide.variables?.applicationId === a.id
                ? decide.variables.decision
                : undefined
            }
            onDecide={(d) => onDecide(a, d)}
          />
        )}
      </ListShell>
      <LoadMore query={applicants} />
    </Page>
  );
}

/** What a firm reads of a professional: their public profile, as labelled values. */
function ProfileFields({ profile: p }: { profile: Applicant }) {
  const { t } = useTranslation();
  const f = useFormat();
  const home = useRegionName(p.homePrefectureCode);
  const rows: [string, ReactNode][] = [];
  if (p.headline) rows.push([t('applicants.headline'), p.headline]);
  if (p.skills.length)
    rows.push([
      t('applicants.skills'),
      <SkillBadges key="s" skills={p.skills} label={t('applicants.skills')} />,
    ]);
  if (p.yearsOfExperience !== undefined)
    rows.push([t('applicants.yearsOfExperience'), t('profile.years', { count: p.yearsOfExperience })]);
  if (home) rows.push([t('applicants.homePrefecture'), home]);
  if (p.hoursPerMonth !== undefined) rows.push([t('applicants.hoursPerMonth'), f.hours(p.hoursPerMonth)]);
  if (p.workStyle) rows.push([t('applicants.workStyle'), t(`profile.workStyles.${p.workStyle}`)]);
  if (!rows.length) return null;
  return (
    <dl className="fields" style={{ marginTop: '0.5rem' }}>
      {rows.map(([label, value]) => (
        <Fragment key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

/** A team's application: each member's profile, the director first. */
function TeamMembers({ application: a }: { application: ProjectApplication }) {
  const { t } = useTranslation();
  const team = a.team;
  if (!team) return null;
  return (
    <section aria-labelledby={`team-members-${a.id}`}>
      <Title order={3} size="h5" mt="md" mb={4} id={`team-members-${a.id}`}>
        {t('applicants.teamMembers', { count: team.members.length })}
      </Title>
      <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {team.members.map((m) => (
          <Paper component="li" key={m.userId} withBorder p="sm" bg="gray.0">
            <Group gap="xs" align="baseline">
              <Title order={4} size="h6" fz="md">
                {m.displayName}
              </Title>
              {m.userId === a.professionalId && (
                <Text span size="sm" c="dimmed">
                  {t('applicants.director')}
                </Text>
              )}
            </Group>
            <ProfileFields profile={m} />
          </Paper>
        ))}
      </Stack>
    </section>
  );
}

function ApplicantCard({
  application: a,
  pending,
  onDecide,
}: {
  application: ProjectApplication;
  pending: Decision | undefined;
  onDecide: (d: Decision) => Promise<void>;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const p = a.applicant;
  const nameId = `applicant-${a.id}`;
  const open = OPEN_APPLICATION.includes(a.status);
  // A team's application is the team's: its name heads the card and the decisions speak of it.
  const name = a.team ? a.team.name : p.displayName;
  /** The words of a decision: a team's are about the team, not a person. */
  const say = (key: string) => t(a.team ? `applicants.teamDecision.${key}` : `applicants.${key}`, { name });

  return (
    <Paper component="article" withBorder p={{ base: 'md', sm: 'lg' }} aria-labelledby={nameId}>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Group gap="xs" align="center" style={{ minWidth: 0 }}>
          <Title order={2} size="h3" id={nameId} style={{ overflowWrap: 'anywhere' }}>
            {a.team ? a.team.name : p.displayName}
          </Title>
          {a.team && (
            <Badge variant="filled" color="grape.9" radius="sm" tt="none">
              {t('applicants.teamBadge')}
            </Badge>
          )}
        </Group>
        <ApplicationStatusBadge status={a.status} />
      </Group>
      {a.team && (
        <Text mt={4}>{t('applicants.teamLead', { name: p.displayName, count: a.team.members.length })}</Text>
      )}
      {a.status === 'accepted' && (
        <Group gap="sm" mt="xs">
          <Text fw={700} c="teal.9">
            {t('applicants.engagement')}
          </Text>
          {a.engagementId && (
            <Button
              component={Link}
              to={`/engagements/${a.engagementId}`}
              size="xs"
              variant="light"
              aria-describedby={nameId}
            >
              {t('applicants.viewEngagement')}
            </Button>
          )}
        </Group>
      )}
      {a.team ? <TeamMembers application={a} /> : <ProfileFields profile={p} />}
      <dl className="fields" style={{ marginTop: '0.5rem' }}>
        <dt>{t('applicants.appliedAt')}</dt>
        <dd>
          <time dateTime={a.createdAt}>{f.date(a.createdAt)}</time>
        </dd>
      </dl>
      <Title order={3} size="h5" mt="md" mb={4}>
        {t('applicants.proposal')}
      </Title>
      <Text
        style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
        bg="gray.0"
        p="sm"
        lh={1.8}
        component="blockquote"
        m={0}
      >
        {a.proposal}
      </Text>
      {open && (
        <Group gap="sm" mt="md" justify="flex-end" role="group" aria-label={say('actions')}>
          {a.status === 'submitted' && (
            <Button
              variant="default"
              loading={pending === 'shortlist'}
              disabled={Boolean(pending)}
              onClick={() => void onDecide('shortlist')}
            >
              {t('applicants.shortlist')}
            </Button>
          )}
          <ConfirmButton
            variant="outline"
            color="red.9"
            label={t('applicants.decline')}
            title={say('declineConfirmTitle')}
            body={say('declineConfirmBody')}
            loading={pending === 'decline'}
            disabled={Boolean(pending) && pending !== 'decline'}
            onConfirm={() => onDecide('decline')}
          />
          <ConfirmButton
            label={t('applicants.accept')}
            title={say('acceptConfirmTitle')}
            body={say('acceptConfirmBody')}
            loading={pending === 'accept'}
            disabled={Boolean(pending) && pending !== 'accept'}
            onConfirm={() => onDecide('accept')}
          />
        </Group>
      )}
    </Paper>
  );
}
