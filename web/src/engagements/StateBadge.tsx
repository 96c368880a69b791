import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EngagementState, PayoutStatus } from './types.ts';

// Dark shades on their light tints, so every badge's text keeps 4.5:1 (WCAG AA). Mantine's darkest
// yellow is too light on its tint: "waiting" states are written in a brown of their own instead.
const STATE_COLOR: Record<EngagementState, string> = {
  awaiting_payment: 'yellow',
  active: 'teal',
  paused: 'gray',
  past_due: 'red',
  ending: 'grape',
  ended: 'dark',
};
const PAYOUT_COLOR: Record<PayoutStatus, string> = { not_started: 'gray', pending: 'yellow', ready: 'teal' };

const style = (color: string) => ({
  root: {
    color: color === 'yellow' ? '#7a4100' : `var(--mantine-color-${color}-9)`,
    background: `var(--mantine-color-${color}-0)`,
  },
});

export function EngagementStateBadge({ state }: { state: EngagementState }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" radius="sm" tt="none" size="lg" styles={style(STATE_COLOR[state])}>
      {t(`engagements.states.${state}`)}
    </Badge>
  );
}

export function PayoutStatusBadge({ status }: { status: PayoutStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" radius="sm" tt="none" size="lg" styles={style(PAYOUT_COLOR[status])}>
      {t(`payouts.statuses.${status}`)}
    </Badge>
  );
}
