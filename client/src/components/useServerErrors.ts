import type { ApiError } from '../api/http';
import { translateFieldErrors } from '../i18n/serverMessages';
import { useT } from '../prefs/PreferencesProvider';

/**
 * A failed write's per-field messages, translated from each field error's `type` and `context` and keyed by path
 * ("donor.name", "partsUsed.0.partId"). `unshown(known)` gives those whose path names no field on the form, so the
 * form can list them instead of losing them.
 */
export function useServerErrors(error: ApiError | null) {
  const t = useT();
  const fields = error ? translateFieldErrors(error.details, t, error.code) : {};
  return {
    error,
    fields,
    field: (path: string): string | undefined => fields[path],
    unshown: (known: readonly string[]): string[] =>
      Object.entries(fields)
        .filter(([p]) => !known.includes(p))
        .map(([p, m]) => `${p}: ${m}`),
  };
}
