import { Alert, Button, Progress, Table, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { DEVICE_CHANGES, endpoints } from '../../api/endpoints';
import { ApiError } from '../../api/http';
import type { ImportRowError } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FileDrop } from '../../components/FileDrop';
import { usePrefs } from '../../prefs/PreferencesProvider';

function rowErrors(err: unknown): ImportRowError[] {
  return err instanceof ApiError && err.code === 'IMPORT_INVALID' && Array.isArray(err.details)
    ? (err.details as ImportRowError[])
    : [];
}

/** A manifest CSV is imported whole or not at all; a refusal lists every bad row so the file can be fixed in one go. */
export function CsvImport({ donationId }: { donationId: number }) {
  const { t, fmt } = usePrefs();
  const [file, setFile] = useState<File | null>(null);
  // Upload progress, then "processing" once the last byte is sent and the server validates and writes the rows.
  const [sent, setSent] = useState(0);
  const [processing, setProcessing] = useState(false);

  const upload = useMutation({
    mutationFn: (csv: File) => {
      const body = new FormData();
      body.append('file', csv);
      setSent(0);
      setProcessing(false);
      return endpoints.donations.importDevices(donationId, body, setSent, () => setProcessing(true));
    },
    meta: { invalidates: DEVICE_CHANGES },
    onSuccess: () => setFile(null),
    onSettled: () => setProcessing(false),
  });
  const busy = upload.isPending;
  const error = upload.error;
  const imported = upload.data?.imported ?? null;

  const rows = rowErrors(error);
  return (
    <div data-testid="csv-import">
      <Title order={3} fz="md" mb={4}>
        {t('import.title')}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('import.hint')}{' '}
        <bdi dir="ltr" className="nm-mono">
          type,manufacturer,model,serialNumber,notes
        </bdi>
      </Text>
      <FileDrop label={t('import.file')} accept=".csv,text/csv" value={file} onChange={setFile} testId="csv-drop" />
      <Button
        mt="xs"
        onClick={() => {
          if (file) upload.mutate(file);
        }}
        disabled={!file}
        loading={busy}>
        {t('import.submit')}
      </Button>
      {busy && (
        <div data-testid="import-progress">
          <Progress
            value={processing ? 100 : Math.round(sent * 100)}
            striped={processing}
            animated={processing}
            mt="sm"
            aria-label={processing ? t('import.processing') : t('import.uploading', { n: Math.round(sent * 100) })}
          />
          <Text size="xs" c="dimmed" mt={2} role="status">
            {processing ? t('import.processing') : t('import.uploading', { n: Math.round(sent * 100) })}
          </Text>
        </div>
      )}
      {imported !== null && (
        <Alert color="green" mt="sm">
          {t('import.done', { n: imported })}
        </Alert>
      )}
      {rows.length > 0 ? (
        <Alert color="red" mt="sm" title={t('import.invalid', { n: rows.length })}>
          <div className="nm-table-wrap">
            <Table verticalSpacing={2}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('import.row')}</Table.Th>
                  <Table.Th>{t('import.field')}</Table.Th>
                  <Table.Th>{t('import.message')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r, i) => (
                  <Table.Tr key={`${r.row}-${r.field}-${i}`}>
                    <Table.Td>{fmt.number(r.row)}</Table.Td>
                    <Table.Td>
                      <bdi dir="ltr">{r.field}</bdi>
                    </Table.Td>
                    <Table.Td>{r.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        </Alert>
      ) : (
        error !== null && (
          <div style={{ marginTop: 8 }}>
            <ErrorAlert error={error} />
          </div>
        )
      )}
    </div>
  );
}
