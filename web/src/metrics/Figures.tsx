import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFiguresFormat } from './format.ts';
import type { Figures } from './queries.ts';

/** MLIT's types of relationship population (国土交通省の類型), in its order. */
export const TYPES = ['remoteWork', 'onSiteWork', 'exchange', 'nonVisiting'] as const;

/** The headline figures, in the order the page and the printed summary show them. */
export const HEADLINE = [
  { key: 'relationshipPeople', unit: 'people' },
  { key: 'activeRelationshipPeople', unit: 'people' },
  { key: 'homeUnknown', unit: 'people' },
  { key: 'repeatVisitors', unit: 'people' },
  { key: 'matches', unit: 'cases' },
  { key: 'postings', unit: 'cases' },
  { key: 'postingsWithApplications', unit: 'cases' },
  { key: 'applicationsPerPosting', unit: 'ratio' },
  { key: 'feesPaidJpy', unit: 'yen' },
] as const;
export type HeadlineKey = (typeof HEADLINE)[number]['key'];

/** A headline figure as the page writes it: the number, and its unit where the language writes one (人, 件). */
export function useHeadlineValue() {
  const f = useFiguresFormat();
  return (figures: Figures, item: (typeof HEADLINE)[number]) => {
    const n = figures[item.key];
    if (item.unit === 'yen') return { value: f.yen(n), unit: '' };
    if (item.unit === 'ratio') return { value: f.decimal(n), unit: '' };
    return { value: f.count(n), unit: f.counter(item.unit) };
  };
}

/** The headline figures as a list of terms and values, each with a line saying what it counts. */
export function HeadlineFigures({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const headlineValue = useHeadlineValue();
  return (
    <dl className="headline-grid">
      {HEADLINE.map((item) => {
        const { value, unit } = headlineValue(figures, item);
        return (
          <div key={item.key} className="headline-figure" data-figure={item.key}>
            <dt>{t(`metrics.figures.${item.key}`)}</dt>
            <dd className="headline-value">
              <span className="figure-value">{value}</span>
              {unit && <span className="figure-unit">{unit}</span>}
            </dd>
            <dd className="headline-hint">{t(`metrics.hints.${item.key}`)}</dd>
          </div>
        );
      })}
    </dl>
  );
}

const FUNNEL = ['tourAttendees', 'applied', 'engaged'] as const;

/** Tour attendees → of them, applied within 12 months → of them, a paid engagement month within 12 months. */
export function Funnel({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const f = useFiguresFormat();
  const top = figures.funnel.tourAttendees;
  return (
    <ol className="funnel">
      {FUNNEL.map((step, i) => {
        const n = figures.funnel[step];
        const before = i === 0 ? undefined : figures.funnel[FUNNEL[i - 1] as (typeof FUNNEL)[number]];
        return (
          <li key={step} data-step={step}>
            <div className="funnel-row">
              <span>{t(`metrics.funnel.${step}`)}</span>
              <strong>
                {f.count(n)}
                {f.counter('people') && <span className="figure-unit">{f.counter('people')}</span>}
              </strong>
            </div>
            <div className="funnel-bar" aria-hidden="true">
              <span style={{ width: top ? `${Math.max((n / top) * 100, n ? 2 : 0)}%` : '0%' }} />
            </div>
            {before ? (
              <Text size="sm" c="dimmed">
                {t('metrics.funnel.ofBefore', { share: f.share(n / before) })}
              </Text>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

const RETENTION = [
  { key: 'm3', months: 3 },
  { key: 'm6', months: 6 },
  { key: 'm12', months: 12 },
] as const;

/** Of the engagements that started in the period, the share still paid 3, 6 and 12 months on. */
export function Retention({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const f = useFiguresFormat();
  return (
    <dl className="retention-grid">
      {RETENTION.map((r) => (
        <div key={r.key} className="headline-figure" data-retention={r.key}>
          <dt>{t('metrics.retention.after', { count: r.months })}</dt>
          <dd className="headline-value">
            {figures.retention[r.key] === null ? (
              <>
                <span className="figure-value" aria-hidden="true">
                  {t('metrics.noShare')}
                </span>
                <span className="visually-hidden">{t('metrics.retention.none')}</span>
              </>
            ) : (
              <span className="figure-value">{f.share(figures.retention[r.key])}</span>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
