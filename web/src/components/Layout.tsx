import { Box, Burger, Button, Container, Group, Loader } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { useSession } from '../auth/session.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { AuthButtons, NavList } from './Nav.tsx';
import { SuspendedNotice } from './SuspendedNotice.tsx';

const MobileMenu = lazy(() => import('./MobileMenu.tsx'));

/** The app shell: skip link, header with navigation and language switch, main content, footer. */
export function Layout() {
  const { t } = useTranslation();
  const session = useSession();
  const [menu, setMenu] = useState<'never' | 'open' | 'closed'>('never');
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <Container size="lg" px="md" className="app-header-inner">
          <Burger
            opened={menu === 'open'}
            onClick={() => setMenu(menu === 'open' ? 'closed' : 'open')}
            hiddenFrom="lg"
            size="sm"
            aria-label={t('app.menu')}
            aria-expanded={menu === 'open'}
          />
          {/* Named by its visible text, then where it leads (WCAG 2.5.3: the name starts with what is seen). */}
          <Link to="/" className="brand">
            <span className="brand-mark" lang="ja">
              架け橋
            </span>{' '}
            <span className="brand-latin" lang="en">
              Kakehashi
            </span>
            <span className="visually-hidden"> — {t('nav.home')}</span>
          </Link>
          <Box component="nav" aria-label={t('app.mainNav')} visibleFrom="lg" ml="md">
            <NavList />
          </Box>
          <Group gap="xs" ml="auto" wrap="nowrap">
            <LanguageSwitch />
            {!session && (
              <Button component={Link} to="/signin" variant="default" size="compact-md" hiddenFrom="lg">
                {t('nav.signIn')}
              </Button>
            )}
            {/* The address is the sign-out button's title: beside every role's menu, it would not fit. */}
            <Group visibleFrom="lg" gap="xs" wrap="nowrap">
              <AuthButtons />
            </Group>
          </Group>
        </Container>
      </header>
      {menu !== 'never' && (
        <Suspense fallback={null}>
          <MobileMenu opened={menu === 'open'} onClose={() => setMenu('closed')} />
        </Suspense>
      )}
      <main id="main" className="app-main" tabIndex={-1}>
        <SuspendedNotice />
        <Suspense
          fallback={
            <Container py="xl">
              <Loader role="status" aria-label={t('app.loading')} />
            </Container>
          }
        >
          <Outlet />
        </Suspense>
      </main>
      <footer className="app-footer">
        <Container size="lg" px="md">
          {t('app.footer')}
        </Container>
      </footer>
    </div>
  );
}
