import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { platformFeeJpy, splitPayment } from '#shared/billing/rules.ts';
import {
  equalShares,
  MAX_TEAM_MEMBERS,
  SharesInput,
  splitMonth,
  toPercent,
  toUnits,
} from '#shared/teams/rules.ts';
import { useFormat } from '../format.ts';
import { contractResolver, FormAlert, type Issue, type Place, useFormSubmit } from '../forms.tsx';
import { MoneyCells, MoneyHeaders } from './MoneyColumns.tsx';
import { useSaveShares } from './queries.ts';
import { TableScroll } from './TableScroll.tsx';
import type { Engagement, EngagementTeam, MemberShare, Share } from './types.ts';

/**
 * A team engagement's team: the shares the months are paid by now and, if the director changed them, the
 * ones that apply from the next paid month; for the director, the editor of those next shares.
 */
export function TeamShares({ engagement: e, team }: { engagement: Engagement; team: EngagementTeam }) {
  const { t } = useTranslation();
  const f = useFormat();
  // Said next to the editor, which starts again from the saved shares (so it cannot keep it itself).
  // Kept as what happened, not as words: it reads in the language of the moment.
  const [saved, setSaved] = useState<{ from?: string }>();
  const director = team.yourTeamRole === 'director';
  // The director edits from what will apply next: the pending shares if there are, else the current ones,
  // and the members who have no share yet (one who joined later) at 0 %.
  const next = team.nextShares?.shares ?? team.shares;
  const base: MemberShare[] = [
    ...next,
    ...(team.members ?? [])
      .filter((m) => !next.some((s) => s.userId === m.userId))
      .map((m) => ({ ...m, percent: 0, payoutsReady: false })),
  ];
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="team-title">
      <Title order={2} size="h3" id="team-title" mb="xs">
        {t('engagements.team.title')}
      </Title>
      <Text mb="md">
        {team.yourTeamRole ? (
          <Anchor component={Link} to={`/teams/${team.id}`} fw={700}>
            {team.name}
          </Anchor>
        ) : (
          <strong>{team.name}</strong>
        )}
        {' — '}
        {t('engagements.team.lead')}
      </Text>
      <ShareTable
        id="current-shares"
        title={t('engagements.team.current')}
        shares={team.shares}
        directorId={team.directorId}
      />
      {team.nextShares && (
        <ShareTable
          id="next-shares"
          title={t('engagements.team.next', { date: f.date(team.nextShares.from) })}
          shares={team.nextShares.shares}
          directorId={team.directorId}
        />
      )}
      {director && (
        <SharesEditor
          // Saved shares come back as the engagement: the editor starts again from them.
          key={JSON.stringify(base.map((s) => [s.userId, s.percent]))}
          engagement={e}
          members={base}
          onSaving={() => setSaved(undefined)}
          onSaved={setSaved}
        />
      )}
      <div role="status">
        {saved && (
          <Alert
            color="teal"
            mt="md"
            withCloseButton
            closeButtonLabel={t('app.close')}
            onClose={() => setSaved(undefined)}
          >
            {saved.from
              ? t('engagements.team.savedFrom', { date: f.date(saved.from) })
              : t('engagements.team.saved')}
          </Alert>
        )}
      </div>
    </Paper>
  );
}

function ShareTable({
  id,
  title,
  shares,
  directorId,
}: {
  id: string;
  title: string;
  shares: MemberShare[];
  directorId: string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <section aria-labelledby={`${id}-title`}>
      <Title order={3} size="h4" id={`${id}-title`} mt="md" mb="xs">
        {title}
      </Title>
      <Table withTableBorder className="money-table" aria-labelledby={`${id}-title`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('engagements.team.member')}</Table.Th>
            <Table.Th scope="col" className="num">
              {t('engagements.team.percent')}
            </Table.Th>
            <Table.Th scope="col">{t('engagements.team.payouts')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shares.map((s) => (
            <Table.Tr key={s.userId}>
              <Table.Th scope="row" fw={400} style={{ overflowWrap: 'anywhere' }}>
                {s.displayName}
                {s.userId === directorId && (
                  <Text span size="sm" c="dimmed">
                    {' '}
                    {t('engagements.team.directorMark')}
                  </Text>
                )}
              </Table.Th>
              <Table.Td className="num">{f.percent(s.percent)}</Table.Td>
              <Table.Td>
                <ReadyBadge ready={s.payoutsReady} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}

function ReadyBadge({ ready }: { ready: boolean }) {
  const { t } = useTranslation();
  const color = ready ? 'teal' : 'yellow';
  return (
    <Badge
      variant="light"
      radius="sm"
      tt="none"
      styles={{
        root: {
          color: ready ? `var(--mantine-color-${color}-9)` : '#7a4100',
          background: `var(--mantine-color-${color}-0)`,
          whiteSpace: 'nowrap',
        },
      }}
    >
      {t(ready ? 'engagements.team.payoutsReady' : 'engagements.team.payoutsNotReady')}
    </Badge>
  );
}

type Values = { percents: (number | string)[] };

/** A percentage as typed: empty is no value (the check says so), anything else a number. */
const asNumber = (v: number | string) => (v === '' ? undefined : Number(v));

/** Shares the API would take, or undefined while they are not (not all filled in, or not adding up to 100). */
function validShares(members: MemberShare[], values: Values): Share[] | undefined {
  const parsed = SharesInput.safeParse(toBody(members, values));
  return parsed.success ? parsed.data.shares : undefined;
}

const toBody = (members: MemberShare[], v: Values) => ({
  shares: members.map((m, i) => ({ userId: m.userId, percent: asNumber(v.percents[i] ?? '') })),
});

/** `shares.2.percent` is the third input's; `shares` (the total, each member once) is the total's. */
const place: Place = (path) => {
  if (path[0] !== 'shares') return undefined;
  return path.length >= 3 ? `percents.${String(path[1])}` : 'total';
};

function SharesEditor({
  engagement: e,
  members,
  onSaving,
  onSaved,
}: {
  engagement: Engagement;
  members: MemberShare[];
  onSaving: () => void;
  onSaved: (saved: { from?: string }) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const save = useSaveShares();
  const totalOf = (v: Values) =>
    toPercent(v.percents.reduce<number>((sum, p) => sum + toUnits(Number(asNumber(p) ?? 0) || 0), 0));
  const word = (issue: Issue): string | undefined => {
    if (issue.path.length >= 3) return t('engagements.team.errors.percent');
    if (issue.code === 'custom' && issue.message.includes('100'))
      return t('engagements.team.errors.total', { total: f.percent(totalOf(form.getValues())) });
    return undefined;
  };
  const form = useForm<Values>({
    initialValues: { percents: members.map((m) => m.percent) },
    validate: contractResolver(t, SharesInput, (v: Values) => toBody(members, v), word, place),
    // The total's message is about every input: any change may have fixed it.
    onValuesChange: () => form.clearFieldError('total'),
  });
  const { general, submit } = useFormSubmit(form, place, 'engagements.team.saveFailed');
  const onSubmit = submit(async (values) => {
    const shares = SharesInput.parse(toBody(members, values)).shares;
    onSaving();
    const saved = await save.mutateAsync({ id: e.id, shares });
    const from = saved.team?.nextShares?.from;
    onSaved(from ? { from } : {});
  });

  const values = form.getValues();
  const total = totalOf(values);
  const shares = validShares(members, values);
  const month = splitPayment(e.monthlyFeeJpy, platformFeeJpy(e.monthlyFeeJpy, e.platformFeePercent));
  const parts = shares ? splitMonth(month, shares) : undefined;
  const totalError = form.errors.total;

  return (
    <section aria-labelledby="shares-editor-title">
      <Title order={3} size="h4" id="shares-editor-title" mt="xl" mb="xs">
        {t('engagements.team.editTitle')}
      </Title>
      <Text mb="md">{t('engagements.team.editLead')}</Text>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <FormAlert message={general} />
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
            {members.map((m, i) => (
              <NumberInput
                key={m.userId}
                label={t('engagements.team.shareOf', { name: m.displayName })}
                min={0}
                max={100}
                step={0.1}
                decimalScale={1}
                allowNegative={false}
                clampBehavior="none"
                inputMode="decimal"
                rightSection={<span aria-hidden="true">%</span>}
                {...form.getInputProps(`percents.${i}`)}
              />
            ))}
          </SimpleGrid>
          <Group justify="space-between" align="center" gap="sm" wrap="wrap">
            <div>
              <Text fw={700} aria-live="polite" c={total === 100 ? 'teal.9' : 'red.9'} id="shares-total">
                {t('engagements.team.total', { total: f.percent(total) })}
              </Text>
              {totalError && (
                <Text size="sm" c="red.9">
                  {totalError}
                </Text>
              )}
            </div>
            <Button
              variant="default"
              size="sm"
              disabled={members.length > MAX_TEAM_MEMBERS}
              onClick={() =>
                form.setValues({ percents: equalShares(members.map((m) => m.userId)).map((s) => s.percent) })
              }
            >
              {t('engagements.team.equal')}
            </Button>
          </Group>
          <Preview members={members} parts={parts} month={month} />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {t('engagements.team.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </section>
  );
}

/** Next month's money member by member, as the shares typed would divide it (the contract's `splitMonth`). */
function Preview({
  members,
  parts,
  month,
}: {
  members: MemberShare[];
  parts: ReturnType<typeof splitMonth> | undefined;
  month: ReturnType<typeof splitPayment>;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const _money = (n: number | undefined) => (n === undefined ? '—' : f.yen(n));
  return (
    <section aria-labelledby="preview-title">
      <Title order={4} size="h5" id="preview-title" mb={4}>
        {t('engagements.team.previewTitle')}
      </Title>
      <Text size="sm" mb="xs" aria-live="polite">
        {parts
          ? t('engagements.team.previewLead', { fee: f.yen(month.grossJpy) })
          : t('engagements.team.previewWaiting')}
      </Text>
      <TableScroll label={t('engagements.team.previewTable')}>
        <Table withTableBorder miw={560} className="money-table" aria-labelledby="preview-title">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('engagements.team.member')}</Table.Th>
              <Table.Th scope="col" className="num">
                {t('engagements.team.percent')}
              </Table.Th>
              <MoneyHeaders />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.map((m, i) => {
              const part = parts?.[i];
              return (
                <Table.Tr key={m.userId}>
                  <Table.Th scope="row" fw={400}>
                    {m.displayName}
                  </Table.Th>
                  <Table.Td className="num">{part ? f.percent(part.percent) : '—'}</Table.Td>
                  <MoneyCells money={part} />
                </Table.Tr>
              );
            })}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr fw={700}>
              <Table.Th scope="row">{t('engagements.team.monthTotal')}</Table.Th>
              <Table.Td className="num">{f.percent(100)}</Table.Td>
              <MoneyCells money={month} />
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </TableScroll>
    </section>
  );
}
