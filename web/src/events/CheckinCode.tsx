import { Group, Skeleton, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The QR code library, loaded with the first code shown (it is no part of the first visit's JavaScript). */
async function qrDataUrl(text: string): Promise<string> {
  const mod = await import('qrcode');
  // A CommonJS package: its functions are on the namespace or on its default export, by bundler.
  const toDataURL = mod.toDataURL ?? (mod as unknown as { default: typeof mod }).default.toDataURL;
  return toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, width: 200 });
}

/**
 * A check-in code as staff read it at the door: a QR code for their camera, and the 8 characters to
 * read out or type. The QR code holds the code and nothing else.
 */
export function CheckinCode({ code, label }: { code: string; label: string }) {
  const { t } = useTranslation();
  const [src, setSrc] = useState<string>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    qrDataUrl(code).then(
      (url) => live && setSrc(url),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [code]);
  return (
    <Group gap="md" align="center" wrap="wrap">
      {src ? (
        <img src={src} width={160} height={160} alt={t('events.code.qrAlt', { code })} />
      ) : (
        !failed && <Skeleton width={160} height={160} aria-hidden="true" />
      )}
      <Stack gap={2}>
        <Text size="sm" fw={700}>
          {label}
        </Text>
        <Text className="checkin-code">{code}</Text>
        <Text size="sm" c="dimmed">
          {t('events.code.hint')}
        </Text>
      </Stack>
    </Group>
  );
}
