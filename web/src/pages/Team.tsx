import { Alert, Anchor, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Fragment, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../api.ts';
import { Loading } from '../components/Loading.tsx';
import { MissingOrError } from '../components/MissingOrError.tsx';
import { Page } from '../components/Page.tsx';
import { useFormat } from '../format.ts';
import { contractResolver, FormAlert, useFormSubmit } from '../forms.tsx';
import { generalError } from '../profile/form-utils.ts';
import { ConfirmButton } from '../projects/ConfirmButton.tsx';
import { SkillBadges } from '../projects/ProjectCard.tsx';
import { RoleGate } from '../projects/RoleGate.tsx';
import { useInvite, useTeam, useTeamStep } from '../teams/queries.ts';
import { TeamRoleBadge } from '../teams/RoleBadge.tsx';
import {
  InvitationInput,
  MAX_TEAM_MEMBERS,
  MIN_TEAM_MEMBERS,
  TEAM_INVITATION_DAYS,
  type Team,
  type TeamMember,
} from '../teams/types.ts';

type Notice = 'created' | 'joined' | 'invited';

/**
 * `/teams/:id`: a team, its members and, by how the caller stands in it, inviting (the director), leaving
 * (a member) or joining (an invited person: the invitation mail links here with `?join=1`).
 */
export default function TeamPage() {
  const { t } = useTranslation();
  return (
    <RoleGate only="professional" title={t('teams.pageTitle')}>
      {() => <TeamDetail />}
    </RoleGate>
  );
}

function TeamDetail() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const team = useTeam(id);
  const location = useLocation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [notice, setNotice] = useState<{ key: Notice; email?: string } | undefined>(() => {
    const key = (location.state as { notice?: Notice } | null)?.notice;
    return key ? { key } : undefined;
  });

  if (team.isPending) return <Loading />;
  if (team.isError)
    return (
      <MissingOrError
        error={team.error}
        onRetry={() => void team.refetch()}
        missingStatuses={[400, 403, 404]}
        notFoundTitle={t('teams.notFound')}
        notFoundBody={t('teams.notFoundBody')}
        back={{ to: '/teams', label: t('teams.backToList') }}
      />
    );
  const data = team.data;
  const director = data.members.find((m) => m.userId === data.directorId);
  const joined = data.members.filter((m) => m.status === 'member');
  const invited = data.members.filter((m) => m.status === 'invited');

  return (
    <Page title={data.name}>
      <Group gap="sm" mb="md" mt={-8}>
        <TeamRoleBadge role={data.yourRole} />
        <Text c="dimmed">{director ? t('teams.directedBy', { name: director.displayName }) : null}</Text>
        <Anchor component={Link} to="/teams">
          {t('teams.backToList')}
        </Anchor>
      </Group>
      <div role="status">
        {notice && (
          <Alert
            color="teal"
            mb="md"
            withCloseButton
            closeButtonLabel={t('app.close')}
            onClose={() => {
              setNotice(undefined);
              navigate('.', { replace: true, state: null });
            }}
          >
            {t(`teams.notices.${notice.key}`, { email: notice.email, name: data.name })}
          </Alert>
        )}
        {!notice && params.get('join') === '1' && data.yourRole !== 'invited' && (
          <Alert color="gray" mb="md">
            {t('teams.alreadyIn')}
          </Alert>
        )}
      </div>
      <Stack gap="xl">
        {data.yourRole === 'invited' && (
          <JoinPanel team={data} onJoined={() => setNotice({ key: 'joined' })} />
        )}
        {data.description && (
          <section aria-labelledby="team-description-title">
            <Title order={2} size="h3" id="team-description-title" mb="xs">
              {t('teams.about')}
            </Title>
            <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} lh={1.8}>
              {data.description}
            </Text>
          </section>
        )}
        <section aria-labelledby="members-title">
          <Title order={2} size="h3" id="members-title" mb="xs">
            {t('teams.members')}
          </Title>
          <Text mb="sm">{t('teams.membersLead', { count: data.memberCount, max: MAX_TEAM_MEMBERS })}</Text>
          {data.yourRole === 'director' && data.memberCount < MIN_TEAM_MEMBERS && (
            <Alert color="yellow" mb="sm">
              {t('teams.tooSmall', { min: MIN_TEAM_MEMBERS })}
            </Alert>
          )}
          <MemberList team={data} members={joined} />
        </section>
        {data.yourRole === 'director' && (
          <>
            <InviteForm
              team={data}
              onSending={() => setNotice(undefined)}
              onInvited={(email) => setNotice({ key: 'invited', email })}
            />
            <section aria-labelledby="invitations-title">
              <Title order={2} size="h3" id="invitations-title" mb="xs">
                {t('teams.invitations')}
              </Title>
              {invited.length === 0 ? (
                <Text c="dimmed">{t('teams.noInvitations')}</Text>
              ) : (
                <MemberList team={data} members={invited} />
              )}
            </section>
          </>
        )}
        {data.yourRole === 'member' && <LeavePanel team={data} />}
        {data.yourRole === 'director' && (
          <Text size="sm" c="dimmed">
            {t('teams.directorStays')}
          </Text>
        )}
      </Stack>
    </Page>
  );
}

function MemberList({ team, members }: { team: Team; members: TeamMember[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {members.map((m, i) => {
        const nameId = `member-${team.id}-${m.status}-${i}`;
        const rows: [string, ReactNode][] = [];
        if (m.headline) rows.push([t('applicants.headline'), m.headline]);
        if (m.skills?.length)
          rows.push([
            t('applicants.skills'),
            <SkillBadges key="s" skills={m.skills} label={t('applicants.skills')} />,
          ]);
        // An address with no account yet is its own name: said once.
        if (m.email && m.email !== m.displayName) rows.push([t('teams.email'), m.email]);
        if (m.joinedAt)
          rows.push([
            t('teams.joinedAt'),
            <time key="d" dateTime={m.joinedAt}>
              {f.date(m.joinedAt)}
            </time>,
          ]);
        return (
          <Paper component="li" key={m.userId ?? m.email ?? i} withBorder p="md" aria-labelledby={nameId}>
            <Group justify="space-between" align="flex-start" gap="sm">
              <Title order={3} size="h5" id={nameId} style={{ overflowWrap: 'anywhere' }}>
                {m.displayName || m.email}
              </Title>
              <TeamRoleBadge
                role={m.userId !== null && m.userId === team.directorId ? 'director' : m.status}
              />
            </Group>
            {rows.length > 0 && (
              <dl className="fields" style={{ marginTop: '0.25rem' }}>
                {rows.map(([label, value]) => (
                  <Fragment key={label}>
                    <dt>{label}</dt>
                    <dd>{value}</dd>
                  </Fragment>
                ))}
              </dl>
            )}
          </Paper>
        );
      })}
    </Stack>
  );
}

function JoinPanel({ team, onJoined }: { team: Team; onJoined: () => void }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const step = useTeamStep(team.id);
  const [error, setError] = useState<string>();
  const fromMail = params.get('join') === '1';
  const join = async () => {
    setError(undefined);
    try {
      await step.mutateAsync('join');
      if (fromMail) setParams({}, { replace: true });
      onJoined();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'team_full')
        setError(t('teams.errors.teamFull', { max: MAX_TEAM_MEMBERS }));
      else if (err instanceof ApiError && err.code === 'not_a_professional')
        setError(t('teams.errors.notAProfessional'));
      else setError(generalError(t, err));
    }
  };
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} bg="ai.0" component="section" aria-labelledby="join-title">
      <Title order={2} size="h3" id="join-title" mb="xs">
        {t('teams.joinTitle')}
      </Title>
      <Text mb="md">{t('teams.joinLead', { name: team.name })}</Text>
      {error && (
        <Alert color="red" role="alert" mb="sm">
          {error}
        </Alert>
      )}
      <Button onClick={() => void join()} loading={step.isPending}>
        {t('teams.join')}
      </Button>
    </Paper>
  );
}

function LeavePanel({ team }: { team: Team }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const step = useTeamStep(team.id);
  const [error, setError] = useState<string>();
  const leave = async () => {
    setError(undefined);
    try {
      await step.mutateAsync('leave');
      navigate('/teams', { state: { left: team.name } });
    } catch (err) {
      setError(
        err instanceof ApiError && err.code === 'director_cannot_leave'
          ? t('teams.errors.directorCannotLeave')
          : generalError(t, err),
      );
    }
  };
  return (
    <section aria-labelledby="leave-title">
      <Title order={2} size="h3" id="leave-title" mb="xs">
        {t('teams.leaveTitle')}
      </Title>
      <Text mb="sm">{t('teams.leaveLead')}</Text>
      {error && (
        <Alert color="red" role="alert" mb="sm">
          {error}
        </Alert>
      )}
      <ConfirmButton
        variant="outline"
        color="red.9"
        label={t('teams.leave')}
        title={t('teams.leaveConfirmTitle')}
        body={t('teams.leaveConfirmBody', { name: team.name })}
        loading={step.isPending}
        onConfirm={leave}
      />
    </section>
  );
}

type InviteValues = { email: string };

function InviteForm({
  team,
  onSending,
  onInvited,
}: {
  team: Team;
  onSending: () => void;
  onInvited: (email: string) => void;
}) {
  const { t } = useTranslation();
  const invite = useInvite(team.id);
  const form = useForm<InviteValues>({
    initialValues: { email: '' },
    validate: contractResolver(
      t,
      InvitationInput,
      (v: InviteValues) => ({ email: v.email.trim() }),
      () => t('auth.errors.email'),
    ),
  });
  const { general, submit } = useFormSubmit(form, undefined, 'teams.inviteFailed');
  const full = team.members.length >= MAX_TEAM_MEMBERS;
  const onSubmit = submit(async (values) => {
    const email = InvitationInput.parse({ email: values.email.trim() }).email;
    onSending();
    try {
      await invite.mutateAsync(email);
    } catch (err) {
      // The refusals that are about the address are said next to it.
      const code = err instanceof ApiError ? err.code : '';
      const known: Record<string, string> = {
        already_invited: t('teams.errors.alreadyInvited'),
        team_full: t('teams.errors.teamFull', { max: MAX_TEAM_MEMBERS }),
        not_a_professional: t('teams.errors.inviteNotAProfessional'),
      };
      if (known[code]) {
        form.setFieldError('email', known[code]);
        return;
      }
      throw err;
    }
    form.reset();
    onInvited(email);
  });
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="invite-title">
      <Title order={2} size="h3" id="invite-title" mb="xs">
        {t('teams.inviteTitle')}
      </Title>
      <Text mb="md">{t('teams.inviteLead', { days: TEAM_INVITATION_DAYS })}</Text>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <FormAlert message={general} />
          <Group align="flex-start" gap="sm" wrap="wrap">
            <TextInput
              label={t('auth.email')}
              type="email"
              autoComplete="off"
              required
              disabled={full}
              style={{ flex: '1 1 16rem' }}
              {...form.getInputProps('email')}
            />
            <Button type="submit" loading={invite.isPending} disabled={full} mt={{ base: 0, xs: 25 }}>
              {t('teams.invite')}
            </Button>
          </Group>
          {full && <Text size="sm">{t('teams.errors.teamFull', { max: MAX_TEAM_MEMBERS })}</Text>}
        </Stack>
      </form>
    </Paper>
  );
}
