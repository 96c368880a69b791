import '../metrics/metrics.css';
import { Alert, Button, Group, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { MetricsTable } from '#shared/metrics/contract.ts';
import { ApiError } from '../api.ts';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Page } from '../components/Page.tsx';
import { useMe } from '../me.ts';
import { mayRead, readsFigures } from '../metrics/access.ts';
import { CellTable } from '../metrics/CellTable.tsx';
import { MonthlyChart, TypesChart } from '../metrics/Charts.tsx';
import { Funnel, HeadlineFigures, Retention } from '../metrics/Figures.tsx';
import { useFiguresFormat } from '../metrics/format.ts';
import { PrintSummary } from '../metrics/PrintSummary.tsx';
import {
  currentMonth,
  DEFAULT_PERIOD_MONTHS,
  fiscalYear,
  isMonth,
  lastMonths,
  MAX_PERIOD_MONTHS,
  monthsOffered,
  type Period,
  periodProblem,
} from '../metrics/period.ts';
import { downloadTable, type Figures, useRelationshipPopulation } from '../metrics/queries.ts';
import { RegionPicker } from '../metrics/RegionPicker.tsx';
import { Section } from '../metrics/Section.tsx';
import { generalError } from '../profile/form-utils.ts';
import { useLocalName, useRegionName, useWideAreaGroups } from '../regions.ts';
import type { Profile } from '../types.ts';

/**
 * `/regions/relationship-population`: a region's relationship population (関係人口, BRIEF 2.5) for its staff
 * and operators — the region and period pickers (what they may read, up to 36 months), the headline figures,
 * the monthly series, MLIT's types, the funnel, retention, the tables with hidden small cells, a CSV of each
 * table, and a one-page summary to print for an assembly report.
 */
export default function RelationshipPopulationPage() {
  const { t } = useTranslation();
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.isError || !me.data || !readsFigures(me.data))
    return (
      <Page title={t('metrics.title')}>
        {me.isError ? (
          <LoadError error={me.error} onRetry={() => void me.refetch()} />
        ) : (
          <Alert color="gray" role="status">
            {t('metrics.onlyStaff')}
          </Alert>
        )}
      </Page>
    );
  return <RelationshipPopulationView me={me.data} />;
}

/** The region and period, kept in the address (?region=31370&from=2025-04&to=2026-03) to share or go back to. */
function useChoice(me: Profile) {
  const [params, setParams] = useSearchParams();
  const groups = useWideAreaGroups();
  const asked = params.get('region') ?? '';
  const region =
    asked && mayRead(me, asked, groups) ? asked : me.role === 'operator' ? '' : (me.regionCode ?? '');
  const fallback = lastMonths(DEFAULT_PERIOD_MONTHS);
  const to = params.get('to');
  const from = params.get('from');
  const period: Period = {
    to: isMonth(to) ? to : fallback.to,
    from: isMonth(from) ? from : isMonth(to) ? lastMonths(DEFAULT_PERIOD_MONTHS, to).from : fallback.from,
  };
  const choose = (next: { region?: string; period?: Period }) => {
    const p = next.period ?? period;
    const r = next.region ?? region;
    setParams({ ...(r ? { region: r } : {}), from: p.from, to: p.to }, { replace: true });
  };
  return { region, period, choose };
}

function RelationshipPopulationView({ me }: { me: Profile }) {
  const { t } = useTranslation();
  const f = useFiguresFormat();
  const { region, period, choose } = useChoice(me);
  const problem = periodProblem(period);
  const figures = useRelationshipPopulation(region, period, !problem);
  const [error, setError] = useState<string>();
  const today = currentMonth();
  const months = monthsOffered(today, [period.from, period.to]).map((m) => ({ value: m, label: f.month(m) }));
  const presets: { label: string; period: Period }[] = [
    { label: t('metrics.presets.last12'), period: lastMonths(DEFAULT_PERIOD_MONTHS, today) },
    { label: t('metrics.presets.thisFiscalYear'), period: fiscalYear(0, today) },
    { label: t('metrics.presets.lastFiscalYear'), period: fiscalYear(1, today) },
  ];
  const onDownload = async (table: MetricsTable) => {
    setError(undefined);
    try {
      await downloadTable(region, period, table);
    } catch (e) {
      setError(generalError(t, e));
    }
  };
  const forbidden = figures.error instanceof ApiError && figures.error.status === 403;

  return (
    <Page title={t('metrics.title')} size="lg">
      <div className="no-print">
        <Text mb="md" maw="48rem">
          {t('metrics.lead')}
        </Text>
        <Group align="flex-start" gap="sm" mb="sm" wrap="wrap" className="metrics-pickers">
          <RegionPicker me={me} value={region} onChange={(code) => choose({ region: code })} />
          <NativeSelect
            label={t('metrics.from')}
            data={months}
            value={period.from}
            onChange={(e) => choose({ period: { ...period, from: e.currentTarget.value } })}
            w={170}
          />
          <NativeSelect
            label={t('metrics.to')}
            data={months}
            value={period.to}
            onChange={(e) => choose({ period: { ...period, to: e.currentTarget.value } })}
            error={problem && t(`metrics.errors.${problem}`, { max: MAX_PERIOD_MONTHS })}
            w={170}
          />
        </Group>
        <Group gap="xs" mb="lg" wrap="wrap">
          {presets.map((p) => (
            <Button
              key={p.label}
              variant={p.period.from === period.from && p.period.to === period.to ? 'light' : 'subtle'}
              size="compact-sm"
              onClick={() => choose({ period: p.period })}
              aria-pressed={p.period.from === period.from && p.period.to === period.to}
            >
              {p.label}
            </Button>
          ))}
          <Button
            variant="default"
            size="compact-sm"
            onClick={() => window.print()}
            disabled={!figures.isSuccess}
            ml="auto"
          >
            {t('metrics.print.button')}
          </Button>
        </Group>
        {error && (
          <Alert color="red" role="alert" mb="md" withCloseButton onClose={() => setError(undefined)}>
            {error}
          </Alert>
        )}
      </div>
      {!region ? (
        <Text>{t('metrics.chooseRegion')}</Text>
      ) : problem ? null : forbidden ? (
        <Alert color="gray" role="status">
          {t('metrics.forbidden')}
        </Alert>
      ) : figures.isPending ? (
        <Loading />
      ) : figures.isError ? (
        <LoadError error={figures.error} onRetry={() => void figures.refetch()} />
      ) : (
        <Report figures={figures.data} onDownload={onDownload} />
      )}
    </Page>
  );
}

function Report({
  figures,
  onDownload,
}: {
  figures: Figures;
  onDownload: (table: MetricsTable) => Promise<void>;
}) {
  const { t } = useTranslation();
  const f = useFiguresFormat();
  const local = useLocalName();
  const regionName = useRegionName(figures.region.code) ?? local(figures.region);
  const section = (table: MetricsTable) => ({ table, onDownload, title: t(`metrics.sections.${table}`) });
  return (
    <>
      <Stack gap="lg" className="no-print metrics-report">
        <div>
          <Title order={2} id="metrics-report-title" size="h3">
            {t('metrics.reportTitle', { region: regionName })}
          </Title>
          <Text data-period>{f.period(figures)}</Text>
        </div>
        <Section {...section('summary')}>
          <HeadlineFigures figures={figures} />
        </Section>
        <Section {...section('monthly')} hint={t('metrics.hints.monthly')}>
          <MonthlyChart figures={figures} />
        </Section>
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
          <Section {...section('byType')} hint={t('metrics.hints.byType')}>
            <TypesChart figures={figures} />
          </Section>
          <Section {...section('funnel')} hint={t('metrics.hints.funnel')}>
            <Funnel figures={figures} />
          </Section>
          <Section {...section('retention')} hint={t('metrics.hints.retention')}>
            <Retention figures={figures} />
          </Section>
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Section
            {...section('byHomePrefecture')}
            hint={
              figures.homeUnknown
                ? t('metrics.hints.byHomePrefecture', { count: figures.homeUnknown })
                : undefined
            }
          >
            <CellTable
              caption={t('metrics.sections.byHomePrefecture')}
              heading={t('metrics.table.prefecture')}
              cells={figures.byHomePrefecture.map((c) => ({
                key: c.prefectureCode,
                label: local({ name: c.prefectureName, nameEn: c.prefectureNameEn }),
                people: c.people,
                suppressed: c.suppressed,
              }))}
            />
          </Section>
          <Section {...section('bySkill')} hint={t('metrics.hints.bySkill')}>
            <CellTable
              caption={t('metrics.sections.bySkill')}
              heading={t('metrics.table.skill')}
              cells={figures.bySkill.map((c) => ({ key: c.skill, label: c.skill, ...c }))}
            />
          </Section>
        </SimpleGrid>
        <Alert
          color="gray"
          variant="light"
          title={t('metrics.suppressionTitle')}
          className="suppression-note"
        >
          {t('metrics.suppressionNote')}
        </Alert>
        <Text size="sm" c="dimmed">
          {t('metrics.definitions')}
        </Text>
      </Stack>
      <PrintSummary figures={figures} regionName={regionName} />
    </>
  );
}
