import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../format.ts';
import { CheckinCode } from './CheckinCode.tsx';
import { Countdown } from './Countdown.tsx';
import type { RegistrationOut } from './types.ts';

type Shown = Pick<
  RegistrationOut,
  | 'status'
  | 'attendance'
  | 'waitlistPosition'
  | 'code'
  | 'checkoutUrl'
  | 'offerExpiresAt'
  | 'holdExpiresAt'
  | 'refundedJpy'
> & { checkedInAt?: string | undefined };

/**
 * What a registration's status means for the person, and what to do: the check-in code of a confirmed seat,
 * the place in line, the time left on an offer, the way to pay for a held seat.
 */
export function RegistrationNote({ registration: r, feeJpy }: { registration: Shown; feeJpy: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const where = t(`events.attendanceInline.${r.attendance}`);
  switch (r.status) {
    case 'entered':
      return <Text>{t('events.note.entered', { where })}</Text>;
    case 'waitlisted':
      return (
        <Text>
          {r.waitlistPosition
            ? t('events.note.waitlisted', { where, position: r.waitlistPosition })
            : t('events.note.waitlistedNoPosition', { where })}
        </Text>
      );
    case 'offered':
      return (
        <Stack gap={4}>
          <Text fw={700}>{t('events.note.offered', { where })}</Text>
          {r.offerExpiresAt && (
            <Text>
              {t('events.note.offerUntil', { time: f.dateTimeShort(r.offerExpiresAt) })}{' '}
              <Text span fw={700} c="red.9">
                <Countdown until={r.offerExpiresAt} />
              </Text>
            </Text>
          )}
        </Stack>
      );
    case 'pending_payment':
      return (
        <Stack gap="xs" align="flex-start">
          <Text>
            {r.holdExpiresAt
              ? t('events.note.pendingPayment', { time: f.dateTimeShort(r.holdExpiresAt) })
              : t('events.note.pendingPaymentNoTime')}
          </Text>
          {r.checkoutUrl && (
            <Button component="a" href={r.checkoutUrl}>
              {t('events.note.pay', { fee: f.yen(feeJpy) })}
            </Button>
          )}
        </Stack>
      );
    case 'confirmed':
      return (
        <Stack gap="sm">
          <Text>{t('events.note.confirmed', { where })}</Text>
          {r.checkedInAt ? (
            <Text fw={700} c="teal.9">
              {t('events.note.checkedIn', { time: f.dateTimeShort(r.checkedInAt) })}
            </Text>
          ) : (
            r.code && <CheckinCode code={r.code} label={t('events.code.label')} />
          )}
        </Stack>
      );
    case 'cancelled':
      return (
        <Text>
          {r.refundedJpy
            ? t('events.note.cancelledRefunded', { amount: f.yen(r.refundedJpy) })
            : t('events.note.cancelled')}
        </Text>
      );
    case 'expired':
      return <Text>{t('events.note.expired')}</Text>;
    case 'no_show':
      return <Text>{t('events.note.noShow')}</Text>;
  }
}
