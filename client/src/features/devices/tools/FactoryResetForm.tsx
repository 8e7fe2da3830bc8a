import { Alert, Button, Checkbox, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { DEVICE_CHANGES, endpoints } from '../../../api/endpoints';
import { DEVICE_LEVEL_TECHNIQUE, SANITIZATION_RESULTS, type SanitizationInput } from '../../../api/types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FileDrop } from '../../../components/FileDrop';
import { useEnumOptions } from '../../../components/useEnumOptions';
import { useServerForm } from '../../../components/useServerForm';
import { useT } from '../../../prefs/PreferencesProvider';
import { DateTimeField } from '../../../components/DateField';

type Form = {
  osVersion: string;
  encryptionVerified: boolean;
  result: SanitizationInput['result'];
  finishedAt: string;
  verifierId: string;
  file: File | null;
};

/**
 * A phone's or tablet's wipe (docs/phones.md): one record of the whole device, a factory reset while its storage is
 * encrypted (a purge by cryptographic erase). Without a tool's report it names the colleague who confirms it (spec
 * §10); a reset nobody saw encrypted is recorded as such, and the wipe will not complete on it.
 */
export function FactoryResetForm({ deviceId }: { deviceId: number }) {
  const t = useT();
  const options = useEnumOptions();
  const verifiers = useQuery(endpoints.sanitizations.verifiers());
  const initialValues: Form = {
    osVersion: '',
    encryptionVerified: false,
    result: 'passed',
    finishedAt: '',
    verifierId: '',
    file: null,
  };
  const { form, onSubmit, busy, error, unshown, fieldError } = useServerForm({
    initialValues,
    known: ['osVersion', 'encryptionVerified', 'result', 'finishedAt', 'verifierId', 'file'],
    submit: (v) => {
      const finished = v.finishedAt ? new Date(v.finishedAt) : null;
      const body: SanitizationInput = {
        technique: DEVICE_LEVEL_TECHNIQUE,
        method: 'purge',
        encryptionVerified: v.encryptionVerified,
        osVersion: v.osVersion.trim(),
        result: v.result,
        ...(finished && !Number.isNaN(finished.getTime()) ? { finishedAt: finished.toISOString() } : {}),
        ...(v.verifierId && !v.file ? { verifierId: Number(v.verifierId) } : {}),
      };
      if (!v.file) return endpoints.devices.addSanitization(deviceId, body);
      const data = new FormData();
      for (const [k, value] of Object.entries(body)) if (value !== undefined) data.append(k, String(value));
      data.append('file', v.file);
      return endpoints.devices.addSanitization(deviceId, data);
    },
    invalidates: DEVICE_CHANGES,
    onSuccess: () => form.setValues({ finishedAt: '', file: null }),
  });
  const input = (k: keyof Form) => form.getInputProps(k);
  return (
    <form onSubmit={onSubmit} noValidate data-testid="factory-reset-form">
      <Stack gap="sm">
        <Text fw={600}>{t('phoneWipe.title')}</Text>
        <Text size="sm" c="dimmed">
          {t('phoneWipe.intro')}
        </Text>
        {error && <ErrorAlert error={error} unshown={unshown} />}
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label={t('phoneWipe.osVersion')}
            required
            dir="ltr"
            placeholder="Android 14"
            name="osVersion"
            {...input('osVersion')}
          />
          <Select
            label={t('wipe.result')}
            required
            allowDeselect={false}
            data={options('wipeResult', SANITIZATION_RESULTS)}
            {...input('result')}
          />
          <DateTimeField label={t('wipe.finishedAt')} {...input('finishedAt')} />
        </SimpleGrid>
        <Checkbox
          label={t('phoneWipe.encryptionVerified')}
          description={t('phoneWipe.encryptionHint')}
          name="encryptionVerified"
          {...form.getInputProps('encryptionVerified', { type: 'checkbox' })}
        />
        {!form.values.encryptionVerified && (
          <Alert color="orange" py={6}>
            {t('phoneWipe.notVerified')}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <FileDrop
            label={t('wipe.evidenceFile')}
            description={t('wipe.evidenceFileHint')}
            accept=".pdf,.xml,.txt,.log,.json,application/pdf"
            name="evidence-file"
            value={form.values.file}
            onChange={(f) => form.setFieldValue('file', f)}
            error={fieldError('file')}
          />
          {!form.values.file && (
            <Select
              label={t('wipe.verifier')}
              description={t('wipe.verifierHint')}
              required
              searchable
              name="verifier"
              {...input('verifierId')}
              value={form.values.verifierId || null}
              data={(verifiers.data?.items ?? []).map((v) => ({ value: String(v.id), label: v.name }))}
              onChange={(v) => form.setFieldValue('verifierId', v ?? '')}
            />
          )}
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={busy} data-testid="factory-reset-submit">
            {t('phoneWipe.record')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
