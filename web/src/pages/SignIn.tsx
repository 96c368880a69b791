import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { destinationAfterSignIn } from '../auth/after-sign-in.ts';
import { authErrorMessage, EMAIL_PATTERN } from '../auth/errors.ts';
import { preloadCognito, signIn } from '../auth/session.ts';
import { ConfirmCode } from '../components/ConfirmCode.tsx';
import { Page } from '../components/Page.tsx';

export default function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const next = params.get('next');
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (EMAIL_PATTERN.test(v.trim()) ? null : t('auth.errors.email')),
      password: (v) => (v ? null : t('auth.errors.required')),
    },
  });
  const { email, password } = form.values;
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);

  useEffect(preloadCognito, []);

  async function finish() {
    const session = await signIn(email, password);
    navigate(await destinationAfterSignIn(queryClient, session, next), { replace: true });
  }

  const submit = form.onSubmit(async () => {
    setError(undefined);
    setBusy(true);
    try {
      await finish();
    } catch (err) {
      if ((err as Error).name === 'UserNotConfirmedException') setConfirming(true);
      else setError(authErrorMessage(t, err, 'signIn'));
    } finally {
      setBusy(false);
    }
  });

  return (
    <Page title={t('auth.signInTitle')} size="xs">
      <Paper withBorder p="lg">
        {confirming ? (
          <ConfirmCode email={email} onConfirmed={finish} />
        ) : (
          <form onSubmit={submit} noValidate>
            <Stack>
              {params.get('next') && <Text>{t('common.signInRequired')}</Text>}
              {error && (
                <Alert color="red" role="alert">
                  {error}
                </Alert>
              )}
              <TextInput
                label={t('auth.email')}
                type="email"
                autoComplete="email"
                required
                {...form.getInputProps('email')}
              />
              <PasswordInput
                label={t('auth.password')}
                visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
                autoComplete="current-password"
                required
                {...form.getInputProps('password')}
              />
              <Button type="submit" loading={busy}>
                {t('auth.submitSignIn')}
              </Button>
              <Text size="sm">
                {t('auth.noAccount')}{' '}
                <Anchor component={Link} to={next ? `/signup?next=${encodeURIComponent(next)}` : '/signup'}>
                  {t('nav.signUp')}
                </Anchor>
              </Text>
            </Stack>
          </form>
        )}
      </Paper>
    </Page>
  );
}
