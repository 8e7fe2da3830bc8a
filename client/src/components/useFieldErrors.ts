import { useState } from 'react';
import { ApiError } from '../api/http';
import { translateFieldErrors } from '../i18n/serverMessages';
import { useT } from '../prefs/PreferencesProvider';

/**
 * Keeps the last submit error and splits a 400 VALIDATION_FAILED into per-field messages, translated from each
 * error's `type` and `context`. `unshown(known)` gives the messages whose path names no field on the form, so the
 * form can list them instead of losing them. The values typed stay in the form's own state: nothing here clears them.
 */
export function useFieldErrors() {
  const t = useT();
  const [error, setError] = useState<unknown>(null);
  const fields = error instanceof ApiError ? translateFieldErrors(error.details, t, error.code) : {};
  return {
    error,
    setError,
    clear: () => setError(null),
    field: (path: string): string | undefined => fields[path],
    unshown: (known: readonly string[]): string[] =>
      Object.entries(fields).filter(([p]) => !known.includes(p)).map(([p, m]) => `${p}: ${m}`),
  };
}
