import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OperatorPage } from '../admin/OperatorPage.tsx';
import { useHiddenProjects } from '../admin/queries.ts';
import { EmptyBox, QueryShell } from '../components/ListShell.tsx';
import { TableScroll } from '../engagements/TableScroll.tsx';
import { useFormat } from '../format.ts';

/** `/admin/postings`: the hidden postings, most recently hidden first, each linked to its page. */
export default function AdminPostingsPage() {
  const { t } = useTranslation();
  return <OperatorPage title={t('console.postings.title')}>{() => <HiddenList />}</OperatorPage>;
}

function HiddenList() {
  const { t } = useTranslation();
  const f = useFormat();
  const hidden = useHiddenProjects();
  const items = hidden.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <Text mb="md">{t('console.postings.lead')}</Text>
      <QueryShell
        query={{ ...hidden, data: items }}
        isEmpty={(list) => list.length === 0}
        empty={<EmptyBox text={t('console.postings.none')} />}
      >
        {(list) => (
          <>
            <TableScroll label={t('console.postings.title')}>
              <Table withTableBorder striped miw={720}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('console.postings.project')}</Table.Th>
                    <Table.Th scope="col">{t('console.postings.firm')}</Table.Th>
                    <Table.Th scope="col">{t('console.postings.hiddenAt')}</Table.Th>
                    <Table.Th scope="col">{t('console.postings.reason')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Th scope="row" fw="normal">
                        <Anchor component={Link} to={`/projects/${p.id}`}>
                          {p.title}
                        </Anchor>
                      </Table.Th>
                      <Table.Td>{p.organizationName}</Table.Td>
                      <Table.Td>{p.hiddenAt ? f.dateTimeShort(p.hiddenAt) : ''}</Table.Td>
                      <Table.Td className="console-reason">{p.hiddenReason}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
            {hidden.hasNextPage && (
              <Group justify="center" mt="lg">
                <Button
                  variant="default"
                  loading={hidden.isFetchingNextPage}
                  onClick={() => void hidden.fetchNextPage()}
                >
                  {t('console.postings.more')}
                </Button>
              </Group>
            )}
          </>
        )}
      </QueryShell>
    </>
  );
}
