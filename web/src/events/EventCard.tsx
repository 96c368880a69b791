import { Anchor, Badge, Card, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../format.ts';
import { SeatsLine } from './SeatsLine.tsx';
import type { EventOut } from './types.ts';

/** A listed event: the title links to its page; when, where, what it costs and the seats left below. */
export function EventCard({ event: e, headingLevel = 2 }: { event: EventOut; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const f = useFormat();
  const titleId = `event-${e.id}`;
  return (
    <Card component="article" withBorder padding="lg" aria-labelledby={titleId} h="100%">
      <Group gap="xs" mb={6}>
        <Badge variant="outline" radius="sm" tt="none" color="ai.8">
          {t(`events.kinds.${e.kind}`)}
        </Badge>
        <Badge variant="outline" radius="sm" tt="none" color="dark.6">
          {t(`events.selections.${e.selection}`)}
        </Badge>
        {e.childcare && (
          <Badge variant="filled" radius="sm" tt="none" color="teal.9">
            {t('events.childcareBadge')}
          </Badge>
        )}
      </Group>
      <Title order={headingLevel} size="h4" id={titleId} lh={1.4}>
        <Anchor component={Link} to={`/events/${e.id}`} underline="hover" c="ai.8">
          {e.title}
        </Anchor>
      </Title>
      <Text size="sm" mt={6} fw={700}>
        <time dateTime={e.startsAt}>{f.span(e.startsAt, e.endsAt)}</time>
      </Text>
      <Text size="sm" mt={4}>
        {f.region(e)}
        {e.venueName && (
          <>
            <Text span c="dimmed" mx={6} aria-hidden="true">
              ・
            </Text>
            {e.venueName}
          </>
        )}
      </Text>
      <Group gap="sm" mt="sm" justify="space-between" align="flex-end" wrap="wrap">
        <Text fw={700} size="lg" c="ai.9">
          {e.feeJpy > 0 ? f.yen(e.feeJpy) : t('events.free')}
        </Text>
        <SeatsLine event={e} />
      </Group>
    </Card>
  );
}
