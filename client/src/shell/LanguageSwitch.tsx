import { Button, Group } from '@mantine/core';
import type { Language } from '../api/types';
import { useAuth } from '../auth/AuthProvider';
import { IconLanguage } from '../components/icons';
import { LANGUAGES } from '../i18n';
import { usePrefs } from '../prefs/PreferencesProvider';

/** Each language written in itself, as people look for their own script; the short form for narrow headers. */
const NAMES: Record<Language, { long: string; short: string }> = {
  ar: { long: 'العربية', short: 'ع' },
  en: { long: 'English', short: 'EN' },
  fr: { long: 'Français', short: 'FR' },
};

/**
 * The other languages, one button each. The first (`language-switch`) goes between Arabic and English, as it always
 * has (from French it goes back to Arabic); the second offers the remaining one.
 */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { language } = usePrefs();
  const { switchLanguage } = useAuth();
  const main: Language = language === 'ar' ? 'en' : 'ar';
  const others = [main, ...LANGUAGES.filter((l) => l !== language && l !== main)];
  return (
    <Group gap={0} wrap="nowrap">
      {others.map((l, i) => (
        <Button
          key={l}
          variant="subtle"
          color="gray"
          size="compact-md"
          px={compact ? 6 : 'xs'}
          lang={l}
          onClick={() => switchLanguage(l)}
          leftSection={i === 0 ? <IconLanguage size={18} /> : undefined}
          data-testid={i === 0 ? 'language-switch' : `language-switch-${l}`}>
          {/* On narrow headers only the short form shows; the accessible name is always the text on screen. */}
          {compact ? (
            <>
              <span className="nm-lang-short">{NAMES[l].short}</span>
              <span className="nm-lang-long">{NAMES[l].long}</span>
            </>
          ) : (
            NAMES[l].long
          )}
        </Button>
      ))}
    </Group>
  );
}
