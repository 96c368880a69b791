import { Alert, Button, type ButtonProps, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { generalError } from '../profile/form-utils.ts';
import { REASON_MAX, ReasonInput } from './types.ts';

/**
 * A button for an operator's action that needs a reason (hide, show again, suspend, restore): a dialog says
 * what will happen and asks why, checked with the API's own rule (1–500 characters) before it is sent.
 */
export function ReasonButton({
  label,
  title,
  body,
  onConfirm,
  loading,
  color,
  ...props
}: Omit<ButtonProps, 'children' | 'onClick'> & {
  label: string;
  title: string;
  body: string;
  /** Resolves when done; a refusal is shown in the dialog. */
  onConfirm: (reason: string) => Promise<unknown>;
  loading?: boolean;
}) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [general, setGeneral] = useState<string>();
  const close = () => {
    setOpened(false);
    setError(undefined);
    setGeneral(undefined);
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setGeneral(undefined);
    const checked = ReasonInput.safeParse({ reason });
    if (!checked.success) {
      const tooBig = checked.error.issues.some((i) => i.code === 'too_big');
      return setError(t(tooBig ? 'console.reasonTooLong' : 'console.reasonRequired', { max: REASON_MAX }));
    }
    setError(undefined);
    try {
      await onConfirm(checked.data.reason);
      setReason('');
      close();
    } catch (failure) {
      setGeneral(generalError(t, failure));
    }
  }

  return (
    <>
      <Button {...props} color={color} loading={loading} onClick={() => setOpened(true)}>
        {label}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={title}
        centered
        closeButtonProps={{ 'aria-label': t('app.close') }}
      >
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text>{body}</Text>
            {general && (
              <Alert color="red" role="alert">
                {general}
              </Alert>
            )}
            <Textarea
              label={t('console.reason')}
              description={t('console.reasonHint', { max: REASON_MAX })}
              required
              autosize
              minRows={3}
              maxLength={REASON_MAX + 100}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={error}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('confirm.cancel')}
              </Button>
              <Button type="submit" color={color} loading={loading}>
                {label}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
