import { Anchor, Button, Checkbox, Group, Modal, Paper, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { DEVICE_CHANGES, endpoints } from '../../../api/endpoints';
import type { SiteDto } from '../../../api/types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PrintLabelsButton } from '../../../components/PrintLabelsButton';
import { usePrefs } from '../../../prefs/PreferencesProvider';
import type { QueryValue } from '../../../api/http';
import { bulkMove, bulkTriage, LABELS_MAX, type BulkResult, type SelectedDevice } from './bulkApi';
import { BulkCsvExport } from './BulkCsvExport';

type Open = 'move' | 'triage' | null;

/**
 * The sticky bar under a selection: its count, and the actions for all of it. Move and triage go to the server's
 * bulk routes (each device in its own transaction) and end in a summary; labels take the selected ids, the CSV
 * the ids or, for "all matching", the list's filters.
 */
export function BulkBar({
  devices,
  filters,
  allMatching,
  staff,
  onClear,
  onResult,
}: {
  devices: SelectedDevice[];
  /** The list's filters, and whether the selection is every device matching them. */
  filters: Record<string, QueryValue>;
  allMatching: boolean;
  staff: boolean;
  onClear: () => void;
  onResult: (result: BulkResult) => void;
}) {
  const { t } = usePrefs();
  const [open, setOpen] = useState<Open>(null);
  const ids = devices.map((d) => d.id);
  const done = (r: BulkResult) => {
    setOpen(null);
    onResult(r);
  };
  return (
    <Paper
      withBorder
      shadow="md"
      p="sm"
      mt="md"
      data-testid="bulk-bar"
      style={{ position: 'sticky', bottom: 0, zIndex: 5 }}>
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Group gap="sm">
          <Text fw={700} data-testid="bulk-count">
            {t('bulk.count', { count: devices.length })}
          </Text>
          <Anchor component="button" type="button" size="sm" onClick={onClear}>
            {t('bulk.clear')}
          </Anchor>
        </Group>
        <Group gap="sm" wrap="wrap">
          {staff && (
            <>
              <Button size="xs" variant="light" onClick={() => setOpen('move')} data-testid="bulk-move">
                {t('bulk.move')}
              </Button>
              <Button size="xs" variant="light" onClick={() => setOpen('triage')} data-testid="bulk-triage">
                {t('bulk.triage')}
              </Button>
              {ids.length <= LABELS_MAX && (
                <PrintLabelsButton
                  target={{ deviceIds: ids }}
                  format="a4"
                  label={t('bulk.labels')}
                  testId="bulk-labels"
                />
              )}
            </>
          )}
          <BulkCsvExport ids={ids} filters={filters} allMatching={allMatching} />
        </Group>
      </Group>
      <Modal opened={open === 'move'} onClose={() => setOpen(null)} title={t('bulk.moveTitle', { count: ids.length })}>
        {open === 'move' && <MoveForm devices={devices} onDone={done} />}
      </Modal>
      <Modal
        opened={open === 'triage'}
        onClose={() => setOpen(null)}
        title={t('bulk.triageTitle', { count: ids.length })}>
        {open === 'triage' && <TriageForm devices={devices} onDone={done} />}
      </Modal>
    </Paper>
  );
}

function MoveForm({ devices, onDone }: { devices: SelectedDevice[]; onDone: (r: BulkResult) => void }) {
  const { t, language } = usePrefs();
  const sites = useQuery(endpoints.sites());
  const [siteId, setSiteId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const move = useMutation({
    mutationFn: () =>
      bulkMove(devices, { siteId: Number(siteId), ...(reason.trim() ? { reason: reason.trim() } : {}) }),
    meta: { invalidates: DEVICE_CHANGES },
    onSuccess: onDone,
  });
  const nameOf = (s: SiteDto) => (language === 'en' && s.nameLatin ? s.nameLatin : s.name);
  return (
    <form
      noValidate
      data-testid="bulk-move-form"
      onSubmit={(e) => {
        e.preventDefault();
        move.mutate();
      }}>
      <Stack gap="sm">
        {move.error ? <ErrorAlert error={move.error} /> : null}
        <Select
          label={t('move.to')}
          data={(sites.data ?? []).map((s) => ({ value: String(s.id), label: nameOf(s) }))}
          value={siteId}
          onChange={setSiteId}
          data-testid="bulk-move-site"
        />
        <TextInput label={t('move.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <Text size="xs" c="dimmed">
          {t('bulk.perDevice')}
        </Text>
        <Group justify="flex-end">
          <Button type="submit" loading={move.isPending} disabled={!siteId} data-testid="bulk-move-submit">
            {t('bulk.apply')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function TriageForm({ devices, onDone }: { devices: SelectedDevice[]; onDone: (r: BulkResult) => void }) {
  const { t } = usePrefs();
  const [needsRepair, setNeedsRepair] = useState(false);
  const [disposition, setDisposition] = useState<string>('reuse');
  const [findings, setFindings] = useState('');
  const triage = useMutation({
    mutationFn: () =>
      bulkTriage(devices, { needsRepair, disposition, ...(findings.trim() ? { findings: findings.trim() } : {}) }),
    meta: { invalidates: DEVICE_CHANGES },
    onSuccess: onDone,
  });
  return (
    <form
      noValidate
      data-testid="bulk-triage-form"
      onSubmit={(e) => {
        e.preventDefault();
        triage.mutate();
      }}>
      <Stack gap="sm">
        {triage.error ? <ErrorAlert error={triage.error} /> : null}
        <Text size="sm">{t('bulk.triageHint')}</Text>
        <Checkbox
          label={t('triage.needsRepair')}
          checked={needsRepair}
          onChange={(e) => setNeedsRepair(e.currentTarget.checked)}
        />
        <Select
          label={t('device.disposition')}
          data={(['reuse', 'recycle', 'parts'] as const).map((d) => ({ value: d, label: t(`disposition.${d}`) }))}
          value={disposition}
          onChange={(v) => setDisposition(v ?? 'reuse')}
          allowDeselect={false}
        />
        <Textarea
          label={t('triage.findings')}
          value={findings}
          onChange={(e) => setFindings(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <Text size="xs" c="dimmed">
          {t('bulk.perDevice')}
        </Text>
        <Group justify="flex-end">
          <Button type="submit" loading={triage.isPending} data-testid="bulk-triage-submit">
            {t('bulk.apply')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
