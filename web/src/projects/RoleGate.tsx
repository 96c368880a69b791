import { Alert, Anchor, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Page } from '../components/Page.tsx';
import { useMe } from '../me.ts';
import type { Profile } from '../types.ts';

type GatedRole = 'professional' | 'firm' | 'region_staff';

/**
 * A page for one role (inside RequireSignIn): a loader while the profile loads, a way to onboarding
 * before there is one, and a plain sentence for the other roles instead of a page that fails.
 */
export function RoleGate({
  only: role,
  title,
  children,
}: {
  only: GatedRole | readonly GatedRole[];
  title: string;
  children: (me: Profile) => ReactNode;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError)
    return (
      <Page title={title}>
        <LoadError error={me.error} onRetry={() => void me.refetch()} />
      </Page>
    );
  if (!me.data)
    return (
      <Page title={title}>
        <Text mb="md">{t('projects.needsProfile')}</Text>
        <Anchor component={Link} to={`/onboarding?next=${encodeURIComponent(location.pathname)}`}>
          {t('projects.createProfile')}
        </Anchor>
      </Page>
    );
  const roles: readonly string[] = typeof role === 'string' ? [role] : role;
  if (!roles.includes(me.data.role))
    return (
      <Page title={title}>
        <Alert color="gray" role="status">
          {t(
            roles.length > 1
              ? 'engagements.onlyParties'
              : roles[0] === 'region_staff'
                ? 'events.staff.onlyStaff'
                : roles[0] === 'firm'
                  ? 'projects.onlyFirms'
                  : 'projects.onlyProfessionals',
          )}
        </Alert>
      </Page>
    );
  return children(me.data);
}
