import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The time now, again every `everyMs` while mounted. */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}

/**
 * The time left until `until`: days, hours and minutes, then minutes and seconds in the last hour. Not a
 * live region: a screen reader hears it when it reads it, not every second.
 */
export function Countdown({ until }: { until: string }) {
  const { t } = useTranslation();
  const end = Date.parse(until);
  const now = useNow(end - Date.now() < 3_600_000 ? 1_000 : 30_000);
  const left = Math.max(0, end - now);
  if (left === 0) return <>{t('events.countdown.over')}</>;
  const s = Math.floor(left / 1000);
  const [days, hours, minutes, seconds] = [
    Math.floor(s / 86_400),
    Math.floor((s % 86_400) / 3_600),
    Math.floor((s % 3_600) / 60),
    s % 60,
  ];
  const parts =
    s < 3_600
      ? [t('events.countdown.minutes', { count: minutes }), t('events.countdown.seconds', { count: seconds })]
      : [
          ...(days ? [t('events.countdown.days', { count: days })] : []),
          t('events.countdown.hours', { count: hours }),
          t('events.countdown.minutes', { count: minutes }),
        ];
  return <>{t('events.countdown.left', { time: parts.join(t('events.countdown.joiner')) })}</>;
}
