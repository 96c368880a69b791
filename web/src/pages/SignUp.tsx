import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { destinationAfterSignIn } from '../auth/after-sign-in.ts';
import { authErrorMessage, EMAIL_PATTERN, PASSWORD_PATTERN } from '../auth/errors.ts';
import { preloadCognito, signIn, signUp } from '../auth/session.ts';
import { ConfirmCode } from '../components/ConfirmCode.tsx';
import { Page } from '../components/Page.tsx';

export default function SignUpPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (EMAIL_PATTERN.test(v.trim()) ? null : t('auth.errors.email')),
      password: (v) => (PASSWORD_PATTERN.test(v) ? null : t('auth.errors.passwordRule')),
    },
  });
  const { email, password } = form.values;
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);

  useEffect(preloadCognito, []);

  /** Signed up and confirmed: sign in at once and go on to onboarding. */
  async function finish() {
    const session = await signIn(email, password);
    navigate(await destinationAfterSignIn(queryClient, session, params.get('next')), { replace: true });
  }

  const submit = form.onSubmit(async () => {
    setError(undefined);
    setBusy(true);
    try {
      const { confirmed } = await signUp(email, password);
      // Locally a PreSignUp trigger confirms at once; in the cloud Cognito mails a code first.
      if (confirmed) await finish();
      else setConfirming(true);
    } catch (err) {
      setError(authErrorMessage(t, err));
    } finally {
      setBusy(false);
    }
  });

  return (
    <Page title={t('auth.signUpTitle')} size="xs">
      <Paper withBorder p="lg">
        {confirming ? (
          <ConfirmCode email={email} onConfirmed={finish} />
        ) : (
          <form onSubmit={submit} noValidate>
            <Stack>
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
                description={t('auth.passwordRule')}
                autoComplete="new-password"
                required
                {...form.getInputProps('password')}
              />
              <Button type="submit" loading={busy}>
                {t('auth.submitSignUp')}
              </Button>
              <Text size="sm">
                {t('auth.haveAccount')}{' '}
                <Anchor
                  component={Link}
                  to={
                    params.get('next')
                      ? `/signin?next=${encodeURIComponent(params.get('next') ?? '')}`
                      : '/signin'
                  }
                >
                  {t('nav.signIn')}
                </Anchor>
              </Text>
            </Stack>
          </form>
        )}
      </Paper>
    </Page>
  );
}
