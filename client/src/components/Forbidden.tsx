import { Alert } from '@mantine/core';
import { useT } from '../prefs/PreferencesProvider';

export function Forbidden() {
  const t = useT();
  return (
    <Alert color="orange" title={t('error.forbiddenTitle')}>
      {t('error.forbidden')}
    </Alert>
  );
}
