import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useDirection } from '@mantine/core';
import { RawIntlProvider } from 'react-intl';
import type { Language } from '../api/types';
import { loadMessages, makeIntl, makeTranslate, type Messages, type Translate } from '../i18n';
import { makeFormatters, type Country, type Digits, type Formatters } from '../i18n/format';
import { PREF_KEYS, readPref, writePref } from './storage';

export interface Preferences {
  language: Language;
  digits: Digits;
  hijri: boolean;
  /** The instance's country (read-only, from the server's settings): month names, currency, phone and ID hints. */
  country: Country;
  setCountry: (country: Country) => void;
  setLanguage: (language: Language) => void;
  setDigits: (digits: Digits) => void;
  setHijri: (hijri: boolean) => void;
  t: Translate;
  fmt: Formatters;
}

const PreferencesContext = createContext<Preferences | null>(null);

function storedCountry(): Country {
  return readPref(PREF_KEYS.country) === 'MA' ? 'MA' : 'SA';
}

export function storedLanguage(): Language {
  const stored = readPref(PREF_KEYS.language);
  return stored === 'en' || stored === 'fr' ? stored : 'ar';
}

/** The document's language and direction follow the UI language, so the browser, screen readers and CSS agree. */
export function applyDocumentLanguage(language: Language): void {
  const root = document.documentElement;
  root.lang = language;
  root.dir = language === 'ar' ? 'rtl' : 'ltr';
}

/**
 * The first language's messages are loaded before the first render (main.tsx). A new language takes effect once
 * its messages have arrived: until then the previous one stays on screen (never raw keys).
 */
export function PreferencesProvider({
  initialLanguage,
  initialMessages,
  children,
}: {
  initialLanguage: Language;
  initialMessages: Messages;
  children: ReactNode;
}) {
  const { setDirection } = useDirection();
  const [{ language, messages }, setLoaded] = useState({ language: initialLanguage, messages: initialMessages });
  // The last language asked for: a slower earlier fetch must not win over a later choice.
  const wanted = useRef<Language>(language);
  const [digits, setDigitsState] = useState<Digits>(() => (readPref(PREF_KEYS.digits) === 'arab' ? 'arab' : 'latn'));
  const [hijri, setHijriState] = useState<boolean>(() => readPref(PREF_KEYS.hijri) === '1');
  const [country, setCountryState] = useState<Country>(storedCountry);

  useEffect(() => {
    applyDocumentLanguage(language);
    setDirection(language === 'ar' ? 'rtl' : 'ltr');
    document.title = language === 'ar' ? 'نعمة' : 'Nimah';
  }, [language, setDirection]);

  const setLanguage = useCallback((l: Language) => {
    writePref(PREF_KEYS.language, l);
    wanted.current = l;
    loadMessages(l).then(
      (loaded) => {
        if (wanted.current === l) setLoaded({ language: l, messages: loaded });
      },
      () => {
        /* the chunk did not arrive (offline): the current language stays; choosing again retries */
      },
    );
  }, []);
  const setDigits = useCallback((d: Digits) => {
    writePref(PREF_KEYS.digits, d);
    setDigitsState(d);
  }, []);
  const setCountry = useCallback((c: Country) => {
    writePref(PREF_KEYS.country, c);
    setCountryState(c);
  }, []);
  const setHijri = useCallback((h: boolean) => {
    writePref(PREF_KEYS.hijri, h ? '1' : '0');
    setHijriState(h);
  }, []);

  // One react-intl formatter at the root, rebuilt when the language or the digits change (everything re-renders).
  const intl = useMemo(() => makeIntl(language, digits, messages), [language, digits, messages]);
  const value = useMemo<Preferences>(
    () => ({
      language,
      digits,
      hijri,
      country,
      setCountry,
      setLanguage,
      setDigits,
      setHijri,
      fmt: makeFormatters(language, digits, hijri, country),
      t: makeTranslate(intl),
    }),
    [intl, language, digits, hijri, country, setCountry, setLanguage, setDigits, setHijri],
  );

  return (
    <RawIntlProvider value={intl}>
      <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>
    </RawIntlProvider>
  );
}

export function usePrefs(): Preferences {
  const ctx = useContext(PreferencesContext);
  if (!ctx) throw new Error('usePrefs outside PreferencesProvider');
  return ctx;
}

/** The common case: just the translator. */
export function useT(): Preferences['t'] {
  return usePrefs().t;
}
