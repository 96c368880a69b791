import { useTranslation } from 'react-i18next';
import { HEADLINE, TYPES, useHeadlineValue } from './Figures.tsx';
import { useFiguresFormat } from './format.ts';
import type { Figures } from './queries.ts';

/**
 * The one-page summary printed for an assembly report (議会報告): the region, the period, the headline
 * figures, the types, the funnel and retention, where the figures come from. Only printed: on screen the
 * page shows the same figures in full.
 */
export function PrintSummary({ figures, regionName }: { figures: Figures; regionName: string }) {
  const { t } = useTranslation();
  const f = useFiguresFormat();
  const headlineValue = useHeadlineValue();
  const today = new Date().toISOString();
  const people = (n: number) => `${f.count(n)}${f.counter('people')}`;
  const rows = (items: [string, string][]) =>
    items.map(([label, value]) => (
      <tr key={label}>
        <th scope="row">{label}</th>
        <td>{value}</td>
      </tr>
    ));
  return (
    <section className="print-summary print-only" aria-label={t('metrics.print.title')}>
      <h2>{t('metrics.print.heading', { region: regionName })}</h2>
      <p className="print-summary-meta">
        {t('metrics.print.period', { period: f.period(figures) })}
        <br />
        {t('metrics.print.issued', { date: f.longDate(today) })}
      </p>
      <div className="print-summary-tables">
        <table>
          <caption>{t('metrics.sections.summary')}</caption>
          <tbody>
            {rows(
              HEADLINE.map((item) => {
                const { value, unit } = headlineValue(figures, item);
                return [t(`metrics.figures.${item.key}`), `${value}${unit}`];
              }),
            )}
          </tbody>
        </table>
        <div>
          <table>
            <caption>{t('metrics.sections.byType')}</caption>
            <tbody>
              {rows(TYPES.map((type) => [t(`metrics.types.${type}`), people(figures.byType[type])]))}
            </tbody>
          </table>
          <table>
            <caption>{t('metrics.sections.funnel')}</caption>
            <tbody>
              {rows([
                [t('metrics.funnel.tourAttendees'), people(figures.funnel.tourAttendees)],
                [t('metrics.funnel.applied'), people(figures.funnel.applied)],
                [t('metrics.funnel.engaged'), people(figures.funnel.engaged)],
              ])}
            </tbody>
          </table>
          <table>
            <caption>{t('metrics.sections.retention')}</caption>
            <tbody>
              {rows([
                [t('metrics.retention.after', { count: 3 }), f.share(figures.retention.m3)],
                [t('metrics.retention.after', { count: 6 }), f.share(figures.retention.m6)],
                [t('metrics.retention.after', { count: 12 }), f.share(figures.retention.m12)],
              ])}
            </tbody>
          </table>
        </div>
      </div>
      <p className="print-summary-note">{t('metrics.print.source')}</p>
      <p className="print-summary-note">{t('metrics.definitions')}</p>
    </section>
  );
}
