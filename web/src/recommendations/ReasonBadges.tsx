import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Recommendation } from './queries.ts';

/** Why a project is recommended, one small badge a reason, in the reader's language (the API sends both). */
export function ReasonBadges({ reasons }: { reasons: Recommendation['reasons'] }) {
  const { t, i18n } = useTranslation();
  if (!reasons.length) return null;
  const english = i18n.language === 'en';
  return (
    <Group
      component="ul"
      gap={6}
      mt="sm"
      aria-label={t('recommendations.reasons')}
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      {reasons.map((r) => (
        <Badge
          component="li"
          key={r.kind}
          variant="light"
          radius="sm"
          tt="none"
          fw={500}
          // The app's badge colours (a dark shade on its light tint: 4.5:1); a long reason wraps on a phone.
          styles={{
            root: {
              color: 'var(--mantine-color-teal-9)',
              background: 'var(--mantine-color-teal-0)',
              height: 'auto',
              maxWidth: '100%',
            },
            label: { whiteSpace: 'normal', paddingBlock: 2 },
          }}
        >
          {english ? r.en : r.ja}
        </Badge>
      ))}
    </Group>
  );
}
