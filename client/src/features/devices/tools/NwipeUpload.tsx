import { Alert, Button, FileInput, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../../api/http';
import type { SanitizationDto } from '../../../api/types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { usePrefs } from '../../../prefs/PreferencesProvider';

/**
 * The wipe tool's own log (nwipe --logfile) is the evidence R2v3 asks for: it is uploaded, not retyped. The server
 * makes one record per drive of its summary table, matched by serial, and keeps the file by its sha256.
 */
export function NwipeUpload({ deviceId, onRecorded }: { deviceId: number; onRecorded: () => void }) {
  const { t } = usePrefs();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [records, setRecords] = useState<SanitizationDto[] | null>(null);

  const send = async () => {
    if (!file) return;
    const body = new FormData();
    body.append('file', file);
    setBusy(true);
    setError(null);
    setRecords(null);
    try {
      const res = await api<{ records: SanitizationDto[] }>(`/api/devices/${deviceId}/sanitizations`, { method: 'POST', body });
      setRecords(res.records);
      setFile(null);
      onRecorded();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const passed = records?.filter((r) => r.result === 'passed').length ?? 0;
  return (
    <Stack gap="xs" data-testid="nwipe-upload">
      <Title order={3} fz="md">{t('wipe.logTitle')}</Title>
      <Text size="xs" c="dimmed">{t('wipe.logHint')}</Text>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <FileInput label={t('wipe.logFile')} value={file} onChange={setFile} clearable w={260} name="nwipe-file" accept=".log,.txt,text/plain" />
        <Button onClick={() => { void send(); }} disabled={!file} loading={busy}>{t('action.upload')}</Button>
      </Group>
      {error !== null && <ErrorAlert error={error} />}
      {records && (
        <Alert color={passed === records.length ? 'green' : 'orange'} role="status" data-testid="nwipe-result">
          {t('wipe.logRecorded', { n: records.length, passed })}
        </Alert>
      )}
    </Stack>
  );
}
