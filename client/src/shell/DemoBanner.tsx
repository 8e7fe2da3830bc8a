import { Anchor, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { settingsApi } from '../api/setup';
import { ADMINS } from '../api/types';
import { useUser } from '../auth/AuthProvider';
import { useT } from '../prefs/PreferencesProvider';

/**
 * While the demo data the first run offered is loaded, every screen says so (issue 22), so that nobody takes a
 * made-up donor or family for a real one; an administrator is shown where to remove it. A partner association's user
 * reads no settings (and sees no demo rows of the charity's).
 */
export function DemoBanner() {
  const t = useT();
  const { role } = useUser();
  const settings = useQuery({ ...settingsApi.get(), enabled: role !== 'partner', staleTime: 60_000 });
  if (!settings.data?.demo) return null;
  return (
    <div className="nm-demo-banner" role="note" data-testid="demo-banner">
      <Text span fw={700} size="sm">
        {t('demo.banner')}
      </Text>{' '}
      <Text span size="sm">
        {t('demo.bannerHint')}
      </Text>{' '}
      {ADMINS.includes(role) && (
        <Anchor component={Link} to="/settings" size="sm" c="inherit" fw={600} underline="always">
          {t('demo.remove')}
        </Anchor>
      )}
    </div>
  );
}
