import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { beforeDraw, modesOf } from './seats.ts';
import type { Attendance, EventOut } from './types.ts';

/** Seats left per mode in a line: 会場 残り 12 席 ・ オンライン 満席（キャンセル待ち 3 人）. */
export function SeatsLine({ event: e }: { event: EventOut }) {
  const { t } = useTranslation();
  const one = (mode: Attendance) => {
    const where = t(`events.attendance.${mode}`);
    if (beforeDraw(e)) return t('events.seats.entries', { where, count: e.entered[mode] });
    if (e.seatsLeft[mode] > 0) return t('events.seats.left', { where, count: e.seatsLeft[mode] });
    return t('events.seats.full', { where, count: e.waitlisted[mode] });
  };
  return (
    <Text size="sm" c="dark.6">
      {modesOf(e).map(one).join(t('events.seats.separator'))}
    </Text>
  );
}
