import { useState } from 'react';
import { ApiError } from '../api/http';
import { localizeServerMessage } from '../i18n/serverMessages';
import { usePrefs } from '../prefs/PreferencesProvider';

/**
 * Keeps the last submit error and splits a 400 VALIDATION_FAILED into per-field messages. `unshown(known)` gives
 * the messages whose path names no field on the form, so the form can list them instead of losing them.
 * The values typed stay in the form's own state: nothing here clears them.
 */
export function useFieldErrors() {
  const { language } = usePrefs();
  const [error, setError] = useState<unknown>(null);
  const fields = error instanceof ApiError ? error.fieldErrors : {};
  const say = (m: string) => localizeServerMessage(m, language);
  return {
    error,
    setError,
    clear: () => setError(null),
    field: (path: string): string | undefined => (fields[path] === undefined ? undefined : say(fields[path])),
    unshown: (known: readonly string[]): string[] =>
      Object.entries(fields).filter(([p]) => !known.includes(p)).map(([p, m]) => `${p}: ${say(m)}`),
  };
}
