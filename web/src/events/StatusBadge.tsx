import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EventStatus, RegistrationStatus } from './types.ts';

// Dark shades on their light tints, so every badge's text keeps 4.5:1 (WCAG AA); Mantine's darkest yellow
// is too light on its tint, so "waiting" states are written in a brown of their own.
const EVENT_COLOR: Record<EventStatus, string> = { draft: 'gray', published: 'teal', cancelled: 'red' };
const REGISTRATION_COLOR: Record<RegistrationStatus, string> = {
  entered: 'ai',
  waitlisted: 'yellow',
  offered: 'grape',
  pending_payment: 'yellow',
  confirmed: 'teal',
  cancelled: 'gray',
  expired: 'gray',
  no_show: 'dark',
};

const style = (color: string) => ({
  root: {
    color: color === 'yellow' ? '#7a4100' : `var(--mantine-color-${color}-9)`,
    background: `var(--mantine-color-${color}-0)`,
  },
});

export function EventStatusBadge({ status }: { status: EventStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" radius="sm" tt="none" size="lg" styles={style(EVENT_COLOR[status])}>
      {t(`events.statuses.${status}`)}
    </Badge>
  );
}

export function RegistrationStatusBadge({ status }: { status: RegistrationStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" radius="sm" tt="none" size="lg" styles={style(REGISTRATION_COLOR[status])}>
      {t(`events.registrationStatuses.${status}`)}
    </Badge>
  );
}
