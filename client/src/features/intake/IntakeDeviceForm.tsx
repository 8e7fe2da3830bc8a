import { Alert, Autocomplete, Button, Collapse, Grid, NativeSelect, Paper, TextInput, UnstyledButton } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/http';
import type { DeviceDto, DeviceType, IntakeDeviceInput, MediaType } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DEVICE_TYPES, MEDIA_TYPES } from '../../api/types';
import { useEnumOptions } from '../../components/useEnumOptions';
import { useFieldErrors } from '../../components/useFieldErrors';
import { toLatinDigits } from '../../i18n/format';
import { useT } from '../../prefs/PreferencesProvider';
import { beep } from '../../scan/feedback';
import { usePhysicalKeys } from '../../scan/usePhysicalKeys';

const MAKERS = ['Lenovo', 'HP', 'Dell', 'Apple', 'Acer', 'Asus', 'Microsoft', 'Toshiba', 'Samsung', 'Fujitsu', 'MSI', 'Huawei'];
const KNOWN = ['type', 'manufacturer', 'model', 'serialNumber', 'drives.0.serialNumber', 'drives.0.mediaType', 'drives.0.capacityBytes'];

/**
 * One device per submit. Type, maker and model stay filled after each add, because a donation is usually a batch
 * of the same machine; only the serial (and drive) fields clear, and the serial field takes focus for the next scan.
 */
export function IntakeDeviceForm({ donationId, onAdded }: { donationId: number; onAdded: (d: DeviceDto, input: IntakeDeviceInput) => void }) {
  const t = useT();
  const options = useEnumOptions();
  const errors = useFieldErrors();
  const [type, setType] = useState<DeviceType>('laptop');
  const [manufacturer, setManufacturer] = useState('');
  const [model, setModel] = useState('');
  const [serial, setSerial] = useState('');
  const [showDrive, setShowDrive] = useState(false);
  const [driveSerial, setDriveSerial] = useState('');
  const [mediaType, setMediaType] = useState<MediaType>('ssd');
  const [capacityGb, setCapacityGb] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<'ok' | 'error' | null>(null);
  const serialKeys = usePhysicalKeys(serial, setSerial);
  const driveKeys = usePhysicalKeys(driveSerial, setDriveSerial);
  const card = useRef<HTMLDivElement>(null);

  // The Web Animations API replays the flash on every add without remounting the inputs (which would lose focus).
  const signal = (ok: boolean) => {
    beep(ok);
    setResult(ok ? 'ok' : 'error');
    const color = ok ? 'var(--mantine-color-green-5)' : 'var(--mantine-color-red-6)';
    const bg = ok ? 'var(--mantine-color-green-0)' : 'var(--mantine-color-red-0)';
    const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    card.current?.animate?.(
      [{ boxShadow: `0 0 0 4px ${color}`, backgroundColor: bg }, { boxShadow: '0 0 0 0 transparent' }],
      { duration: reduce ? 1 : ok ? 900 : 1400, easing: 'ease-out' },
    );
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const input: IntakeDeviceInput = { type };
    if (manufacturer.trim()) input.manufacturer = manufacturer.trim();
    if (model.trim()) input.model = model.trim();
    if (serial.trim()) input.serialNumber = serial.trim();
    if (showDrive && driveSerial.trim()) {
      const gb = Number(toLatinDigits(capacityGb.trim()));
      input.drives = [{
        serialNumber: driveSerial.trim(), mediaType,
        ...(capacityGb.trim() && Number.isFinite(gb) ? { capacityBytes: Math.round(gb * 1e9) } : {}),
      }];
    }
    setBusy(true);
    errors.clear();
    try {
      const device = await api<DeviceDto>(`/api/donations/${donationId}/devices`, { method: 'POST', body: input });
      signal(true);
      onAdded(device, input);
      setSerial('');
      setDriveSerial('');
      serialKeys.ref.current?.focus();
    } catch (err) {
      signal(false);
      errors.setError(err);
      serialKeys.ref.current?.select();
    } finally {
      setBusy(false);
    }
  };

  const err = errors.error;
  const conflict = err instanceof ApiError && err.status === 409;
  return (
    <Paper
      ref={card} withBorder p="md" data-testid="intake-form" data-result={result ?? undefined}
    >
      <form onSubmit={onSubmit} noValidate>
        <Grid gap="sm" align="flex-end">
          <Grid.Col span={{ base: 12, xs: 6, md: 3 }}>
            <NativeSelect label={t('device.type')} value={type} onChange={(e) => setType(e.currentTarget.value as DeviceType)}
              data={options('deviceType', DEVICE_TYPES)} error={errors.field('type')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, xs: 6, md: 3 }}>
            <Autocomplete label={t('device.manufacturer')} value={manufacturer} onChange={setManufacturer} data={MAKERS}
              dir="ltr" error={errors.field('manufacturer')} autoComplete="off" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, xs: 6, md: 3 }}>
            <TextInput label={t('device.model')} value={model} onChange={(e) => setModel(e.currentTarget.value)} dir="ltr"
              error={errors.field('model')} autoComplete="off" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, xs: 6, md: 3 }}>
            <TextInput
              ref={serialKeys.ref} onKeyDown={serialKeys.onKeyDown} label={t('device.serial')} name="serialNumber"
              value={serial} onChange={(e) => setSerial(e.currentTarget.value)} dir="ltr" autoComplete="off" spellCheck={false}
              error={errors.field('serialNumber') ?? (conflict ? err.message : undefined)} data-autofocus autoFocus
              classNames={{ input: 'nm-mono' }} data-testid="intake-serial"
            />
          </Grid.Col>
        </Grid>
        <UnstyledButton mt="sm" c="teal.9" fz="sm" onClick={() => setShowDrive((s) => !s)} aria-expanded={showDrive}>
          {showDrive ? '− ' : '+ '}{t('intake.addDrive')}
        </UnstyledButton>
        <Collapse expanded={showDrive}>
          <Grid gap="sm" mt={4}>
            <Grid.Col span={{ base: 12, sm: 5 }}>
              <TextInput ref={driveKeys.ref} onKeyDown={driveKeys.onKeyDown} label={t('drive.serial')} value={driveSerial}
                onChange={(e) => setDriveSerial(e.currentTarget.value)} dir="ltr" autoComplete="off" spellCheck={false}
                error={errors.field('drives.0.serialNumber')} classNames={{ input: 'nm-mono' }} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 4 }}>
              <NativeSelect label={t('drive.mediaType')} value={mediaType} onChange={(e) => setMediaType(e.currentTarget.value as MediaType)}
                data={options('mediaType', MEDIA_TYPES)} error={errors.field('drives.0.mediaType')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <TextInput label={t('drive.capacityGb')} value={capacityGb} onChange={(e) => setCapacityGb(e.currentTarget.value)}
                inputMode="decimal" dir="ltr" error={errors.field('drives.0.capacityBytes')} />
            </Grid.Col>
          </Grid>
        </Collapse>
        {err !== null && !conflict && (
          <div style={{ marginTop: 12 }}>
            {err instanceof ApiError && err.code === 'VALIDATION_FAILED'
              ? errors.unshown(KNOWN).length > 0 && <Alert color="red">{errors.unshown(KNOWN).join(' · ')}</Alert>
              : <ErrorAlert error={err} />}
          </div>
        )}
        <Button type="submit" mt="md" loading={busy} fullWidth data-testid="intake-submit">{t('intake.add')}</Button>
      </form>
    </Paper>
  );
}
