import './engagement-terms.css';
import { Alert, Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api.ts';
import { Loading } from '../components/Loading.tsx';
import { MissingOrError } from '../components/MissingOrError.tsx';
import { Page } from '../components/Page.tsx';
import { TableScroll } from '../engagements/TableScroll.tsx';
import { useFormat } from '../format.ts';
import { documentHeading, type InvoiceDocument, useMonthDocuments } from '../invoices/queries.ts';
import { RoleGate } from '../projects/RoleGate.tsx';

/**
 * `/engagements/:id/invoices/:invoiceId/:kind`: a paid month's document as issued — the firm's for the fee (a
 * qualified invoice under 媒介者交付特例, or one that says it is not, with the transitional deduction), or a
 * professional's for the platform fee. Printable; the browser's print saves a PDF.
 */
export default function InvoiceDocumentPage() {
  const { t } = useTranslation();
  return (
    <RoleGate only={['firm', 'professional']} title={t('invoices.pageTitle')}>
      {() => <DocumentView />}
    </RoleGate>
  );
}

function DocumentView() {
  const { t } = useTranslation();
  const { id = '', invoiceId = '', kind = 'fee' } = useParams();
  const documents = useMonthDocuments(id, invoiceId);
  if (documents.isPending) return <Loading />;
  const doc = documents.data?.documents.find((d) => d.kind === kind);
  if (documents.isError || !doc)
    return (
      <MissingOrError
        error={documents.error ?? new ApiError(404, 'not_found', 'No such document.')}
        onRetry={() => void documents.refetch()}
        missingStatuses={[400, 403, 404]}
        notFoundTitle={t('invoices.notFound')}
        notFoundBody={t('invoices.notFoundBody')}
        back={{ to: `/engagements/${id}`, label: t('invoices.back') }}
      />
    );
  const others = (documents.data?.documents ?? []).filter((d) => d.kind !== doc.kind);
  return <DocumentBody doc={doc} others={others} />;
}

function DocumentBody({ doc, others }: { doc: InvoiceDocument; others: InvoiceDocument[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const base = `/engagements/${doc.engagementId}`;
  const suppliers = [...new Set(doc.parts.flatMap((p) => p.lines.map((l) => l.supplier.name)))].join('、');
  return (
    <Page title={t(`invoices.titles.${documentHeading(doc)}`)}>
      <Stack gap="lg" className="terms-document invoice-document">
        <Group gap="md" className="no-print">
          <Anchor component={Link} to={base}>
            {t('invoices.back')}
          </Anchor>
          {others.map((o) => (
            <Anchor key={o.kind} component={Link} to={`${base}/invoices/${o.invoiceId}/${o.kind}`}>
              {t(`invoices.open.${o.kind}`)}
            </Anchor>
          ))}
          <Button variant="default" onClick={() => window.print()}>
            {t('invoices.print')}
          </Button>
        </Group>
        {!doc.qualified && (
          <Alert color="orange" title={t('invoices.notQualifiedTitle')}>
            {t(
              doc.issuer.registrationNumber
                ? 'invoices.notQualifiedSupplier'
                : 'invoices.notQualifiedPlatform',
            )}
          </Alert>
        )}
        <dl className="fields">
          <dt>{t('invoices.recipient')}</dt>
          <dd>
            {t(doc.kind === 'fee' ? 'invoices.recipientFirm' : 'invoices.recipientPerson', {
              name: doc.recipient.name,
            })}
          </dd>
          <dt>{t('invoices.issuer')}</dt>
          <dd>{doc.issuer.name}</dd>
          <dt>{t('invoices.registrationNumber')}</dt>
          <dd>{doc.issuer.registrationNumber ?? t('invoices.noRegistration')}</dd>
          <dt>{t('invoices.documentNumber')}</dt>
          <dd>{doc.documentNumber}</dd>
          <dt>{t('invoices.issuedAt')}</dt>
          <dd>
            <time dateTime={doc.issuedAt}>{f.longDate(doc.issuedAt)}</time>
          </dd>
          <dt>{t('invoices.transactionDate')}</dt>
          <dd>
            {t('invoices.period', {
              month: f.month(doc.service.month, 'long'),
              from: f.longDate(`${doc.service.from}T00:00:00+09:00`),
              to: f.longDate(`${doc.service.to}T00:00:00+09:00`),
            })}
          </dd>
          <dt>{t('invoices.paidAt')}</dt>
          <dd>
            <time dateTime={doc.paidAt}>{f.longDate(doc.paidAt)}</time>
          </dd>
        </dl>
        {doc.basis === 'intermediary' && <Text>{t('invoices.intermediaryNote', { suppliers })}</Text>}
        {doc.parts.map((part) => (
          <section key={String(part.qualified)} aria-labelledby={`part-${part.qualified}`}>
            <Title order={2} size="h4" id={`part-${part.qualified}`}>
              {t(part.qualified ? 'invoices.qualifiedPart' : 'invoices.otherPart')}
            </Title>
            <TableScroll label={t(part.qualified ? 'invoices.qualifiedPart' : 'invoices.otherPart')}>
              <Table withTableBorder withColumnBorders miw={560} className="money-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('invoices.content')}</Table.Th>
                    <Table.Th scope="col">{t('invoices.supplier')}</Table.Th>
                    <Table.Th scope="col" className="num">
                      {t('invoices.amount')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {part.lines.map((l) => (
                    <Table.Tr key={`${l.supplier.id}-${l.description}`}>
                      <Table.Td>{l.description}</Table.Td>
                      <Table.Td>{l.supplier.name}</Table.Td>
                      <Table.Td className="num">{f.yen(l.amountJpy)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
                <Table.Tfoot>
                  <Table.Tr>
                    <Table.Th scope="row" colSpan={2}>
                      {t('invoices.rateExcluding', { rate: part.ratePercent })}
                    </Table.Th>
                    <Table.Td className="num">{f.yen(part.amountExcludingTaxJpy)}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th scope="row" colSpan={2}>
                      {t('invoices.rateTax', { rate: part.ratePercent })}
                    </Table.Th>
                    <Table.Td className="num">{f.yen(part.taxJpy)}</Table.Td>
                  </Table.Tr>
                  <Table.Tr fw={700}>
                    <Table.Th scope="row" colSpan={2}>
                      {t('invoices.rateIncluding', { rate: part.ratePercent })}
                    </Table.Th>
                    <Table.Td className="num">{f.yen(part.amountIncludingTaxJpy)}</Table.Td>
                  </Table.Tr>
                </Table.Tfoot>
              </Table>
            </TableScroll>
            {part.deduction && (
              <Text mt="sm">
                {t('invoices.deduction', {
                  date: f.longDate(`${part.deduction.purchaseDate}T00:00:00+09:00`),
                  percent: part.deduction.percent,
                  tax: f.yen(part.deduction.deductibleTaxJpy),
                })}
                <Text span size="sm" c="dimmed" display="block">
                  {t('invoices.deductionSource', { source: part.deduction.source })}
                </Text>
              </Text>
            )}
          </section>
        ))}
        <Text fw={700} size="lg">
          {t('invoices.total', { total: f.yen(doc.totalJpy) })}
        </Text>
      </Stack>
    </Page>
  );
}
