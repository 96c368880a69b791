import './console.css';
import { Alert, Group, Paper, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../format.ts';
import type { Project } from '../projects/types.ts';
import { useProjectVisibility } from './queries.ts';
import { ReasonButton } from './ReasonButton.tsx';

/** Why a project is hidden, and since when: for its firm and for the operators. */
export function HiddenNotice({ project, owner }: { project: Project; owner: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!project.hidden) return null;
  return (
    <Alert
      color="yellow"
      title={t('console.moderation.hiddenNotice', { at: f.dateTimeShort(project.hiddenAt ?? '') })}
    >
      <Text className="console-reason">
        {t('console.moderation.hiddenReason', { reason: project.hiddenReason ?? '' })}
      </Text>
      {owner && <Text mt="xs">{t('console.moderation.hiddenOwner')}</Text>}
    </Alert>
  );
}

/** On a project's page, for an operator: hide it with a reason, or show it again. */
export function ModerationPanel({ project }: { project: Project }) {
  const { t } = useTranslation();
  const visibility = useProjectVisibility();
  const [done, setDone] = useState<'hidden' | 'unhidden'>();
  const act = (hide: boolean) => async (reason: string) => {
    setDone(undefined);
    await visibility.mutateAsync({ id: project.id, hide, reason });
    setDone(hide ? 'hidden' : 'unhidden');
  };
  return (
    <Paper
      withBorder
      p={{ base: 'md', sm: 'lg' }}
      bg="gray.0"
      component="section"
      aria-labelledby="moderation-title"
    >
      <Title order={2} size="h3" id="moderation-title" mb="sm">
        {t('console.moderation.title')}
      </Title>
      <div role="status">
        {done && (
          <Alert color="teal" mb="sm">
            {t(`console.moderation.${done}`)}
          </Alert>
        )}
      </div>
      <Group>
        {project.hidden ? (
          <ReasonButton
            label={t('console.moderation.unhide')}
            title={t('console.moderation.unhideTitle')}
            body={t('console.moderation.unhideBody')}
            loading={visibility.isPending}
            onConfirm={act(false)}
          />
        ) : (
          <ReasonButton
            variant="outline"
            color="red.9"
            label={t('console.moderation.hide')}
            title={t('console.moderation.hideTitle')}
            body={t('console.moderation.hideBody')}
            loading={visibility.isPending}
            onConfirm={act(true)}
          />
        )}
      </Group>
    </Paper>
  );
}
