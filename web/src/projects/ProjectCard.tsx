import { Anchor, Badge, Card, Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../format.ts';
import type { Project } from './types.ts';

export function SkillBadges({ skills, label }: { skills: readonly string[]; label: string }) {
  if (!skills.length) return null;
  return (
    <Group component="ul" gap={6} aria-label={label} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {skills.map((s) => (
        <Badge component="li" key={s} variant="outline" radius="sm" tt="none" color="ai.8">
          {s}
        </Badge>
      ))}
    </Group>
  );
}

/** The mark of a project whose firm welcomes a team's application as well as one professional's. */
export function TeamsWelcomeBadge({ size }: { size?: 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge variant="filled" color="grape.9" radius="sm" tt="none" size={size}>
      {t('projects.teamsWelcomeBadge')}
    </Badge>
  );
}

/**
 * A search result: the title links to the project; the facts a professional decides by are below it, then
 * `children` (a recommendation's reasons).
 */
export function ProjectCard({
  project,
  headingLevel = 2,
  children,
}: {
  project: Project;
  headingLevel?: 2 | 3;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const titleId = `project-${project.id}`;
  return (
    <Card component="article" withBorder padding="lg" aria-labelledby={titleId} h="100%">
      <Title order={headingLevel} size="h4" id={titleId} lh={1.4}>
        <Anchor component={Link} to={`/projects/${project.id}`} underline="hover" c="ai.8">
          {project.title}
        </Anchor>
      </Title>
      <Text size="sm" mt={4}>
        {project.organizationName}
        <Text span c="dimmed" mx={6} aria-hidden="true">
          ・
        </Text>
        {f.region(project)}
      </Text>
      <Group gap="xs" mt="sm" wrap="wrap">
        <Text fw={700} size="lg" c="ai.9">
          {f.fee(project.monthlyFeeJpy)}
          {t(`projects.feeTaxShort.${project.feeTax}`)}
        </Text>
        <Text size="sm">{f.hours(project.hoursPerMonth)}</Text>
        <Text size="sm">{t(`projects.remoteStyles.${project.remote}`)}</Text>
        {project.shortTime && (
          <Badge variant="filled" color="teal.9" radius="sm" tt="none">
            {t('projects.shortTimeBadge')}
          </Badge>
        )}
        {project.welcomesTeams && <TeamsWelcomeBadge />}
      </Group>
      <Text size="sm" mt="sm" lineClamp={3} c="dark.6">
        {project.summary}
      </Text>
      {children}
      <Group justify="space-between" align="flex-end" mt="md" gap="sm" wrap="wrap">
        <SkillBadges skills={project.skills} label={t('projects.skills')} />
        <Text size="sm" c="dimmed" ml="auto">
          {f.applicants(project.applicantCount)}
        </Text>
      </Group>
    </Card>
  );
}
