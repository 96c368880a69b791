import { Alert, Button, Group, Paper } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Page } from '../components/Page.tsx';
import { useMe } from '../me.ts';
import { FirmForm } from '../profile/FirmForm.tsx';
import { ProfessionalForm } from '../profile/ProfessionalForm.tsx';
import { ProfileView } from '../profile/ProfileView.tsx';
import { StaffForm } from '../profile/StaffForm.tsx';
import { SavedSearchesLink } from '../searches/SavedSearchesLink.tsx';
import type { Profile } from '../types.ts';

export default function ProfilePage() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(Boolean((location.state as { saved?: boolean } | null)?.saved));

  if (me.isPending) return <Loading />;
  if (me.isError)
    return (
      <Page title={t('profile.title')}>
        <LoadError error={me.error} onRetry={() => void me.refetch()} />
      </Page>
    );
  const profile = me.data;
  if (!profile) return <Navigate to="/onboarding" replace />;

  const done = (_: Profile) => {
    setEditing(false);
    setSaved(true);
    // Forget the navigation state, so a reload does not repeat the notice.
    navigate('.', { replace: true, state: null });
  };
  const cancel = () => setEditing(false);

  return (
    <Page title={t('profile.title')}>
      <div role="status">
        {saved && !editing && (
          <Alert
            color="teal"
            mb="md"
            withCloseButton
            onClose={() => setSaved(false)}
            closeButtonLabel={t('app.close')}
          >
            {t('profile.saved')}
          </Alert>
        )}
      </div>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        {!editing ? (
          <>
            <ProfileView profile={profile} />
            <Group justify="flex-end" mt="lg">
              <Button
                onClick={() => {
                  setSaved(false);
                  setEditing(true);
                }}
              >
                {t('profile.edit')}
              </Button>
            </Group>
          </>
        ) : profile.role === 'professional' ? (
          <ProfessionalForm
            initial={profile}
            submitLabel={t('profile.save')}
            onSaved={done}
            onCancel={cancel}
          />
        ) : profile.role === 'firm' ? (
          <FirmForm initial={profile} submitLabel={t('profile.save')} onSaved={done} onCancel={cancel} />
        ) : (
          <StaffForm initial={profile} onSaved={done} onCancel={cancel} />
        )}
      </Paper>
      {profile.role === 'professional' && !editing && <SavedSearchesLink />}
    </Page>
  );
}
