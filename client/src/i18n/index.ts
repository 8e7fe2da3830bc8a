// Messages in ICU MessageFormat, formatted by FormatJS (react-intl): `{name}` for text, `{n, number}` for a number,
// `{n, plural, ...}` for a count (Arabic uses all six CLDR forms: zero, one, two, few, many, other). Arabic is the
// reference: a key missing from English or French fails the build, and test/client/i18n.test.ts checks that every
// message parses and takes the same arguments in every language.
// Only Arabic (the default) is in the first screen's JavaScript: English and French are lazy chunks, fetched when
// chosen (loadMessages); the provider keeps showing the previous language until the new one has arrived.
import { createIntl, createIntlCache, type IntlShape } from 'react-intl';
import type { Language } from '../api/types';
import { ar } from './ar';
import type { arScreens } from './ar.screens';
import { messageLocale, type Digits } from './format';

export type MessageKey = keyof typeof ar | keyof typeof arScreens;
export type Messages = Record<MessageKey, string>;
export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

const loaders: Record<Language, () => Promise<Messages>> = {
  // The screens' own Arabic messages join this dictionary when their chunks load (registerArabic).
  ar: () => Promise.resolve(ar as Messages),
  en: () => import('./en').then((m) => m.en),
  fr: () => import('./fr').then((m) => m.fr),
};

/** A language's messages: Arabic at once, the others from their own chunk (cached by the module loader). */
export function loadMessages(language: Language): Promise<Messages> {
  return loaders[language]();
}

/** The UI languages, in the order offered (a user's `language`). Donors' documents use DOCUMENT_LANGUAGES (ar, en, fr). */
export const LANGUAGES: readonly Language[] = ['ar', 'en', 'fr'];

const cache = createIntlCache();

/** One formatter per language and digit setting; the provider puts it in react-intl's context for the whole app. */
export function makeIntl(language: Language, digits: Digits, messages: Messages): IntlShape {
  return createIntl({ locale: messageLocale(language, digits), defaultLocale: 'ar', messages }, cache);
}

/** `t(key, vars)`: messages are plain text (a `<` is a character, not a tag). */
export function makeTranslate(intl: IntlShape): Translate {
  return (key, vars) => intl.formatMessage({ id: key }, vars, { ignoreTag: true });
}

/** Look a key up by a runtime string (a status or type coming from the server), falling back to the raw value. */
export function hasKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(ar, key);
}

/**
 * Adds the Arabic messages of screens loaded later (./ar.screens.ts) to the dictionary in use: a screen's module calls
 * it when its chunk loads, before it renders. The dictionary object is the one the formatter holds, so the messages
 * are found from then on; English and French carry every key in their own lazy chunks already.
 */
export function registerArabic(messages: Record<string, string>): void {
  Object.assign(ar, messages);
}
