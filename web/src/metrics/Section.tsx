import { Button, Group, Paper, Text, Title } from '@mantine/core';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MetricsTable } from '#shared/metrics/contract.ts';

/**
 * A part of the page under its own heading, with the button that downloads its table as the API's CSV.
 * The button's name says which table ("CSV（月別の推移）") so that seven of them can be told apart.
 */
export function Section({
  title,
  hint,
  table,
  onDownload,
  children,
  className,
}: {
  title: string;
  hint?: ReactNode;
  table: MetricsTable;
  onDownload: (table: MetricsTable) => Promise<void>;
  children: ReactNode;
  className?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      await onDownload(table);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper
      component="section"
      withBorder
      p="md"
      aria-labelledby={id}
      className={className}
      data-table={table}
    >
      <Group justify="space-between" align="flex-start" gap="xs" mb="xs" wrap="nowrap">
        <Title order={3} size="h4" id={id}>
          {title}
        </Title>
        <Button
          variant="default"
          size="compact-sm"
          onClick={() => void download()}
          loading={busy}
          className="no-print"
        >
          {t('metrics.csv')}
          <span className="visually-hidden">{t('metrics.csvOf', { table: title })}</span>
        </Button>
      </Group>
      {hint && (
        <Text size="sm" c="dimmed" mb="sm">
          {hint}
        </Text>
      )}
      {children}
    </Paper>
  );
}
