import { Button, Group, Textarea } from '@mantine/core';
import { endpoints, keys } from '../../../api/endpoints';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useServerForm } from '../../../components/useServerForm';
import { useT } from '../../../prefs/PreferencesProvider';

/** A note goes into the device's hash-chained history; it changes neither status nor version. */
export function NoteForm({ deviceId }: { deviceId: number }) {
  const t = useT();
  const { form, onSubmit, busy, error, unshown } = useServerForm({
    initialValues: { text: '' },
    submit: (v) => endpoints.devices.addNote(deviceId, v.text.trim()),
    invalidates: [keys.devices],
    onSuccess: () => form.reset(),
  });
  return (
    <form onSubmit={onSubmit} noValidate data-testid="note-form">
      {error && <ErrorAlert error={error} unshown={unshown} />}
      <Textarea label={t('note.label')} {...form.getInputProps('text')} autosize minRows={2} name="note" />
      <Group justify="flex-end" mt="xs">
        <Button type="submit" variant="light" loading={busy} disabled={!form.values.text.trim()}>
          {t('note.add')}
        </Button>
      </Group>
    </form>
  );
}
