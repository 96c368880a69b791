import { Alert, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OperatorPage } from '../admin/OperatorPage.tsx';
import { useRegionStaff, useRevokeInvitation } from '../admin/queries.ts';
import { SuspendedBadge } from '../admin/SuspendedBadge.tsx';
import type { RegionStaff } from '../admin/types.ts';
import { QueryShell } from '../components/ListShell.tsx';
import { TableScroll } from '../engagements/TableScroll.tsx';
import { useFormat } from '../format.ts';
import { LoadMore } from '../paged-list.tsx';
import { generalError } from '../profile/form-utils.ts';
import { ConfirmButton } from '../projects/ConfirmButton.tsx';
import { useRegionName } from '../regions.ts';

function RegionName({ code }: { code: string }) {
  return <>{useRegionName(code) ?? code}</>;
}

function StaffTable({ staff }: { staff: RegionStaff['staff'] }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!staff.length) return <Text>{t('console.staff.none')}</Text>;
  return (
    <TableScroll label={t('console.staff.staffTitle')}>
      <Table withTableBorder striped miw={640}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('console.staff.name')}</Table.Th>
            <Table.Th scope="col">{t('console.staff.email')}</Table.Th>
            <Table.Th scope="col">{t('console.staff.region')}</Table.Th>
            <Table.Th scope="col">{t('console.staff.since')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {staff.map((s) => (
            <Table.Tr key={s.userId}>
              <Table.Th scope="row" fw="normal">
                {s.displayName} {s.suspended && <SuspendedBadge suspended />}
              </Table.Th>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{s.email}</Table.Td>
              <Table.Td>
                <RegionName code={s.regionCode} />
              </Table.Td>
              <Table.Td>{f.date(s.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

function InvitationsTable({ invitations }: { invitations: RegionStaff['invitations'] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const revoke = useRevokeInvitation();
  const [done, setDone] = useState<string>();
  const [error, setError] = useState<string>();
  const run = async (email: string) => {
    setDone(undefined);
    setError(undefined);
    try {
      await revoke.mutateAsync(email);
      setDone(t('console.staff.revoked', { email }));
    } catch (e) {
      setError(generalError(t, e));
    }
  };
  return (
    <>
      <div role="status">
        {done && (
          <Alert color="teal" mb="md">
            {done}
          </Alert>
        )}
      </div>
      {error && (
        <Alert color="red" role="alert" mb="md">
          {error}
        </Alert>
      )}
      {invitations.length === 0 ? (
        <Text>{t('console.staff.noInvitations')}</Text>
      ) : (
        <TableScroll label={t('console.staff.invitationsTitle')}>
          <Table withTableBorder striped miw={640}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('console.staff.email')}</Table.Th>
                <Table.Th scope="col">{t('console.staff.region')}</Table.Th>
                <Table.Th scope="col">{t('console.staff.invitedAt')}</Table.Th>
                <Table.Th scope="col">{t('console.staff.expires')}</Table.Th>
                <Table.Th scope="col">
                  <span className="visually-hidden">{t('console.staff.revoke')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invitations.map((i) => (
                <Table.Tr key={i.email}>
                  <Table.Th scope="row" fw="normal" style={{ overflowWrap: 'anywhere' }}>
                    {i.email}
                  </Table.Th>
                  <Table.Td>
                    <RegionName code={i.regionCode} />
                  </Table.Td>
                  <Table.Td>{f.date(i.invitedAt)}</Table.Td>
                  <Table.Td>{f.date(i.expiresAt)}</Table.Td>
                  <Table.Td>
                    <ConfirmButton
                      size="xs"
                      variant="outline"
                      color="red.9"
                      label={t('console.staff.revoke')}
                      aria-label={t('console.staff.revokeLabel', { email: i.email })}
                      title={t('console.staff.revokeTitle')}
                      body={t('console.staff.revokeBody', { email: i.email })}
                      loading={revoke.isPending && revoke.variables === i.email}
                      onConfirm={() => run(i.email)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </>
  );
}

/** `/admin/staff`: every region's staff, and the invitations not taken up yet (each can be revoked). */
export default function AdminStaffPage() {
  const { t } = useTranslation();
  return <OperatorPage title={t('console.staff.title')}>{() => <StaffLists />}</OperatorPage>;
}

function StaffLists() {
  const { t } = useTranslation();
  const pages = useRegionStaff();
  // Every page read so far, each list on its own.
  const data = pages.data && {
    staff: pages.data.pages.flatMap((p) => p.staff),
    invitations: pages.data.pages.flatMap((p) => p.invitations),
  };
  return (
    <QueryShell query={{ ...pages, data }}>
      {(lists) => (
        <Stack gap="xl">
          <Paper
            withBorder
            p={{ base: 'md', sm: 'lg' }}
            component="section"
            aria-labelledby="invitations-title"
          >
            <Title order={2} size="h3" id="invitations-title" mb="md">
              {t('console.staff.invitationsTitle')}
            </Title>
            <InvitationsTable invitations={lists.invitations} />
          </Paper>
          <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="staff-title">
            <Title order={2} size="h3" id="staff-title" mb="md">
              {t('console.staff.staffTitle')}
            </Title>
            <StaffTable staff={lists.staff} />
          </Paper>
          <LoadMore query={pages} />
        </Stack>
      )}
    </QueryShell>
  );
}
