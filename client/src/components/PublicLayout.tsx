import { Box, Container, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import { useT } from '../prefs/PreferencesProvider';

/** The frame of the pages people reach without signing in: the name, the language switch, the content. */
export function PublicLayout({ children, size = 420 }: { children: ReactNode; size?: number }) {
  const t = useT();
  return (
    <Box mih="100vh" bg="gray.0">
      <Container size={size} py="lg" px="md">
        <Group justify="space-between" mb="lg" component="header">
          <Text fw={700} fz={26} c="teal.9">
            {t('app.name')}
          </Text>
          <LanguageSwitch />
        </Group>
        <main>{children}</main>
      </Container>
    </Box>
  );
}
