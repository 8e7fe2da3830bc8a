import { Badge, NavLink } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { useUser } from '../auth/AuthProvider';
import { useT } from '../prefs/PreferencesProvider';
import { NAV_ITEMS } from './nav';

export function NavLinks({ onNavigate }: { onNavigate: () => void }) {
  const t = useT();
  const user = useUser();
  const { pathname } = useLocation();
  return (
    <>
      {NAV_ITEMS.filter((item) => item.roles.includes(user.role)).map((item) =>
        item.to ? (
          <NavLink
            key={item.label}
            component={Link}
            to={item.to}
            label={t(item.label)}
            active={pathname === item.to || pathname.startsWith(`${item.to}/`)}
            aria-current={pathname === item.to ? 'page' : undefined}
            onClick={onNavigate}
          />
        ) : (
          <NavLink
            key={item.label}
            component="div"
            label={t(item.label)}
            aria-disabled="true"
            className="nm-soon"
            rightSection={
              <Badge size="xs" variant="outline" color="gray">
                {t('nav.soon')}
              </Badge>
            }
          />
        ),
      )}
    </>
  );
}
