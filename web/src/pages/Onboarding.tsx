import { Button, Group, Paper, Radio, Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { safeNext } from '../auth/after-sign-in.ts';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Page } from '../components/Page.tsx';
import { useMe } from '../me.ts';
import { FirmForm } from '../profile/FirmForm.tsx';
import { ProfessionalForm } from '../profile/ProfessionalForm.tsx';

type Choice = 'professional' | 'firm';

/** After the first sign-in: choose professional or firm, then fill in the profile. */
export default function OnboardingPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  // Where the person was going when they signed up (e.g. a project to apply for); else the profile.
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [choice, setChoice] = useState<Choice | ''>('');
  const [step, setStep] = useState<'role' | 'profile'>('role');
  const [choiceError, setChoiceError] = useState<string>();
  // Saving fills the profile query, which re-renders this page before its own navigation: both go to
  // the profile page with the "saved" notice.
  const justSaved = useRef(false);

  if (me.isPending) return <Loading />;
  if (me.isError)
    return (
      <Page title={t('onboarding.title')}>
        <LoadError error={me.error} onRetry={() => void me.refetch()} />
      </Page>
    );
  if (me.data)
    return (
      <Navigate to={next ?? '/me'} replace state={justSaved.current && !next ? { saved: true } : null} />
    );

  const saved = () => {
    justSaved.current = true;
    navigate(next ?? '/me', { replace: true, state: next ? null : { saved: true } });
  };

  if (step === 'profile' && choice) {
    return (
      <Page title={t('onboarding.profileTitle')}>
        <Text mb="md">{t(`onboarding.${choice}`)}</Text>
        <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
          {choice === 'professional' ? (
            <ProfessionalForm
              submitLabel={t('profile.create')}
              onSaved={saved}
              onCancel={() => setStep('role')}
            />
          ) : (
            <FirmForm submitLabel={t('profile.create')} onSaved={saved} onCancel={() => setStep('role')} />
          )}
        </Paper>
      </Page>
    );
  }

  return (
    <Page title={t('onboarding.title')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (choice) setStep('profile');
          else setChoiceError(t('profile.errors.chooseOne'));
        }}
      >
        <Stack>
          <Radio.Group
            label={t('onboarding.roleLabel')}
            description={t('onboarding.lead')}
            value={choice}
            onChange={(v) => {
              setChoice(v as Choice);
              setChoiceError(undefined);
            }}
            error={choiceError}
            required
          >
            <Stack mt="sm" gap="sm">
              {(['professional', 'firm'] as const).map((role) => (
                <Paper key={role} withBorder p="md">
                  <Radio
                    value={role}
                    label={<strong>{t(`onboarding.${role}`)}</strong>}
                    description={t(`onboarding.${role}Hint`)}
                  />
                </Paper>
              ))}
            </Stack>
          </Radio.Group>
          <Text size="sm" c="dimmed">
            {t('onboarding.staffNote')}
          </Text>
          <Group justify="flex-end">
            <Button type="submit">{t('onboarding.next')}</Button>
          </Group>
        </Stack>
      </form>
    </Page>
  );
}
