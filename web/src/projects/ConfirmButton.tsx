import { Button, type ButtonProps, Group, Modal, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A button for something that cannot be undone: it opens a dialog that says what will happen, with the
 * action and a cancel button (focus stays in the dialog; Escape cancels).
 */
export function ConfirmButton({
  label,
  title,
  body,
  confirmLabel,
  dismissLabel,
  onConfirm,
  loading,
  color,
  describedBy,
  ...props
}: Omit<ButtonProps, 'children' | 'onClick'> & {
  /** The id of what the button acts on (e.g. a card's title), for buttons repeated in a list. */
  describedBy?: string;
  label: ReactNode;
  title: string;
  body: ReactNode;
  confirmLabel?: string;
  /** The button that closes the dialog and does nothing; "Cancel" unless that would read as the action. */
  dismissLabel?: string;
  onConfirm: () => Promise<unknown> | undefined;
  loading?: boolean;
}) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button
        {...props}
        color={color}
        loading={loading}
        aria-describedby={describedBy}
        onClick={() => setOpened(true)}
      >
        {label}
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={title}
        centered
        closeButtonProps={{ 'aria-label': t('app.close') }}
      >
        <Text mb="lg">{body}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setOpened(false)} data-autofocus>
            {dismissLabel ?? t('confirm.cancel')}
          </Button>
          <Button
            color={color}
            onClick={() => {
              setOpened(false);
              void onConfirm();
            }}
          >
            {confirmLabel ?? label}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
