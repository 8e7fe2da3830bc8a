import { Alert } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { DEVICE_CHANGES, endpoints } from '../../../api/endpoints';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { usePrefs } from '../../../prefs/PreferencesProvider';
import { FileUploadRow } from './FileUploadRow';

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
    <FileUploadRow
      testId="nwipe-upload"
      title={t('wipe.logTitle')}
      hint={t('wipe.logHint')}
      fileLabel={t('wipe.logFile')}
      name="nwipe-file"
      accept=".log,.txt,text/plain"
      file={file}
      onFile={setFile}
      onUpload={() => {
        if (file) upload.mutate(file);
      }}
      loading={upload.isPending}>
      {upload.error && <ErrorAlert error={upload.error} />}
      {records && (
        <Alert color={passed === records.length ? 'green' : 'orange'} role="status" data-testid="nwipe-result">
          {t('wipe.logRecorded', { n: records.length, passed })}
        </Alert>
      )}
    </FileUploadRow>
  );
}
