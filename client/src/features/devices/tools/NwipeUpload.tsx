import { Alert, Button, FileInput, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { DEVICE_CHANGES, endpoints } from '../../../api/endpoints';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { usePrefs } from '../../../prefs/PreferencesProvider';

/**
 * The wipe tool's own log (nwipe --logfile) is the evidence R2v3 asks for: it is uploaded, not retyped. The server
 * makes one record per drive of its summary table, matched by serial, and keeps the file by its sha256.
 */
export function NwipeUpload({ deviceId }: { deviceId: number }) {
  const { t } = usePrefs();
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: (log: File) => {
      const body = new FormData();
      body.append('file', log);
      return endpoints.devices.uploadNwipeLog(deviceId, body);
    },
    meta: { invalidates: DEVICE_CHANGES },
    onSuccess: () => setFile(null),
  });
  const records = upload.data?.records ?? null;

  const passed = records?.filter((r) => r.result === 'passed').length ?? 0;
  return (
    <Stack gap="xs" data-testid="nwipe-upload">
      <Title order={3} fz="md">
        {t('wipe.logTitle')}
      </Title>
      <Text size="xs" c="dimmed">
        {t('wipe.logHint')}
      </Text>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <FileInput
          label={t('wipe.logFile')}
          value={file}
          onChange={setFile}
          clearable
          w={260}
          name="nwipe-file"
          accept=".log,.txt,text/plain"
        />
        <Button
          onClick={() => {
            if (file) upload.mutate(file);
          }}
          disabled={!file}
          loading={upload.isPending}>
          {t('action.upload')}
        </Button>
      </Group>
      {upload.error && <ErrorAlert error={upload.error} />}
      {records && (
        <Alert color={passed === records.length ? 'green' : 'orange'} role="status" data-testid="nwipe-result">
          {t('wipe.logRecorded', { n: records.length, passed })}
        </Alert>
      )}
    </Stack>
  );
}
