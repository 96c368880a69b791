import { Alert, Anchor, Button, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApplicationInput } from '#shared/applications/rules.ts';
import { HiddenNotice, ModerationPanel } from '../admin/ProjectModeration.tsx';
import { ApiError } from '../api.ts';
import { useSession } from '../auth/session.ts';
import { LoadError, Loading } from '../components/Loading.tsx';
import { MissingOrError } from '../components/MissingOrError.tsx';
import { Page } from '../components/Page.tsx';
import { bounds } from '../forms.tsx';
import { useMe } from '../me.ts';
import { generalError, serverFieldErrors } from '../profile/form-utils.ts';
import { ConfirmButton } from '../projects/ConfirmButton.tsx';
import { TeamsWelcomeBadge } from '../projects/ProjectCard.tsx';
import { ProjectFacts } from '../projects/ProjectFacts.tsx';
import { useApply, useMyApplications, useProject, useProjectAction } from '../projects/queries.ts';
import { ApplicationStatusBadge, ProjectStatusBadge } from '../projects/StatusBadge.tsx';
import type { Project } from '../projects/types.ts';
import { useMyTeams } from '../teams/queries.ts';
import { MIN_TEAM_MEMBERS, type TeamSummary } from '../teams/types.ts';

type Notice = 'saved' | 'published' | 'publishFailed' | 'closed';
const NOTICE = {
  saved: { key: 'projects.savedNotice', color: 'teal' },
  published: { key: 'projects.publishedNotice', color: 'teal' },
  publishFailed: { key: 'editor.publishFailed', color: 'red' },
  closed: { key: 'projects.closedDone', color: 'teal' },
} as const;

/** `/projects/:id`: everything about a project, with applying (professionals) or managing it (its firm). */
export default function ProjectDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const project = useProject(id);
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const [notice, setNotice] = useState<Notice | undefined>(
    (location.state as { notice?: Notice } | null)?.notice,
  );

  if (project.isPending) return <Loading />;
  if (project.isError)
    return (
      <MissingOrError
        error={project.error}
        onRetry={() => void project.refetch()}
        missingStatuses={[400, 404]}
        notFoundTitle={t('projects.notFound')}
        notFoundBody={t('projects.notFoundBody')}
        back={{ to: '/projects', label: t('projects.backToSearch') }}
      />
    );
  const p = project.data;
  const owner = me.data?.role === 'firm' && me.data.userId === p.firmId;
  const operator = me.data?.role === 'operator';

  return (
    <Page title={p.title}>
      <div role="status">
        {notice && (
          <Alert
            color={NOTICE[notice].color}
            mb="md"
            withCloseButton
            closeButtonLabel={t('app.close')}
            onClose={() => {
              setNotice(undefined);
              navigate('.', { replace: true, state: null });
            }}
          >
            {t(NOTICE[notice].key)}
          </Alert>
        )}
      </div>
      <Group gap="sm" mb="md" mt={-8}>
        <ProjectStatusBadge status={p.status} />
        {p.welcomesTeams && <TeamsWelcomeBadge size="lg" />}
        <Text c="dimmed">{p.organizationName}</Text>
      </Group>
      <Stack gap="xl">
        {(owner || operator) && <HiddenNotice project={p} owner={owner} />}
        {operator && <ModerationPanel project={p} />}
        {owner && <OwnerPanel project={p} onDone={setNotice} />}
        <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="terms-title">
          <Title order={2} size="h3" id="terms-title" mb="xs">
            {t('projects.details')}
          </Title>
          <ProjectFacts project={p} />
        </Paper>
        <Description title={t('projects.summary')} text={p.summary} id="summary" />
        {p.challenge && <Description title={t('projects.challenge')} text={p.challenge} id="challenge" />}
        {p.deliverables && (
          <Description title={t('projects.deliverables')} text={p.deliverables} id="deliverables" />
        )}
        {!owner && <ApplyPanel project={p} />}
      </Stack>
    </Page>
  );
}

function Description({ title, text, id }: { title: string; text: string; id: string }) {
  return (
    <section aria-labelledby={`${id}-title`}>
      <Title order={2} size="h3" id={`${id}-title`} mb="xs">
        {title}
      </Title>
      <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} lh={1.8}>
        {text}
      </Text>
    </section>
  );
}

function OwnerPanel({ project, onDone }: { project: Project; onDone: (n: Notice) => void }) {
  const { t } = useTranslation();
  const action = useProjectAction();
  const [error, setError] = useState<string>();
  const run = async (what: 'publish' | 'close') => {
    setError(undefined);
    try {
      await action.mutateAsync({ id: project.id, action: what });
      onDone(what === 'publish' ? 'published' : 'closed');
    } catch (e) {
      setError(generalError(t, e));
    }
  };
  return (
    <Paper
      withBorder
      p={{ base: 'md', sm: 'lg' }}
      bg="ai.0"
      component="section"
      aria-labelledby="manage-title"
    >
      <Title order={2} size="h3" id="manage-title" mb="sm">
        {t('projects.manageTitle')}
      </Title>
      {project.status === 'draft' && <Text mb="sm">{t('projects.draftNotice')}</Text>}
      {project.status === 'closed' && <Text mb="sm">{t('projects.closedOwnerNotice')}</Text>}
      {error && (
        <Alert color="red" role="alert" mb="sm">
          {error}
        </Alert>
      )}
      <Group gap="sm">
        {project.status !== 'closed' && (
          <Button component={Link} to={`/my/projects/${project.id}/edit`} variant="default">
            {t('projects.edit')}
          </Button>
        )}
        {project.status === 'draft' && (
          <Button
            onClick={() => void run('publish')}
            loading={action.isPending && action.variables?.action === 'publish'}
          >
            {t('projects.publish')}
          </Button>
        )}
        <Button component={Link} to={`/my/projects/${project.id}/applicants`} variant="default">
          {t('projects.viewApplicants', { count: project.applicantCount })}
        </Button>
        {project.status !== 'closed' && (
          <ConfirmButton
            variant="outline"
            color="red.9"
            label={t('projects.close')}
            title={t('projects.closeConfirmTitle')}
            body={t('projects.closeConfirmBody', { title: project.title })}
            loading={action.isPending && action.variables?.action === 'close'}
            onConfirm={() => run('close')}
          />
        )}
      </Group>
    </Paper>
  );
}

/** The panel and the form read the caller's teams as one list (the same query), 100 a page. */
const TEAM_PAGE = 100;

function ApplyPanel({ project }: { project: Project }) {
  const { t } = useTranslation();
  const session = useSession();
  const me = useMe();
  const location = useLocation();
  const professional = me.data?.role === 'professional';
  const mine = useMyApplications(professional, 100);
  // Whether they applied is in some page of their applications: read them all (rarely more than one page).
  useEffect(() => {
    if (mine.hasNextPage && !mine.isFetchingNextPage) void mine.fetchNextPage();
  }, [mine.hasNextPage, mine.isFetchingNextPage, mine.fetchNextPage]);
  // The teams the person directs, for the form's "apply as" choice: every page of them (rarely more than one).
  const teams = useMyTeams(professional, TEAM_PAGE);
  useEffect(() => {
    if (teams.hasNextPage && !teams.isFetchingNextPage) void teams.fetchNextPage();
  }, [teams.hasNextPage, teams.isFetchingNextPage, teams.fetchNextPage]);
  const here = encodeURIComponent(location.pathname);
  const [applied, setApplied] = useState(false);

  let body: ReactNode;
  if (!session) {
    body = (
      <>
        <Text mb="md">{t('projects.signInToApply')}</Text>
        <Group>
          <Button component={Link} to={`/signin?next=${here}`}>
            {t('projects.signInLink')}
          </Button>
          <Button component={Link} to={`/signup?next=${here}`} variant="default">
            {t('projects.signUpLink')}
          </Button>
        </Group>
      </>
    );
  } else if (
    me.isPending ||
    (professional && (mine.isPending || mine.hasNextPage || teams.isPending || teams.hasNextPage))
  ) {
    body = <Loading />;
  } else if (me.isError) {
    body = <LoadError error={me.error} onRetry={() => void me.refetch()} />;
  } else if (!me.data) {
    body = (
      <>
        <Text mb="md">{t('projects.onboardToApply')}</Text>
        <Button component={Link} to={`/onboarding?next=${here}`}>
          {t('projects.createProfile')}
        </Button>
      </>
    );
  } else if (!professional) {
    body = <Text>{t('projects.notForRole')}</Text>;
  } else {
    // A withdrawn application stays in the history, and its applicant may apply again.
    const application = mine.data?.find((a) => a.projectId === project.id && a.status !== 'withdrawn');
    const withdrawnBefore = mine.data?.some((a) => a.projectId === project.id && a.status === 'withdrawn');
    if (applied && !application) {
      body = (
        <Anchor component={Link} to="/my/applications">
          {t('projects.toMyApplications')}
        </Anchor>
      );
    } else if (application) {
      body = (
        <>
          <Group gap="sm" mb="sm">
            <ApplicationStatusBadge status={application.status} />
            <Text fw={700}>
              {application.teamName
                ? t('projects.alreadyAppliedAsTeam', { team: application.teamName })
                : t('projects.alreadyApplied')}
            </Text>
          </Group>
          <Text mb="md">
            {t('projects.alreadyAppliedBody', { status: t(`applications.statuses.${application.status}`) })}
          </Text>
          <Anchor component={Link} to="/my/applications">
            {t('projects.toMyApplications')}
          </Anchor>
        </>
      );
    } else if (project.status !== 'open') {
      body = <Text>{t('projects.closedNotice')}</Text>;
    } else {
      body = (
        <>
          {withdrawnBefore && !applied && <Text mb="sm">{t('projects.withdrawnBefore')}</Text>}
          <ApplyForm project={project} onApplied={() => setApplied(true)} />
        </>
      );
    }
  }

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="apply-title">
      <Title order={2} size="h3" id="apply-title" mb="sm">
        {t('projects.applyTitle')}
      </Title>
      <div role="status">
        {applied && (
          <Alert color="teal" mb="md">
            {t('projects.applied')}
          </Alert>
        )}
      </div>
      {body}
    </Paper>
  );
}

const MAX_PROPOSAL = bounds(ApplicationInput.shape.proposal).max;

function ApplyForm({ project, onApplied }: { project: Project; onApplied: () => void }) {
  const { t } = useTranslation();
  const apply = useApply(project.id);
  const teams = useMyTeams(true, TEAM_PAGE);
  const [proposal, setProposal] = useState('');
  /** Who applies: '' for the professional alone, else the id of a team they direct. */
  const [as, setAs] = useState('');
  const [error, setError] = useState<string>();
  const [general, setGeneral] = useState<string>();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setGeneral(undefined);
    // The API's own check of the body.
    const checked = ApplicationInput.safeParse({ proposal, ...(as ? { teamId: as } : {}) });
    if (!checked.success) {
      const issue = checked.error.issues[0];
      return setError(
        issue?.code === 'too_big'
          ? t('editor.errors.tooLong', { max: issue.maximum })
          : t('editor.errors.required'),
      );
    }
    setError(undefined);
    try {
      await apply.mutateAsync(checked.data);
      // My applications are fetched again, and the panel turns into "applied".
      onApplied();
    } catch (err) {
      // Applied in another tab, or closed meanwhile: the refreshed project and applications say so.
      if (err instanceof ApiError && ['already_applied', 'project_closed'].includes(err.code)) return;
      // The team lost members meanwhile: the refreshed teams say so, and the choice goes back to oneself.
      if (err instanceof ApiError && err.code === 'team_too_small') {
        setAs('');
        void teams.refetch();
        return setGeneral(t('projects.teamTooSmall', { min: MIN_TEAM_MEMBERS }));
      }
      setError(serverFieldErrors(t, err).proposal);
      setGeneral(generalError(t, err));
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {general && (
          <Alert color="red" role="alert">
            {general}
          </Alert>
        )}
        <ApplyAs teams={teams.data ?? []} value={as} onChange={setAs} />
        <Textarea
          label={t('projects.proposal')}
          description={t('projects.proposalHint')}
          required
          autosize
          minRows={6}
          maxRows={16}
          maxLength={MAX_PROPOSAL}
          value={proposal}
          onChange={(e) => {
            setProposal(e.currentTarget.value);
            setError(undefined);
          }}
          error={error}
        />
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {proposal.length.toLocaleString()} / {MAX_PROPOSAL.toLocaleString()}
          </Text>
          <Button type="submit" loading={apply.isPending}>
            {t('projects.submitApply')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * Whom the application is for: the professional alone, or a team they direct that has the members to
 * apply. Teams still too small are named, with what they lack; without any team, nothing is shown.
 */
function ApplyAs({
  teams,
  value,
  onChange,
}: {
  teams: TeamSummary[];
  value: string;
  onChange: (teamId: string) => void;
}) {
  const { t } = useTranslation();
  const directed = teams.filter((team) => team.yourRole === 'director');
  const ready = directed.filter((team) => team.memberCount >= MIN_TEAM_MEMBERS);
  const small = directed.filter((team) => team.memberCount < MIN_TEAM_MEMBERS);
  if (directed.length === 0) return null;
  return (
    <>
      {ready.length > 0 && (
        <Radio.Group label={t('projects.applyAs')} value={value} onChange={onChange}>
          <Stack gap="xs" mt="xs">
            <Radio value="" label={t('projects.applyAsMyself')} />
            {ready.map((team) => (
              <Radio
                key={team.id}
                value={team.id}
                label={t('projects.applyAsTeam', { team: team.name, count: team.memberCount })}
              />
            ))}
          </Stack>
        </Radio.Group>
      )}
      {small.map((team) => (
        <Text key={team.id} size="sm" c="dimmed">
          {t('projects.teamNeedsMembers', { team: team.name, min: MIN_TEAM_MEMBERS })}
        </Text>
      ))}
    </>
  );
}
