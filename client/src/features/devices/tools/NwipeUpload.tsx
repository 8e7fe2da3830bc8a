import { Alert } from '@mantine/core';
import { endpoints } from '../../../api/endpoints';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { usePrefs } from '../../../prefs/PreferencesProvider';
import { FileUploadRow } from './FileUploadRow';
import { useFileUpload } from './useFileUpload';

/**
 * The wipe tool's own log (nwipe --logfile) is the evidence R2v3 asks for: it is uploaded, not retyped. The server
 * makes one record per drive of its summary table, matched by serial, and keeps the file by its sha256.
 */
export function NwipeUpload({ deviceId }: { deviceId: number }) {
  const { t } = usePrefs();
  const { file, setFile, upload, start } = useFileUpload((body) => endpoints.devices.uploadNwipeLog(deviceId, body));
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
      onUpload={() => start()}
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
