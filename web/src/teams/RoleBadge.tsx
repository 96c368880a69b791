import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MemberStatus, TeamRole } from './types.ts';

// Dark shades on their light tints, so every badge's text keeps 4.5:1 (WCAG AA); "waiting" in the brown
// the engagement badges use.
const COLOR: Record<TeamRole, string> = { director: 'ai', member: 'teal', invited: 'yellow' };

const style = (color: string) => ({
  root: {
    color: color === 'yellow' ? '#7a4100' : `var(--mantine-color-${color}-9)`,
    background: `var(--mantine-color-${color}-0)`,
  },
});

/** How someone stands in a team: director, member, or invited (not joined yet). */
export function TeamRoleBadge({ role }: { role: TeamRole | MemberStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" radius="sm" tt="none" size="lg" styles={style(COLOR[role])}>
      {t(`teams.roles.${role}`)}
    </Badge>
  );
}
