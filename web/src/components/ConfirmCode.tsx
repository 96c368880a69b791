import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authErrorMessage } from '../auth/errors.ts';
import { confirmSignUp, resendCode } from '../auth/session.ts';

/** The step the cloud asks for after sign-up: the code Cognito e-mailed. */
export function ConfirmCode({ email, onConfirmed }: { email: string; onConfirmed: () => Promise<void> }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  const [fieldError, setFieldError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    if (!code.trim()) return setFieldError(t('auth.errors.required'));
    setFieldError(undefined);
    setBusy(true);
    try {
      await confirmSignUp(email, code);
      await onConfirmed();
    } catch (err) {
      setError(authErrorMessage(t, err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="confirm-title">
      <Stack>
        <Text component="h2" id="confirm-title" fw={700} size="xl">
          {t('auth.confirmTitle')}
        </Text>
        <Text>{t('auth.confirmLead', { email })}</Text>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {notice && <Alert role="status">{notice}</Alert>}
        <TextInput
          label={t('auth.code')}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          inputMode="numeric"
          autoComplete="one-time-code"
          required
          error={fieldError}
        />
        <Button type="submit" loading={busy}>
          {t('auth.submitConfirm')}
        </Button>
        <Anchor
          component="button"
          type="button"
          onClick={async () => {
            setError(undefined);
            try {
              await resendCode(email);
              setNotice(t('auth.resent'));
            } catch (err) {
              setError(authErrorMessage(t, err));
            }
          }}
        >
          {t('auth.resend')}
        </Anchor>
      </Stack>
    </form>
  );
}
