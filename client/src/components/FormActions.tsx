import { Button, Group } from '@mantine/core';
import { useT } from '../prefs/PreferencesProvider';

/** The end of a form: cancel (back, or close the modal) and save, which spins while the write is on its way. */
export function FormActions({ busy, onCancel }: { busy: boolean; onCancel: () => void }) {
  const t = useT();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('action.cancel')}
      </Button>
      <Button type="submit" loading={busy}>
        {t('action.save')}
      </Button>
    </Group>
  );
}
