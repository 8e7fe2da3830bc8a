import {
  Alert,
  Autocomplete,
  Button,
  Collapse,
  Grid,
  NativeSelect,
  Paper,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useRef, useState } from 'react';
import { DEVICE_CHANGES, endpoints } from '../../api/endpoints';
import { ApiError } from '../../api/http';
import type { DeviceDto, DeviceType, IntakeDeviceInput, MediaType } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { carriesImei, DEVICE_TYPES, MEDIA_TYPES } from '../../api/types';
import { useEnumOptions } from '../../components/useEnumOptions';
import { useServerForm } from '../../components/useServerForm';
import { registerArabic } from '../../i18n';
import { arScreens } from '../../i18n/ar.screens';
import { toLatinDigits } from '../../i18n/format';
import { useT } from '../../prefs/PreferencesProvider';
import { beep } from '../../scan/feedback';
import { usePhysicalKeys } from '../../scan/usePhysicalKeys';

registerArabic(arScreens);

const MAKERS = [
  'Lenovo',
  'HP',
  'Dell',
  'Apple',
  'Acer',
  'Asus',
  'Microsoft',
  'Toshiba',
  'Samsung',
  'Fujitsu',
  'MSI',
  'Huawei',
];
type Values = {
  type: DeviceType;
  manufacturer: string;
  model: string;
  serialNumber: string;
  imei: string;
  drives: { serialNumber: string; mediaType: MediaType; capacityGb: string }[];
};
const KNOWN = [
  'type',
  'manufacturer',
  'model',
  'serialNumber',
  'imei',
  'drives.0.serialNumber',
  'drives.0.mediaType',
  'drives.0.capacityBytes',
];

function toInput(v: Values, withDrive: boolean): IntakeDeviceInput {
  const input: IntakeDeviceInput = { type: v.type };
  if (v.manufacturer.trim()) input.manufacturer = v.manufacturer.trim();
  if (v.model.trim()) input.model = v.model.trim();
  if (v.serialNumber.trim()) input.serialNumber = v.serialNumber.trim();
  // Sent as typed (Arabic-Indic digits, spaces, hyphens): the server reads and checks it (docs/phones.md).
  if (carriesImei(v.type) && v.imei.trim()) input.imei = v.imei.trim();
  const drive = v.drives[0];
  if (withDrive && drive.serialNumber.trim()) {
    const gb = Number(toLatinDigits(drive.capacityGb.trim()));
    input.drives = [
      {
        serialNumber: drive.serialNumber.trim(),
        mediaType: drive.mediaType,
        ...(drive.capacityGb.trim() && Number.isFinite(gb) ? { capacityBytes: Math.round(gb * 1e9) } : {}),
      },
    ];
  }
  return input;
}

/**
 * One device per submit. Type, maker and model stay filled after each add, because a donation is usually a batch
 * of the same machine; only the serial (and drive) fields clear, and the serial field takes focus for the next scan.
 * The serial comes first and widest: it is what the technician scans for every device.
 */
export function IntakeDeviceForm({
  donationId,
  onAdded,
}: {
  donationId: number;
  onAdded: (d: DeviceDto, input: IntakeDeviceInput) => void;
}) {
  const t = useT();
  const options = useEnumOptions();
  const [showDrive, setShowDrive] = useState(false);
  const [result, setResult] = useState<'ok' | 'error' | null>(null);
  const card = useRef<HTMLDivElement>(null);
  const initialValues: Values = {
    type: 'laptop',
    manufacturer: '',
    model: '',
    serialNumber: '',
    imei: '',
    drives: [{ serialNumber: '', mediaType: 'ssd', capacityGb: '' }],
  };
  const {
    form,
    onSubmit,
    busy,
    error: err,
    mutation,
    unshown,
    fieldError,
  } = useServerForm({
    initialValues,
    known: KNOWN,
    submit: (v) => endpoints.donations.addDevice(donationId, toInput(v, showDrive)),
    invalidates: DEVICE_CHANGES,
    onSuccess: (device, v) => {
      signal(true);
      onAdded(device, toInput(v, showDrive));
      form.setFieldValue('serialNumber', '');
      form.setFieldValue('imei', '');
      form.setFieldValue('drives.0.serialNumber', '');
      serialRef.current?.focus();
    },
    onError: () => {
      signal(false);
      serialRef.current?.select();
    },
  });
  const { ref: serialRef, onKeyDown: onSerialKeyDown } = usePhysicalKeys(form.values.serialNumber, (v) =>
    form.setFieldValue('serialNumber', v),
  );
  const { ref: imeiRef, onKeyDown: onImeiKeyDown } = usePhysicalKeys(form.values.imei, (v) =>
    form.setFieldValue('imei', v),
  );
  const { ref: driveRef, onKeyDown: onDriveKeyDown } = usePhysicalKeys(form.values.drives[0].serialNumber, (v) =>
    form.setFieldValue('drives.0.serialNumber', v),
  );

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

  // A duplicate IMEI is told on the IMEI field, with the tag of the device that has it.
  const duplicateImei = err instanceof ApiError && err.code === 'DUPLICATE_IMEI';
  const conflict = err instanceof ApiError && err.status === 409 && !duplicateImei;
  // The refusal of a serial (already received) stays on the field only while it holds the serial that was refused.
  const serialConflict = conflict && mutation.variables?.serialNumber === form.values.serialNumber;
  const imeiOwner = duplicateImei ? (err.details as { assetTag?: string }[] | undefined)?.[0]?.assetTag : undefined;
  const imeiError = fieldError('imei');
  return (
    <Paper ref={card} withBorder p="md" data-testid="intake-form" data-result={result ?? undefined}>
      <form onSubmit={onSubmit} noValidate>
        <Grid gap="sm" align="flex-end">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <TextInput
              ref={serialRef}
              onKeyDown={onSerialKeyDown}
              label={t('device.serial')}
              name="serialNumber"
              {...form.getInputProps('serialNumber')}
              dir="ltr"
              autoComplete="off"
              spellCheck={false}
              error={fieldError('serialNumber') ?? (serialConflict ? err.message : undefined)}
              data-autofocus
              autoFocus
              classNames={{ input: 'nm-mono' }}
              data-testid="intake-serial"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, xs: 4, md: 2 }}>
            <NativeSelect
              label={t('device.type')}
              {...form.getInputProps('type')}
              data={options('deviceType', DEVICE_TYPES)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, xs: 4, md: 2 }}>
            <Autocomplete
              label={t('device.manufacturer')}
              {...form.getInputProps('manufacturer')}
              data={MAKERS}
              dir="ltr"
              autoComplete="off"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, xs: 4, md: 3 }}>
            <TextInput label={t('device.model')} {...form.getInputProps('model')} dir="ltr" autoComplete="off" />
          </Grid.Col>
          {carriesImei(form.values.type) && (
            <Grid.Col span={{ base: 12, md: 5 }}>
              <TextInput
                ref={imeiRef}
                onKeyDown={onImeiKeyDown}
                label={t('device.imei')}
                description={t('device.imeiHint')}
                name="imei"
                {...form.getInputProps('imei')}
                error={imeiError && imeiOwner ? `${imeiError} (${imeiOwner})` : imeiError}
                inputMode="numeric"
                dir="ltr"
                autoComplete="off"
                spellCheck={false}
                classNames={{ input: 'nm-mono' }}
                data-testid="intake-imei"
              />
            </Grid.Col>
          )}
        </Grid>
        <UnstyledButton mt="sm" c="teal.9" fz="sm" onClick={() => setShowDrive((s) => !s)} aria-expanded={showDrive}>
          {showDrive ? '− ' : '+ '}
          {t('intake.addDrive')}
        </UnstyledButton>
        <Collapse expanded={showDrive}>
          <Grid gap="sm" mt={4}>
            <Grid.Col span={{ base: 12, sm: 5 }}>
              <TextInput
                ref={driveRef}
                onKeyDown={onDriveKeyDown}
                label={t('drive.serial')}
                {...form.getInputProps('drives.0.serialNumber')}
                dir="ltr"
                autoComplete="off"
                spellCheck={false}
                classNames={{ input: 'nm-mono' }}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 4 }}>
              <NativeSelect
                label={t('drive.mediaType')}
                {...form.getInputProps('drives.0.mediaType')}
                data={options('mediaType', MEDIA_TYPES)}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <TextInput
                label={t('drive.capacityGb')}
                {...form.getInputProps('drives.0.capacityGb')}
                inputMode="decimal"
                dir="ltr"
                error={fieldError('drives.0.capacityBytes')}
              />
            </Grid.Col>
          </Grid>
        </Collapse>
        {err && !conflict && (
          <div style={{ marginTop: 12 }}>
            {err instanceof ApiError && (err.code === 'VALIDATION_FAILED' || duplicateImei) ? (
              unshown.length > 0 && <Alert color="red">{unshown.join(' · ')}</Alert>
            ) : (
              <ErrorAlert error={err} />
            )}
          </div>
        )}
        <Button type="submit" mt="md" loading={busy} fullWidth data-testid="intake-submit">
          {t('intake.add')}
        </Button>
      </form>
    </Paper>
  );
}
