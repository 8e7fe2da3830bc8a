import { Button, Collapse, FileInput, Group, Select, SimpleGrid, Stack, Text, TextInput, Textarea, UnstyledButton } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { api } from '../../../api/http';
import type { DriveDto, SanitizationDto, SanitizationInput } from '../../../api/types';
import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../../../api/endpoints';
import {
  SANITIZATION_METHODS, SANITIZATION_RESULTS, SANITIZATION_TECHNIQUES, SANITIZATION_VERIFICATIONS,
} from '../../../api/types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { NumberField, parseNumber } from '../../../components/NumberField';
import { useEnumOptions } from '../../../components/useEnumOptions';
import { useFieldErrors } from '../../../components/useFieldErrors';
import { useT } from '../../../prefs/PreferencesProvider';

type Form = Omit<SanitizationInput, 'passes' | 'startedAt' | 'finishedAt' | 'notes' | 'verifierId'> & { passes: string; startedAt: string; finishedAt: string; notes: string; verifierId: string };
const KNOWN = ['driveSerial', 'method', 'technique', 'tool', 'passes', 'verification', 'result', 'startedAt', 'finishedAt', 'notes', 'verifierId', 'file'];

/** With a file, the record and its evidence go as multipart (the record counts at once); without, as JSON. */
function requestBody(body: SanitizationInput, file: File | null): SanitizationInput | FormData {
  if (!file) return body;
  const form = new FormData();
  for (const [k, v] of Object.entries(body)) if (v !== undefined && k !== 'verifierId') form.append(k, String(v));
  form.append('file', file);
  return form;
}

/** `datetime-local` gives local wall time without a zone; the server stores UTC, so it is converted here. */
function toIso(local: string): string | undefined {
  if (!local) return undefined;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/**
 * A record typed by hand, for tools that leave no log the server can read (a drive's own secure-erase from the BIOS,
 * a shredder's receipt). Collapsed by default: the uploaded log is the preferred evidence. With a file (another
 * tool's report, or a destruction photo) the record counts at once; without one it names the colleague who must
 * confirm it (spec §10).
 */
export function SanitizationForm({ deviceId, drives, onRecorded }: { deviceId: number; drives: DriveDto[]; onRecorded: () => void }) {
  const t = useT();
  const options = useEnumOptions();
  const errors = useFieldErrors();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const verifiers = useQuery({ ...endpoints.sanitizations.verifiers(), enabled: open });
  const [form, setForm] = useState<Form>({
    driveSerial: drives[0]?.serialNumber ?? '', method: 'purge', technique: 'ata_sanitize', tool: '', passes: '1',
    verification: 'last_pass', result: 'passed', startedAt: '', finishedAt: '', notes: '', verifierId: '',
  });
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm((f) => ({ ...f, [k]: v }));
  const f = errors.field;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const body: SanitizationInput = {
      driveSerial: form.driveSerial, method: form.method, technique: form.technique, tool: form.tool.trim(),
      verification: form.verification, result: form.result,
      ...(parseNumber(form.passes) !== undefined ? { passes: parseNumber(form.passes) } : {}),
      ...(toIso(form.startedAt) ? { startedAt: toIso(form.startedAt) } : {}),
      ...(toIso(form.finishedAt) ? { finishedAt: toIso(form.finishedAt) } : {}),
      ...(form.notes.trim() ? { notes: form.notes.trim() } : {}),
      ...(form.verifierId ? { verifierId: Number(form.verifierId) } : {}),
    };
    setBusy(true);
    errors.clear();
    try {
      await api<SanitizationDto>(`/api/devices/${deviceId}/sanitizations`, { method: 'POST', body: requestBody(body, file) });
      setForm((x) => ({ ...x, tool: x.tool, startedAt: '', finishedAt: '', notes: '' }));
      setFile(null);
      onRecorded();
    } catch (err) {
      errors.setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <UnstyledButton c="teal.9" fz="sm" onClick={() => setOpen((o) => !o)} aria-expanded={open} data-testid="manual-wipe-toggle">
        {open ? '− ' : '+ '}{t('wipe.manualTitle')}
      </UnstyledButton>
      <Collapse expanded={open}>
        <form onSubmit={onSubmit} noValidate data-testid="manual-wipe-form">
          <Stack gap="sm" mt="xs">
            {errors.error !== null && <ErrorAlert error={errors.error} unshown={errors.unshown(KNOWN)} />}
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
              <Select label={t('drive.serial')} required value={form.driveSerial || null} allowDeselect={false} error={f('driveSerial')}
                data={drives.map((d) => ({ value: d.serialNumber, label: `\u2066${d.serialNumber}\u2069` }))} onChange={(v) => set('driveSerial', v ?? '')} />
              <Select label={t('wipe.method')} required data={options('wipeMethod', SANITIZATION_METHODS)} value={form.method} allowDeselect={false}
                onChange={(v) => set('method', (v ?? 'purge') as Form['method'])} error={f('method')} />
              <Select label={t('wipe.technique')} required data={options('technique', SANITIZATION_TECHNIQUES)} value={form.technique} allowDeselect={false}
                onChange={(v) => set('technique', (v ?? 'overwrite') as Form['technique'])} error={f('technique')} />
              <TextInput label={t('wipe.tool')} required dir="ltr" placeholder="nwipe 0.37" value={form.tool}
                onChange={(e) => set('tool', e.currentTarget.value)} error={f('tool')} />
              <NumberField label={t('wipe.passes')} value={form.passes} onChange={(v) => set('passes', v)} error={f('passes')} />
              <Select label={t('wipe.verification')} required data={options('verification', SANITIZATION_VERIFICATIONS)} value={form.verification}
                allowDeselect={false} onChange={(v) => set('verification', (v ?? 'none') as Form['verification'])} error={f('verification')} />
              <Select label={t('wipe.result')} required data={options('wipeResult', SANITIZATION_RESULTS)} value={form.result} allowDeselect={false}
                onChange={(v) => set('result', (v ?? 'passed') as Form['result'])} error={f('result')} />
              <TextInput type="datetime-local" label={t('wipe.startedAt')} value={form.startedAt} dir="ltr"
                onChange={(e) => set('startedAt', e.currentTarget.value)} error={f('startedAt')} />
              <TextInput type="datetime-local" label={t('wipe.finishedAt')} value={form.finishedAt} dir="ltr"
                onChange={(e) => set('finishedAt', e.currentTarget.value)} error={f('finishedAt')} />
            </SimpleGrid>
            <Textarea label={t('wipe.notes')} value={form.notes} onChange={(e) => set('notes', e.currentTarget.value)} autosize minRows={1} error={f('notes')} />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <FileInput label={t('wipe.evidenceFile')} description={t('wipe.evidenceFileHint')} value={file} onChange={setFile} clearable
                name="evidence-file" accept=".pdf,.xml,.txt,.log,.json,image/*,application/pdf" error={f('file')} />
              {!file && (
                <Select label={t('wipe.verifier')} description={t('wipe.verifierHint')} required searchable value={form.verifierId || null}
                  data={(verifiers.data?.items ?? []).map((v) => ({ value: String(v.id), label: v.name }))} name="verifier"
                  onChange={(v) => set('verifierId', v ?? '')} error={f('verifierId')} />
              )}
            </SimpleGrid>
            {file && <Text size="xs" c="dimmed">{file.name}</Text>}
            <Group justify="flex-end"><Button type="submit" loading={busy}>{t('wipe.addRecord')}</Button></Group>
          </Stack>
        </form>
      </Collapse>
    </div>
  );
}
