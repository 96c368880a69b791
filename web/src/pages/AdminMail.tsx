import { SegmentedControl, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxMailOut } from '#shared/mail/contract.ts';
import { MAIL_STATES, type MailState } from '#shared/mail/rules.ts';
import { OperatorPage } from '../admin/OperatorPage.tsx';
import { EmptyBox, QueryShell } from '../components/ListShell.tsx';
import { TableScroll } from '../engagements/TableScroll.tsx';
import { useFormat } from '../format.ts';
import { LoadMore, usePagedList } from '../paged-list.tsx';

/** `/admin/mail`: mail SES refused, given up or waiting for the retry-mail job, so an operator can follow it up. */
export default function AdminMailPage() {
  const { t } = useTranslation();
  return <OperatorPage title={t('console.mail.title')}>{() => <Outbox />}</OperatorPage>;
}

function Outbox() {
  const { t } = useTranslation();
  const f = useFormat();
  const [status, setStatus] = useState<MailState>('undelivered');
  const mail = usePagedList<OutboxMailOut>(
    ['admin', 'mail', status],
    `/v1/admin/mail?status=${status}`,
    true,
  );
  return (
    <>
      <Text mb="md">{t('console.mail.lead')}</Text>
      <SegmentedControl
        mb="md"
        aria-label={t('console.mail.status')}
        value={status}
        onChange={(value) => setStatus(value as MailState)}
        data={MAIL_STATES.map((s) => ({ value: s, label: t(`console.mail.${s}`) }))}
      />
      <QueryShell
        query={mail}
        isEmpty={(list) => list.length === 0}
        empty={<EmptyBox text={t('console.mail.none')} />}
      >
        {(list) => (
          <>
            <TableScroll label={t('console.mail.title')}>
              <Table withTableBorder striped miw={800}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('console.mail.at')}</Table.Th>
                    <Table.Th scope="col">{t('console.mail.to')}</Table.Th>
                    <Table.Th scope="col">{t('console.mail.subject')}</Table.Th>
                    <Table.Th scope="col">{t('console.mail.attempts')}</Table.Th>
                    <Table.Th scope="col">{t('console.mail.error')}</Table.Th>
                    {status === 'retrying' && <Table.Th scope="col">{t('console.mail.next')}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.dateTimeShort(m.updatedAt)}</Table.Td>
                      <Table.Th scope="row" fw="normal" style={{ overflowWrap: 'anywhere' }}>
                        {m.to}
                      </Table.Th>
                      <Table.Td>{m.subject}</Table.Td>
                      <Table.Td>{m.attempts}</Table.Td>
                      <Table.Td>
                        <code>{m.errorName}</code>
                        {m.httpStatus ? ` (${m.httpStatus})` : ''}
                      </Table.Td>
                      {status === 'retrying' && (
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          {m.nextAttemptAt ? f.dateTimeShort(m.nextAttemptAt) : ''}
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
            <LoadMore query={mail} />
          </>
        )}
      </QueryShell>
    </>
  );
}
