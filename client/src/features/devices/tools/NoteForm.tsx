import { Button, Group, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { api } from '../../../api/http';
import type { DeviceDetailDto } from '../../../api/types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useFieldErrors } from '../../../components/useFieldErrors';
import { useT } from '../../../prefs/PreferencesProvider';

/** A note goes into the device's hash-chained history; it changes neither status nor version. */
export function NoteForm({ deviceId, onAdded }: { deviceId: number; onAdded: () => void }) {
  const t = useT();
  const errors = useFieldErrors();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    errors.clear();
    try {
      await api<DeviceDetailDto>(`/api/devices/${deviceId}/notes`, { method: 'POST', body: { text: text.trim() } });
      setText('');
      onAdded();
    } catch (err) {
      errors.setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={onSubmit} noValidate data-testid="note-form">
      {errors.error !== null && <ErrorAlert error={errors.error} unshown={errors.unshown(['text'])} />}
      <Textarea label={t('note.label')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={2}
        error={errors.field('text')} name="note" />
      <Group justify="flex-end" mt="xs"><Button type="submit" variant="light" loading={busy} disabled={!text.trim()}>{t('note.add')}</Button></Group>
    </form>
  );
}
