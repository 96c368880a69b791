import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
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
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string; password?: string }>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);

  useEffect(preloadCognito, []);

  /** Signed up and confirmed: sign in at once and go on to onboarding. */
  async function finish() {
    const session = await signIn(email, password);
    navigate(await destinationAfterSignIn(queryClient, session, params.get('next')), { replace: true });
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    const found = {
      email: EMAIL_PATTERN.test(email.trim()) ? undefined : t('auth.errors.email'),
      password: PASSWORD_PATTERN.test(password) ? undefined : t('auth.errors.passwordRule'),
    };
    setErrors(found);
    if (found.email || found.password) return;
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
  }

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
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                error={errors.email}
              />
              <PasswordInput
                label={t('auth.password')}
                visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
                description={t('auth.passwordRule')}
                autoComplete="new-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                error={errors.password}
              />
              <Button type="submit" loading={busy}>
                {t('auth.submitSignUp')}
              </Button>
              <Text size="sm">
                {t('auth.haveAccount')}{' '}
                <Anchor component={Link} to="/signin">
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
