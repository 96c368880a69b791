import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApplicationStatus, ProjectStatus } from './types.ts';

// Dark shades on their light tints, so every badge's text keeps 4.5:1 (WCAG AA).
const PROJECT_COLOR: Record<ProjectStatus, string> = { draft: 'gray', open: 'teal', closed: 'dark' };
const APPLICATION_COLOR: Record<ApplicationStatus, string> = {
  submitted: 'ai',
  shortlisted: 'grape',
  declined: 'gray',
  accepted: 'teal',
  withdrawn: 'gray',
};

const style = (color: string) => ({
  root: { color: `var(--mantine-color-${color}-9)`, background: `var(--mantine-color-${color}-0)` },
});

export function ProjectStatusBadge({ status }: { status: ProjectStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" radius="sm" tt="none" size="lg" styles={style(PROJECT_COLOR[status])}>
      {t(`projects.statuses.${status}`)}
    </Badge>
  );
}

export function ApplicationStatusBadge({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" radius="sm" tt="none" size="lg" styles={style(APPLICATION_COLOR[status])}>
      {t(`applications.statuses.${status}`)}
    </Badge>
  );
}
