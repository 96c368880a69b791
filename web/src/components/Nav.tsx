import { Button, Group } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useNavigate } from 'react-router';
import { signOut, useSession } from '../auth/session.ts';
import { isLocal, useConfig } from '../config.ts';
import { useMe } from '../me.ts';

function useNavItems() {
  const { t } = useTranslation();
  const session = useSession();
  const me = useMe();
  const config = useConfig();
  const items: { to: string; label: string }[] = [
    { to: '/', label: t('nav.home') },
    { to: '/projects', label: t('nav.projects') },
    { to: '/events', label: t('nav.events') },
  ];
  if (session && me.data?.role === 'professional')
    items.push(
      { to: '/my/applications', label: t('nav.myApplications') },
      { to: '/teams', label: t('nav.teams') },
    );
  if (session && me.data?.role === 'firm') items.push({ to: '/my/projects', label: t('nav.myProjects') });
  if (session && (me.data?.role === 'firm' || me.data?.role === 'professional'))
    items.push({ to: '/engagements', label: t('nav.engagements') });
  if (session && me.data?.role === 'region_staff')
    items.push({ to: '/staff/events', label: t('nav.staffEvents') });
  if (session && (me.data?.role === 'region_staff' || me.data?.role === 'operator'))
    items.push({ to: '/regions/relationship-population', label: t('nav.relationshipPopulation') });
  if (session) items.push({ to: '/me', label: t('nav.profile') });
  if (me.data?.role === 'operator') items.push({ to: '/admin', label: t('nav.admin') });
  if (isLocal(config.data)) items.push({ to: '/dev/mailbox', label: t('nav.mailbox') });
  items.push({ to: '/docs/api', label: t('nav.apiDocs') });
  return items;
}

/** The main navigation links; the current page is marked with aria-current. */
export function NavList({ vertical = false, onNavigate }: { vertical?: boolean; onNavigate?: () => void }) {
  const items = useNavItems();
  // Home and the profile are current on their own page only: /me/registrations is not the profile.
  const exact = (to: string) => to === '/' || to === '/me';
  return (
    <ul className={vertical ? 'nav-links nav-links-vertical' : 'nav-links'}>
      {items.map((item) => (
        <li key={item.to}>
          <NavLink to={item.to} end={exact(item.to)} className="nav-link" onClick={onNavigate}>
            {item.label}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}

export function AuthButtons({ stacked = false, onDone }: { stacked?: boolean; onDone?: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  if (session) {
    return (
      <Button
        variant="default"
        fullWidth={stacked}
        title={t('nav.signedInAs', { email: session.email })}
        onClick={() => {
          signOut();
          queryClient.removeQueries({ queryKey: ['me'] });
          onDone?.();
          navigate('/');
        }}
      >
        {t('nav.signOut')}
      </Button>
    );
  }
  return (
    <Group gap="xs" wrap="nowrap" grow={stacked}>
      <Button component={Link} to="/signin" variant="default" onClick={onDone}>
        {t('nav.signIn')}
      </Button>
      <Button component={Link} to="/signup" onClick={onDone}>
        {t('nav.signUp')}
      </Button>
    </Group>
  );
}
