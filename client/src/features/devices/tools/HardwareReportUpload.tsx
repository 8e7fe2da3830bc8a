import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { endpoints } from '../../../api/endpoints';
import { ApiError } from '../../../api/http';
import type { SerialMismatchDetails } from '../../../api/types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Ltr } from '../../../components/Ltr';
import { usePrefs } from '../../../prefs/PreferencesProvider';
import { FileUploadRow } from './FileUploadRow';
import { useFileUpload } from './useFileUpload';

function mismatchOf(err: unknown): SerialMismatchDetails | null {
  return err instanceof ApiError &&
    err.code === 'SERIAL_MISMATCH' &&
    typeof err.details === 'object' &&
    err.details !== null
    ? (err.details as SerialMismatchDetails)
    : null;
}

/**
 * lshw -json, dmidecode, smartctl --json or an eReuse Workbench snapshot: the server fills specs and drives and keeps
 * the file. A report of another serial than the one recorded is refused (409 SERIAL_MISMATCH) until the technician
 * confirms that the record, not the report, is wrong; then it is sent again with force=true.
 */
export function HardwareReportUpload({ deviceId }: { deviceId: number }) {
  const { t } = usePrefs();
  const { file, setFile, upload, start } = useFileUpload((body) =>
    endpoints.devices.uploadHardwareReport(deviceId, body),
  );
  const { error, isPending: busy } = upload;
  const result = upload.data ?? null;
  const mismatch = mismatchOf(error);
  const send = (force: boolean) => start(force ? { force: 'true' } : {});

  return (
    <FileUploadRow
      testId="hardware-report"
      title={t('hw.title')}
      hint={t('hw.hint')}
      fileLabel={t('hw.file')}
      name="hardware-file"
      accept=".json,.txt,.log,application/json,text/plain"
      file={file}
      onFile={setFile}
      onUpload={() => send(false)}
      loading={busy && !mismatch}>
      {error && !mismatch && <ErrorAlert error={error} />}
      {result && (
        <Alert
          color={result.warnings.length ? 'yellow' : 'green'}
          role="status"
          data-testid="hw-result"
          title={t('hw.applied', { format: result.format, drives: result.drives.length })}>
          {result.warnings.length > 0 && (
            <>
              <Text size="sm">{t('hw.warnings')}</Text>
              <List size="sm" data-testid="hw-warnings">
                {result.warnings.map((w) => (
                  <List.Item key={w}>
                    <Ltr>{w}</Ltr>
                  </List.Item>
                ))}
              </List>
            </>
          )}
          {result.sanitizations.length > 0 && (
            <Text size="sm">{t('hw.erasures', { n: result.sanitizations.length })}</Text>
          )}
        </Alert>
      )}
      <Modal opened={mismatch !== null} onClose={() => upload.reset()} title={t('hw.mismatchTitle')} centered>
        {mismatch && (
          <Stack gap="sm">
            <Text size="sm">{t('hw.mismatchBody')}</Text>
            <Text size="sm">
              {t('hw.recorded')}: <Ltr mono>{mismatch.recorded ?? '—'}</Ltr>
            </Text>
            <Text size="sm">
              {t('hw.reported')}: <Ltr mono>{mismatch.reported}</Ltr>
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => upload.reset()}>
                {t('action.cancel')}
              </Button>
              <Button color="orange" loading={busy} onClick={() => send(true)} data-testid="hw-force">
                {t('hw.force')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </FileUploadRow>
  );
}
