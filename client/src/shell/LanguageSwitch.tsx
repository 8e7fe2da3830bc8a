import { Button } from '@mantine/core';
import { useAuth } from '../auth/AuthProvider';
import { IconLanguage } from '../components/icons';
import { usePrefs } from '../prefs/PreferencesProvider';

/** Shows the *other* language, written in that language, as people look for their own script. */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { language } = usePrefs();
  const { switchLanguage } = useAuth();
  const other = language === 'ar' ? 'en' : 'ar';
  const label = other === 'en' ? 'English' : 'العربية';
  return (
    <Button
      variant="subtle"
      color="gray"
      size="compact-md"
      px={compact ? 6 : 'xs'}
      lang={other}
      onClick={() => switchLanguage(other)}
      leftSection={<IconLanguage size={18} />}
      data-testid="language-switch"
    >
      {/* On narrow headers only the short form shows; the accessible name is always the text on screen. */}
      {compact ? (
        <>
          <span className="nm-lang-short">{other === 'en' ? 'EN' : 'ع'}</span>
          <span className="nm-lang-long">{label}</span>
        </>
      ) : label}
    </Button>
  );
}
