import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OperatorPage } from '../admin/OperatorPage.tsx';
import { useAuditTrail } from '../admin/queries.ts';
import type { AuditEntry } from '../admin/types.ts';
import { EmptyBox, QueryShell } from '../components/ListShell.tsx';
import { TableScroll } from '../engagements/TableScroll.tsx';
import { useFormat } from '../format.ts';

/** What an entry acted on, in words, and a link to it where there is a page (a project). */
function Target({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const { kind, id, label } = entry.target;
  if (kind === 'settings') return <>{t('console.audit.settings')}</>;
  if (kind === 'project')
    return (
      <Anchor component={Link} to={`/projects/${id}`}>
        {label ?? id}
      </Anchor>
    );
  return <span style={{ overflowWrap: 'anywhere' }}>{label ?? id}</span>;
}

/** `/admin/audit`: the operators' actions, newest first, a page at a time. */
export default function AdminAuditPage() {
  const { t } = useTranslation();
  return <OperatorPage title={t('console.audit.title')}>{() => <Trail />}</OperatorPage>;
}

function Trail() {
  const { t } = useTranslation();
  const f = useFormat();
  const trail = useAuditTrail();
  const items = trail.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <Text mb="md">{t('console.audit.lead')}</Text>
      <QueryShell
        query={{ ...trail, data: items }}
        isEmpty={(list) => list.length === 0}
        empty={<EmptyBox text={t('console.audit.none')} />}
      >
        {(list) => (
          <>
            <TableScroll label={t('console.audit.title')}>
              <Table withTableBorder striped miw={800}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('console.audit.at')}</Table.Th>
                    <Table.Th scope="col">{t('console.audit.action')}</Table.Th>
                    <Table.Th scope="col">{t('console.audit.target')}</Table.Th>
                    <Table.Th scope="col">{t('console.audit.who')}</Table.Th>
                    <Table.Th scope="col">{t('console.audit.reason')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((e) => (
                    <Table.Tr key={e.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.dateTimeShort(e.at)}</Table.Td>
                      <Table.Th scope="row" fw="normal">
                        {t(`console.audit.actions.${e.action}`)}
                      </Table.Th>
                      <Table.Td>
                        <Target entry={e} />
                      </Table.Td>
                      <Table.Td>{e.operatorName}</Table.Td>
                      <Table.Td className="console-reason">{e.reason}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
            {trail.hasNextPage && (
              <Group justify="center" mt="lg">
                <Button
                  variant="default"
                  loading={trail.isFetchingNextPage}
                  onClick={() => void trail.fetchNextPage()}
                >
                  {t('console.audit.more')}
                </Button>
              </Group>
            )}
          </>
        )}
      </QueryShell>
    </>
  );
}
