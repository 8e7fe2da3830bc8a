// localStorage may throw (private modes, disabled storage); preferences then simply do not persist.
export function readPref(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}
export function writePref(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    /* not persisted */
  }
}
export const PREF_KEYS = {
  language: 'nimah.language',
  digits: 'nimah.digits',
  hijri: 'nimah.hijri',
  /** The instance's country as the server last said (GET /api/settings), so the next visit formats right at once. */
  country: 'nimah.country',
} as const;
