import { Alert, Anchor, Button, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { EmptyBox, ListShell } from '../components/ListShell.tsx';
import { Page } from '../components/Page.tsx';
import {
  bodyOf,
  bounds,
  contractResolver,
  FormAlert,
  type Issue,
  textIssue,
  useFormSubmit,
} from '../forms.tsx';
import { LoadMore } from '../paged-list.tsx';
import { RoleGate } from '../projects/RoleGate.tsx';
import { useCreateTeam, useMyTeams } from '../teams/queries.ts';
import { TeamRoleBadge } from '../teams/RoleBadge.tsx';
import { MIN_TEAM_MEMBERS, TeamInput, type TeamSummary } from '../teams/types.ts';

/** `/teams`: a professional's teams (directed, joined, invited to) and a form to create one. */
export default function TeamsPage() {
  const { t } = useTranslation();
  return (
    <RoleGate only="professional" title={t('teams.listTitle')}>
      {() => <Teams />}
    </RoleGate>
  );
}

function Teams() {
  const { t } = useTranslation();
  const list = useMyTeams();
  const location = useLocation();
  const navigate = useNavigate();
  /** The team just left, from its page. */
  const [notice, setNotice] = useState<string | undefined>(
    (location.state as { left?: string } | null)?.left,
  );
  return (
    <Page title={t('teams.listTitle')}>
      <Text mb="lg">{t('teams.listLead', { min: MIN_TEAM_MEMBERS })}</Text>
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
            {t('teams.notices.left', { name: notice })}
          </Alert>
        )}
      </div>
      <Stack gap="xl">
        <section aria-labelledby="my-teams-title">
          <Title order={2} size="h3" id="my-teams-title" mb="sm">
            {t('teams.myTeams')}
          </Title>
          <ListShell query={list} keyOf={(team) => team.id} empty={<EmptyBox text={t('teams.empty')} />}>
            {(team) => <TeamCard team={team} />}
          </ListShell>
          <LoadMore query={list} />
        </section>
        <CreateTeam />
      </Stack>
    </Page>
  );
}

function TeamCard({ team }: { team: TeamSummary }) {
  const { t } = useTranslation();
  const titleId = `team-${team.id}`;
  const invited = team.yourRole === 'invited';
  return (
    <Paper component="article" withBorder p={{ base: 'md', sm: 'lg' }} aria-labelledby={titleId}>
      <Group justify="space-between" align="flex-start" gap="sm">
        <div style={{ minWidth: 0, flex: '1 1 14rem' }}>
          <Title order={3} size="h4" id={titleId} lh={1.4}>
            <Anchor component={Link} to={`/teams/${team.id}`} underline="hover" c="ai.8">
              {team.name}
            </Anchor>
          </Title>
          <Text size="sm" mt={4}>
            {t('teams.memberCount', { count: team.memberCount })}
          </Text>
        </div>
        <TeamRoleBadge role={team.yourRole} />
      </Group>
      {invited && (
        <Group justify="flex-end" mt="sm">
          <Button component={Link} to={`/teams/${team.id}?join=1`} size="sm" aria-describedby={titleId}>
            {t('teams.seeInvitation')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}

type Values = { name: string; description: string };
const toBody = (v: Values) => ({
  name: v.name,
  description: v.description.trim() ? v.description : undefined,
});

function CreateTeam() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateTeam();
  const word = (issue: Issue) => textIssue(issue, t, 'editor.errors.required');
  const form = useForm<Values>({
    initialValues: { name: '', description: '' },
    validate: contractResolver(t, TeamInput, toBody, word),
  });
  const { general, submit } = useFormSubmit(form, undefined, 'teams.createFailed');
  const onSubmit = submit(async (values) => {
    const team = await create.mutateAsync(bodyOf(TeamInput, toBody, values));
    navigate(`/teams/${team.id}`, { state: { notice: 'created' } });
  });
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="create-team-title">
      <Title order={2} size="h3" id="create-team-title" mb="xs">
        {t('teams.createTitle')}
      </Title>
      <Text mb="md">{t('teams.createLead')}</Text>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <FormAlert message={general} />
          <TextInput
            label={t('teams.name')}
            description={t('teams.nameHint')}
            required
            maxLength={bounds(TeamInput.shape.name).max}
            {...form.getInputProps('name')}
          />
          <Textarea
            label={t('teams.description')}
            description={t('teams.descriptionHint', {
              max: bounds(TeamInput.shape.description).max.toLocaleString('en'),
            })}
            autosize
            minRows={3}
            maxRows={10}
            maxLength={bounds(TeamInput.shape.description).max}
            {...form.getInputProps('description')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              {t('teams.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
