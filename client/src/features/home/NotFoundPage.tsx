import { Alert, Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../../prefs/PreferencesProvider';

export default function NotFoundPage() {
  const t = useT();
  return (
    <Alert color="gray" title={t('error.pageNotFound')}>
      <Anchor component={Link} to="/">
        {t('action.home')}
      </Anchor>
    </Alert>
  );
}
