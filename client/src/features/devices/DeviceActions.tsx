import { Button, Group, Paper, Text, Title } from '@mantine/core';
import { useEnumLabel } from '../../components/Labels';
import { useT } from '../../prefs/PreferencesProvider';

/**
 * The lifecycle actions the server allows from the current status (the client never copies the transition
 * table). Their forms are the next piece of work, so the buttons are disabled and a line says why.
 */
export function DeviceActions({ actions }: { actions: string[] }) {
  const t = useT();
  const label = useEnumLabel();
  return (
    <Paper withBorder p="md">
      <Title order={2} fz="lg" mb="xs">{t('device.actions')}</Title>
      {actions.length === 0 ? <Text c="dimmed" size="sm">{t('device.noActions')}</Text> : (
        <>
          <Group gap="xs" data-testid="device-actions">
            {actions.map((a) => <Button key={a} variant="light" disabled data-action={a}>{label('lifecycle', a)}</Button>)}
          </Group>
          <Text size="xs" c="dimmed" mt={6}>{t('device.actionsSoon')}</Text>
        </>
      )}
    </Paper>
  );
}
