import { Drawer, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session.ts';
import { AuthButtons, NavList } from './Nav.tsx';

/** The menu on narrow screens: a modal drawer (focus kept inside, Escape closes). Loaded on first use. */
export default function MobileMenu({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      title={t('app.mainNav')}
      size="xs"
      padding="md"
      closeButtonProps={{ 'aria-label': t('app.close') }}
    >
      <nav aria-label={t('app.mainNav')}>
        <NavList vertical onNavigate={onClose} />
      </nav>
      <div style={{ marginTop: '1.5rem' }}>
        {session && (
          <Text size="sm" c="dimmed" mb="xs" style={{ overflowWrap: 'anywhere' }}>
            {t('nav.signedInAs', { email: session.email })}
          </Text>
        )}
        <AuthButtons stacked onDone={onClose} />
      </div>
    </Drawer>
  );
}
