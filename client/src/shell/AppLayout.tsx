import { AppShell, Burger, Group, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { Link, Outlet } from 'react-router';
import { FullPageLoader } from '../components/FullPageLoader';
import { useT } from '../prefs/PreferencesProvider';
import { ScanBox } from '../scan/ScanBox';
import { LanguageSwitch } from './LanguageSwitch';
import { NavLinks } from './NavLinks';
import { UserMenuButton } from './UserMenuButton';

export function AppLayout() {
  const t = useT();
  const [opened, { toggle, close }] = useDisclosure(false);
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'md' }}>
      <a href="#main" className="nm-skip">
        {t('shell.skip')}
      </a>
      <AppShell.Header px={{ base: 'xs', sm: 'md' }}>
        <Group h="100%" gap="xs" wrap="nowrap">
          <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
          <Text component={Link} to="/" fw={700} fz="lg" c="teal.9" className="nm-brand" visibleFrom="xs">
            {t('app.name')}
          </Text>
          <ScanBox />
          <Group gap={4} wrap="nowrap">
            <LanguageSwitch compact />
            <UserMenuButton />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.label')} data-testid="main-nav">
        <AppShell.Section grow component={ScrollArea}>
          <NavLinks onNavigate={close} />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Suspense fallback={<FullPageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
