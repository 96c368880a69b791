import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as z from 'zod';
import type { InvitationOut } from '#shared/admin/contract.ts';
import { OperatorPage } from '../admin/OperatorPage.tsx';
import { PlatformSettingsForm } from '../admin/PlatformSettingsForm.tsx';
import { api } from '../api.ts';
import { EMAIL_PATTERN } from '../auth/errors.ts';
import { useFormat } from '../format.ts';
import { generalError, serverFieldErrors } from '../profile/form-utils.ts';
import { MunicipalitySelect, PrefectureSelect } from '../profile/RegionSelects.tsx';
import { useLocalName, useRegionName, useWideAreaGroups } from '../regions.ts';

type Kind = 'prefecture' | 'municipality' | 'group';
type Invitation = z.output<typeof InvitationOut>;

function Invited({ invitation }: { invitation: Invitation }) {
  const { t } = useTranslation();
  const f = useFormat();
  const region = useRegionName(invitation.regionCode) ?? invitation.regionCode;
  const until = f.longDate(invitation.expiresAt);
  return (
    <Alert color="teal" mb="md">
      {t('admin.invited', { email: invitation.email, region, until })}
    </Alert>
  );
}

function InviteForm() {
  const { t } = useTranslation();
  const local = useLocalName();
  const groups = useWideAreaGroups();
  const [email, setEmail] = useState('');
  const [kind, setKind] = useState<Kind>('prefecture');
  const [prefectureCode, setPrefectureCode] = useState('');
  const [municipalityCode, setMunicipalityCode] = useState('');
  const [groupCode, setGroupCode] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string>();
  const invite = useMutation({
    mutationFn: (body: { email: string; regionCode: string }) =>
      api<Invitation>('POST', '/v1/admin/region-staff', body),
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setGeneral(undefined);
    const found: Record<string, string> = {};
    if (!EMAIL_PATTERN.test(email.trim())) found.email = t('auth.errors.email');
    const regionCode =
      kind === 'prefecture' ? prefectureCode : kind === 'municipality' ? municipalityCode : groupCode;
    if (kind === 'group' && !groupCode) found.group = t('profile.errors.chooseOne');
    if (kind !== 'group' && !prefectureCode) found.prefecture = t('profile.errors.chooseOne');
    if (kind === 'municipality' && prefectureCode && !municipalityCode)
      found.municipality = t('profile.errors.chooseOne');
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      await invite.mutateAsync({ email: email.trim(), regionCode });
      setEmail('');
    } catch (error) {
      const server = serverFieldErrors(t, error);
      const regionError = server.regionCode;
      setErrors({
        ...(server.email ? { email: server.email } : {}),
        ...(regionError
          ? {
              [kind === 'group' ? 'group' : kind === 'municipality' ? 'municipality' : 'prefecture']:
                regionError,
            }
          : {}),
      });
      setGeneral(generalError(t, error));
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {invite.data && !invite.isPending && <Invited invitation={invite.data} />}
        {general && (
          <Alert color="red" role="alert">
            {general}
          </Alert>
        )}
        <TextInput
          label={t('admin.email')}
          type="email"
          required
          autoComplete="off"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={errors.email}
        />
        <Radio.Group label={t('admin.regionKind')} value={kind} onChange={(v) => setKind(v as Kind)}>
          <Group mt="xs">
            {(['prefecture', 'municipality', 'group'] as const).map((k) => (
              <Radio key={k} value={k} label={t(`admin.kinds.${k}`)} />
            ))}
          </Group>
        </Radio.Group>
        {kind === 'group' ? (
          <NativeSelect
            label={t('admin.group')}
            required
            data={[
              { value: '', label: t('profile.choose') },
              ...groups.map((g) => ({ value: g.code, label: local(g) })),
            ]}
            value={groupCode}
            onChange={(e) => setGroupCode(e.currentTarget.value)}
            error={errors.group}
          />
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <PrefectureSelect
              label={t('profile.prefecture')}
              required
              value={prefectureCode}
              onChange={(code) => {
                setPrefectureCode(code);
                setMunicipalityCode('');
              }}
              error={errors.prefecture}
            />
            {kind === 'municipality' && (
              <MunicipalitySelect
                label={t('profile.municipality')}
                required
                prefectureCode={prefectureCode}
                value={municipalityCode}
                onChange={setMunicipalityCode}
                error={errors.municipality}
              />
            )}
          </SimpleGrid>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={invite.isPending}>
            {t('admin.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * The operators' console, its first page: invite region staff; the platform's fee, invoice number and
 * withholding. Its menu leads to the other pages (staff, hidden postings, accounts, audit trail, fee income).
 */
export default function AdminPage() {
  const { t } = useTranslation();
  return (
    <OperatorPage title={t('admin.title')}>
      {() => (
        <Stack gap="xl">
          <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="invite-title">
            <Title order={2} id="invite-title" size="h3">
              {t('admin.inviteTitle')}
            </Title>
            <Text mt="xs" mb="md">
              {t('admin.inviteLead')}
            </Text>
            <InviteForm />
          </Paper>
          <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="settings-title">
            <Title order={2} id="settings-title" size="h3">
              {t('settings.title')}
            </Title>
            <Text mt="xs" mb="md">
              {t('settings.lead')}
            </Text>
            <PlatformSettingsForm />
          </Paper>
        </Stack>
      )}
    </OperatorPage>
  );
}
