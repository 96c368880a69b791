import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Suspended or active, as the status badges write it: a dark shade on its light tint (4.5:1, WCAG AA). */
export function SuspendedBadge({ suspended }: { suspended: boolean }) {
  const { t } = useTranslation();
  const color = suspended ? 'red' : 'teal';
  return (
    <Badge
      variant="light"
      radius="sm"
      tt="none"
      styles={{
        root: { color: `var(--mantine-color-${color}-9)`, background: `var(--mantine-color-${color}-0)` },
      }}
    >
      {t(suspended ? 'console.staff.suspended' : 'console.accounts.active')}
    </Badge>
  );
}
