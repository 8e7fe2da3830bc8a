import { Button, Collapse, Group, Select, SimpleGrid, Stack, TextInput, Textarea, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { DEVICE_CHANGES, endpoints } from '../../../api/endpoints';
import type { DriveDto, SanitizationInput } from '../../../api/types';
import {
  DEVICE_LEVEL_TECHNIQUE,
  SANITIZATION_METHODS,
  SANITIZATION_RESULTS,
  SANITIZATION_TECHNIQUES,
  SANITIZATION_VERIFICATIONS,
} from '../../../api/types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { NumberField, parseNumber } from '../../../components/NumberField';
import { useEnumOptions } from '../../../components/useEnumOptions';
import { FileDrop } from '../../../components/FileDrop';
import { useServerForm } from '../../../components/useServerForm';
import { useT } from '../../../prefs/PreferencesProvider';
import { DateTimeField } from '../../../components/DateField';

// A factory reset is of the whole device (FactoryResetForm), never of one drive.
const DRIVE_TECHNIQUES = SANITIZATION_TECHNIQUES.filter((t) => t !== DEVICE_LEVEL_TECHNIQUE);

type Form = Omit<
  SanitizationInput,
  'passes' | 'startedAt' | 'finishedAt' | 'notes' | 'verifierId' | 'driveSerial' | 'tool' | 'verification'
> & {
  driveSerial: string;
  tool: string;
  verification: NonNullable<SanitizationInput['verification']>;
  passes: string;
  startedAt: string;
  finishedAt: string;
  notes: string;
  verifierId: string;
  file: File | null;
};

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
export function SanitizationForm({ deviceId, drives }: { deviceId: number; drives: DriveDto[] }) {
  const t = useT();
  const options = useEnumOptions();
  const [open, setOpen] = useState(false);
  const verifiers = useQuery({ ...endpoints.sanitizations.verifiers(), enabled: open });
  const initialValues: Form = {
    driveSerial: drives[0]?.serialNumber ?? '',
    method: 'purge',
    technique: 'ata_sanitize',
    tool: '',
    passes: '1',
    verification: 'last_pass',
    result: 'passed',
    startedAt: '',
    finishedAt: '',
    notes: '',
    verifierId: '',
    file: null,
  };
  const { form, onSubmit, busy, error, unshown, fieldError } = useServerForm({
    initialValues,
    submit: (v) => {
      const body: SanitizationInput = {
        driveSerial: v.driveSerial,
        method: v.method,
        technique: v.technique,
        tool: v.tool.trim(),
        verification: v.verification,
        result: v.result,
        ...(parseNumber(v.passes) !== undefined ? { passes: parseNumber(v.passes) } : {}),
        ...(toIso(v.startedAt) ? { startedAt: toIso(v.startedAt) } : {}),
        ...(toIso(v.finishedAt) ? { finishedAt: toIso(v.finishedAt) } : {}),
        ...(v.notes.trim() ? { notes: v.notes.trim() } : {}),
        ...(v.verifierId ? { verifierId: Number(v.verifierId) } : {}),
      };
      return endpoints.devices.addSanitization(deviceId, requestBody(body, v.file));
    },
    invalidates: DEVICE_CHANGES,
    // The drive, method and tool stay for the next drive of the same machine; the times, notes and file do not.
    onSuccess: () => form.setValues({ startedAt: '', finishedAt: '', notes: '', file: null }),
  });
  const input = (k: keyof Form) => form.getInputProps(k);
  const file = form.values.file;

  return (
    <div>
      <UnstyledButton
        c="teal.9"
        fz="sm"
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        data-testid="manual-wipe-toggle">
        {open ? '− ' : '+ '}
        {t('wipe.manualTitle')}
      </UnstyledButton>
      <Collapse expanded={open}>
        <form onSubmit={onSubmit} noValidate data-testid="manual-wipe-form">
          <Stack gap="sm" mt="xs">
            {error && <ErrorAlert error={error} unshown={unshown} />}
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
              <Select
                label={t('drive.serial')}
                required
                allowDeselect={false}
                {...input('driveSerial')}
                value={form.values.driveSerial || null}
                data={drives.map((d) => ({ value: d.serialNumber, label: `\u2066${d.serialNumber}\u2069` }))}
              />
              <Select
                label={t('wipe.method')}
                required
                data={options('wipeMethod', SANITIZATION_METHODS)}
                allowDeselect={false}
                {...input('method')}
              />
              <Select
                label={t('wipe.technique')}
                required
                data={options('technique', DRIVE_TECHNIQUES)}
                allowDeselect={false}
                {...input('technique')}
              />
              <TextInput label={t('wipe.tool')} required dir="ltr" placeholder="nwipe 0.37" {...input('tool')} />
              <NumberField label={t('wipe.passes')} {...input('passes')} value={form.values.passes} />
              <Select
                label={t('wipe.verification')}
                required
                data={options('verification', SANITIZATION_VERIFICATIONS)}
                allowDeselect={false}
                {...input('verification')}
              />
              <Select
                label={t('wipe.result')}
                required
                data={options('wipeResult', SANITIZATION_RESULTS)}
                allowDeselect={false}
                {...input('result')}
              />
              <DateTimeField label={t('wipe.startedAt')} {...input('startedAt')} />
              <DateTimeField label={t('wipe.finishedAt')} {...input('finishedAt')} />
            </SimpleGrid>
            <Textarea label={t('wipe.notes')} {...input('notes')} autosize minRows={1} />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <FileDrop
                label={t('wipe.evidenceFile')}
                description={t('wipe.evidenceFileHint')}
                value={form.values.file}
                onChange={(f) => form.setFieldValue('file', f)}
                error={fieldError('file')}
                name="evidence-file"
                accept=".pdf,.xml,.txt,.log,.json,image/*,application/pdf"
              />
              {!file && (
                <Select
                  label={t('wipe.verifier')}
                  description={t('wipe.verifierHint')}
                  required
                  searchable
                  {...input('verifierId')}
                  value={form.values.verifierId || null}
                  data={(verifiers.data?.items ?? []).map((v) => ({ value: String(v.id), label: v.name }))}
                  name="verifier"
                  onChange={(v) => form.setFieldValue('verifierId', v ?? '')}
                />
              )}
            </SimpleGrid>
            <Group justify="flex-end">
              <Button type="submit" loading={busy}>
                {t('wipe.addRecord')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Collapse>
    </div>
  );
}
