import { Loader } from '@mantine/core';
import { useT } from '../prefs/PreferencesProvider';

/**
 * The small "loading" spinner of a page header. role="status" makes its label valid ARIA (a bare span may not carry
 * aria-label) and lets a screen reader say it.
 */
export function Busy() {
  const t = useT();
  return <Loader size="sm" role="status" aria-label={t('common.loading')} />;
}
