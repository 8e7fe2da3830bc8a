// Two plain dictionaries and a typed lookup. Arabic is the reference: a key missing from English fails the build.
import type { Language } from '../api/types';
import { ar } from './ar';
import { en } from './en';

export type MessageKey = keyof typeof ar;
export type Messages = Record<MessageKey, string>;
export type Vars = Record<string, string | number>;

// French starts from the English strings (issue 15); the workbench-and-language issue translates them.
const dictionaries: Record<Language, Messages> = { ar, en, fr: en };

/** `{name}` placeholders are replaced; numbers go through `formatNumber` so they follow the digit setting. */
export function translate(language: Language, key: MessageKey, vars: Vars | undefined, formatNumber: (n: number) => string): string {
  const template = dictionaries[language][key] ?? dictionaries.ar[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = vars[name];
    if (v === undefined) return whole;
    return typeof v === 'number' ? formatNumber(v) : v;
  });
}

/** Look a key up by a runtime string (a status or type coming from the server), falling back to the raw value. */
export function hasKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(ar, key);
}
