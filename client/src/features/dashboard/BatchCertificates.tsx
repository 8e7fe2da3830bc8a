import { Alert, Button, Group, Progress, Select, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { endpoints } from '../../api/endpoints';
import { withQuery } from '../../api/http';
import type { ProgrammeDto } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePrefs } from '../../prefs/PreferencesProvider';
import { downloadBatch, type BatchProgress } from './batchDownload';
import { DateField } from '../../components/DateField';

/**
 * Every handover certificate of a programme in a date range, as one PDF to print. The count comes first (so an
 * empty range is said at once), then the PDF streams in with a page counter, and is offered as a download.
 */
export function BatchCertificates({
  programmes,
  nameOf,
}: {
  programmes: ProgrammeDto[];
  nameOf: (p: ProgrammeDto) => string;
}) {
  const { t } = usePrefs();
  const [programmeId, setProgrammeId] = useState<string | null>(
    programmes.length ? String(programmes[programmes.length - 1].id) : null,
  );
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [progress, setProgress] = useState<BatchProgress | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [file, setFile] = useState<{ url: string; name: string; pages: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const abort = useRef<AbortController | null>(null);

  // The object URL holds the whole PDF in memory: released when replaced or when the dashboard closes.
  useEffect(
    () => () => {
      if (file) URL.revokeObjectURL(file.url);
    },
    [file],
  );
  useEffect(() => () => abort.current?.abort(), []);

  const run = async () => {
    if (!programmeId) return;
    const query = { from: from || undefined, to: to || undefined };
    setError(null);
    setFile(null);
    setProgress(null);
    setBusy(true);
    abort.current = new AbortController();
    try {
      const count = await endpoints.programmes.certificateCount(Number(programmeId), query);
      setProgress({ total: count.total, pages: 0, bytes: 0 });
      if (count.total === 0) return;
      const blob = await downloadBatch(
        withQuery(`/api/programmes/${programmeId}/certificates.pdf`, query),
        setProgress,
        abort.current.signal,
      );
      const name = `certificates-${programmeId}${from ? `-${from}` : ''}${to ? `-${to}` : ''}.pdf`;
      setFile({ url: URL.createObjectURL(blob), name, pages: count.total });
    } catch (err) {
      if (!(err instanceof DOMException && err.name === 'AbortError')) setError(err);
    } finally {
      abort.current = null;
      setBusy(false);
    }
  };

  const done = progress ? Math.min(progress.pages, progress.total) : 0;
  return (
    <Stack gap="sm" data-testid="batch-certificates">
      <Title order={2} fz="lg">
        {t('batch.title')}
      </Title>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t('board.programme')}
          data={programmes.map((p) => ({ value: String(p.id), label: nameOf(p) }))}
          value={programmeId}
          onChange={setProgrammeId}
          w={200}
          allowDeselect={false}
        />
        <DateField label={t('batch.from')} value={from} onChange={setFrom} w={170} name="from" />
        <DateField label={t('batch.to')} value={to} onChange={setTo} w={170} name="to" />
        <Button
          onClick={() => {
            void run();
          }}
          loading={busy}
          disabled={!programmeId}
          data-testid="batch-run">
          {t('batch.run')}
        </Button>
      </Group>
      {progress && progress.total === 0 && (
        <Text size="sm" c="dimmed">
          {t('batch.none')}
        </Text>
      )}
      {progress && progress.total > 0 && (
        <div>
          <Progress
            value={(done / progress.total) * 100}
            animated={!file}
            striped={!file}
            aria-label={t('batch.progress', { n: done, total: progress.total })}
          />
          <Text size="xs" c="dimmed" mt={2} role="status" data-testid="batch-status">
            {file
              ? t('batch.ready', { total: progress.total })
              : t('batch.progress', { n: done, total: progress.total })}
          </Text>
        </div>
      )}
      {file && (
        <Alert color="green" data-testid="batch-done">
          <Button component="a" href={file.url} download={file.name} data-testid="batch-download">
            {t('batch.download')}
          </Button>
        </Alert>
      )}
      {error !== null && <ErrorAlert error={error} />}
    </Stack>
  );
}
