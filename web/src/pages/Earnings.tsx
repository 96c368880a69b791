import { Alert, Anchor, Button, Group, NativeSelect, Paper, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { QueryShell } from '../components/ListShell.tsx';
import { Page } from '../components/Page.tsx';
import { downloadEarningsCsv, useEarnings } from '../engagements/queries.ts';
import { TableScroll } from '../engagements/TableScroll.tsx';
import type { Amounts, Earnings } from '../engagements/types.ts';
import { useFormat } from '../format.ts';
import { generalError } from '../profile/form-utils.ts';
import { RoleGate } from '../projects/RoleGate.tsx';

/** How many years back the year selector offers (the current year included). */
const YEARS_SHOWN = 6;

/**
 * `/earnings`: a professional's earnings for a year, per month and engagement, with yearly totals;
 * downloaded as the API's CSV, or printed as an A4 statement (the print stylesheet drops the rest).
 */
export default function EarningsPage() {
  const { t } = useTranslation();
  return (
    <RoleGate only="professional" title={t('earnings.title')}>
      {() => <EarningsView />}
    </RoleGate>
  );
}

function useYear(): [number, (year: number) => void] {
  const [params, setParams] = useSearchParams();
  const current = new Date().getFullYear();
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= current + 1 ? asked : current;
  return [year, (y) => setParams(y === current ? {} : { year: String(y) }, { replace: true })];
}

function EarningsView() {
  const { t } = useTranslation();
  const [year, setYear] = useYear();
  const earnings = useEarnings(year);
  const [downloading, setDownloading] = useState(false);
  const [error, setError] = useState<string>();
  const current = new Date().getFullYear();
  const years = Array.from({ length: YEARS_SHOWN }, (_, i) => current - i);
  if (!years.includes(year)) years.push(year);

  const download = async () => {
    setError(undefined);
    setDownloading(true);
    try {
      await downloadEarningsCsv(year);
    } catch (e) {
      setError(generalError(t, e));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Page title={t('earnings.title')} size="lg">
      <div className="no-print">
        <Text mb="lg">{t('earnings.lead')}</Text>
        <Group align="flex-end" gap="sm" mb="lg" wrap="wrap">
          <NativeSelect
            label={t('earnings.year')}
            value={String(year)}
            onChange={(e) => setYear(Number(e.currentTarget.value))}
            data={years.map((y) => ({ value: String(y), label: t('earnings.yearOption', { year: y }) }))}
            w={140}
          />
          <Button variant="default" onClick={() => void download()} loading={downloading}>
            {t('earnings.download')}
          </Button>
          <Button variant="default" onClick={() => window.print()} disabled={!earnings.isSuccess}>
            {t('earnings.print')}
          </Button>
          <Button component={Link} to="/payouts" variant="subtle">
            {t('engagements.toPayouts')}
          </Button>
        </Group>
        {error && (
          <Alert color="red" role="alert" mb="md">
            {error}
          </Alert>
        )}
      </div>
      <QueryShell query={earnings}>{(data) => <Statement earnings={data} />}</QueryShell>
    </Page>
  );
}

function Statement({ earnings: e }: { earnings: Earnings }) {
  const { t } = useTranslation();
  const f = useFormat();
  const today = new Date().toISOString();
  const amounts = (a: Amounts) => (
    <>
      <Table.Td className="num">{f.yen(a.grossJpy)}</Table.Td>
      <Table.Td className="num">{f.yen(a.grossTaxJpy)}</Table.Td>
      <Table.Td className="num">{f.yen(a.platformFeeJpy)}</Table.Td>
      <Table.Td className="num">{f.yen(a.feeTaxJpy)}</Table.Td>
      <Table.Td className="num">{f.yen(a.netJpy)}</Table.Td>
      <Table.Td className="num">{f.yen(a.withholdingJpy)}</Table.Td>
    </>
  );
  return (
    <section className="statement" aria-labelledby="statement-title">
      <Title order={2} size="h3" id="statement-title" mb="sm">
        {t('earnings.statementTitle', { year: e.year })}
      </Title>
      <dl className="fields statement-parties">
        <dt>{t('earnings.recipient')}</dt>
        <dd>{t('earnings.recipientName', { name: e.professional.displayName })}</dd>
        <dt>{t('earnings.issuer')}</dt>
        <dd>{e.platform.name}</dd>
        {e.platform.invoiceRegistrationNumber && (
          <>
            <dt>{t('earnings.registrationNumber')}</dt>
            <dd>{e.platform.invoiceRegistrationNumber}</dd>
          </>
        )}
        <dt className="print-only">{t('earnings.issuedOnLabel')}</dt>
        <dd className="print-only">
          <time dateTime={today.slice(0, 10)}>{f.date(today)}</time>
        </dd>
      </dl>
      {e.rows.length === 0 ? (
        <Paper withBorder p="lg" ta="center" mt="md">
          <Text>{t('earnings.empty', { year: e.year })}</Text>
        </Paper>
      ) : (
        <TableScroll label={t('earnings.caption', { year: e.year })}>
          <Table withTableBorder withColumnBorders miw={960} mt="md" className="money-table">
            <Table.Caption className="visually-hidden">
              {t('earnings.caption', { year: e.year })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('earnings.month')}</Table.Th>
                <Table.Th scope="col">{t('earnings.project')}</Table.Th>
                <Table.Th scope="col">{t('earnings.firm')}</Table.Th>
                <Table.Th scope="col" className="num">
                  {t('earnings.gross')}
                </Table.Th>
                <Table.Th scope="col" className="num">
                  {t('earnings.grossTax')}
                </Table.Th>
                <Table.Th scope="col" className="num">
                  {t('earnings.fee')}
                </Table.Th>
                <Table.Th scope="col" className="num">
                  {t('earnings.feeTax')}
                </Table.Th>
                <Table.Th scope="col" className="num">
                  {t('earnings.net')}
                </Table.Th>
                <Table.Th scope="col" className="num">
                  {t('earnings.withholding')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {e.rows.map((r) => (
                <Table.Tr key={`${r.month}-${r.engagementId}`}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.month(r.month, 'short')}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/engagements/${r.engagementId}`}>
                      {r.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{r.firmName}</Table.Td>
                  {amounts(r)}
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr fw={700}>
                <Table.Th scope="row" colSpan={3}>
                  {t('earnings.totals')}
                </Table.Th>
                {amounts(e.totals)}
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </TableScroll>
      )}
      <Text size="sm" mt="md">
        {t('earnings.notes')}
      </Text>
    </section>
  );
}
