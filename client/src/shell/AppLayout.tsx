import { Box, Burger, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { Link, Outlet } from 'react-router';
import { useUser } from '../auth/AuthProvider';
import { FullPageLoader } from '../components/FullPageLoader';
import { useT } from '../prefs/PreferencesProvider';
import { ScanBox } from '../scan/ScanBox';
import './AppLayout.css';
import { DemoBanner } from './DemoBanner';
import { LanguageSwitch } from './LanguageSwitch';
import { NavLinks } from './NavLinks';
import { UserMenuButton } from './UserMenuButton';

// The frame is plain elements styled by AppLayout.css rather than Mantine's AppShell (its resizing, aside, footer and
// scroll-lock code) and ScrollArea (which shares a chunk with floating-ui): the signed-in first screen's JavaScript
// stays within its budget (scripts/bundle-size.mjs). 'right-scroll-bar-position' keeps the header from shifting when
// a modal locks the page's scroll, as AppShell's header does.
export function AppLayout() {
  const t = useT();
  const [opened, { toggle, close }] = useDisclosure(false);
  // A partner association's user opens no device page, so the scan box (which opens one) is the charity's only.
  const scans = useUser().role !== 'partner';
  return (
    <div className="nm-shell" data-nav-open={opened || undefined}>
      <a href="#main" className="nm-skip">
        {t('shell.skip')}
      </a>
      <Box component="header" className="nm-shell-header right-scroll-bar-position" px={{ base: 'xs', sm: 'md' }}>
        <Group h="100%" gap="xs" wrap="nowrap">
          <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
          <Text component={Link} to="/" fw={700} fz="lg" c="teal.9" className="nm-brand" visibleFrom="xs">
            {t('app.name')}
          </Text>
          {scans ? <ScanBox /> : <Box flex={1} />}
          <Group gap={4} wrap="nowrap">
            <LanguageSwitch compact />
            <UserMenuButton />
          </Group>
        </Group>
      </Box>
      <Box component="nav" className="nm-shell-nav" p="xs" aria-label={t('nav.label')} data-testid="main-nav">
        <div className="nm-shell-nav-links">
          <NavLinks onNavigate={close} />
        </div>
      </Box>
      <main id="main" tabIndex={-1} className="nm-shell-main">
        <DemoBanner />
        <Suspense fallback={<FullPageLoader />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
