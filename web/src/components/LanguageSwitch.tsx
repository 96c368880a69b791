import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Switches between Japanese and English; i18n.ts remembers the choice and sets <html lang>. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const target = t('language.switchToLang');
  return (
    <Button
      variant="subtle"
      size="compact-md"
      px="xs"
      lang={target}
      onClick={() => void i18n.changeLanguage(target)}
    >
      {t('language.switchTo')}
    </Button>
  );
}
