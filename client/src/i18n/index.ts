// Messages in ICU MessageFormat, formatted by FormatJS (react-intl): `{name}` for text, `{n, number}` for a number,
// `{n, plural, ...}` for a count (Arabic uses all six CLDR forms: zero, one, two, few, many, other). Arabic is the
// reference: a key missing from English or French fails the build, and test/client/i18n.test.ts checks that every
// message parses and takes the same arguments in every language.
import { createIntl, createIntlCache, type IntlShape } from 'react-intl';
import type { Language } from '../api/types';
import { ar } from './ar';
import { en } from './en';
import { messageLocale, type Digits } from './format';
import { fr } from './fr';

export type MessageKey = keyof typeof ar;
export type Messages = Record<MessageKey, string>;
export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

export const dictionaries: Record<Language, Messages> = { ar, en, fr };

/** The UI languages, in the order offered (a user's `language`). Donors' receipts use DOCUMENT_LANGUAGES (ar, en). */
export const LANGUAGES: readonly Language[] = ['ar', 'en', 'fr'];

const cache = createIntlCache();

/** One formatter per language and digit setting; the provider puts it in react-intl's context for the whole app. */
export function makeIntl(language: Language, digits: Digits): IntlShape {
  return createIntl(
    { locale: messageLocale(language, digits), defaultLocale: 'ar', messages: dictionaries[language] },
    cache,
  );
}

/** `t(key, vars)`: messages are plain text (a `<` is a character, not a tag). */
export function makeTranslate(intl: IntlShape): Translate {
  return (key, vars) => intl.formatMessage({ id: key }, vars, { ignoreTag: true });
}

/** Look a key up by a runtime string (a status or type coming from the server), falling back to the raw value. */
export function hasKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(ar, key);
}
