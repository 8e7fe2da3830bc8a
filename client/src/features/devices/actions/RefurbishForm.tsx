import { Alert, Autocomplete, Group, Select, SegmentedControl, SimpleGrid, Text, Textarea } from '@mantine/core';
import { useId } from 'react';
import type { DeviceDetailDto, Grade, Licence, QaItem, QaResult } from '../../../api/types';
import { LICENCES, QA_ITEMS } from '../../../api/types';
import { useEnumOptions } from '../../../components/useEnumOptions';
import { errorOf } from '../../../components/useServerForm';
import { useT } from '../../../prefs/PreferencesProvider';
import { ActionFormFrame } from './ActionFormFrame';
import { QaChecklist } from './QaChecklist';
import { useActionForm, type DeviceActionState } from './useDeviceAction';

const OS_SUGGESTIONS = [
  'Windows 11 Pro',
  'Windows 11 Home',
  'Windows 10 Pro',
  'Ubuntu 24.04 LTS',
  'Linux Mint 22',
  'ChromeOS Flex',
];
const R2_FUNCTION = ['F1', 'F2', 'F3', 'F4', 'F5', 'F6'];
const R2_COSMETIC = ['C0', 'C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8', 'C9'];
type Win11 = 'yes' | 'no' | 'unknown';
type Values = {
  qa: Record<QaItem, QaResult>;
  os: string;
  licence: Licence | null;
  win11: Win11;
  grade: Grade | '';
  r2Function: string | null;
  r2Cosmetic: string | null;
  notes: string;
};

/**
 * QA checklist, OS and licence, Windows 11 eligibility, grade (and optional R2 codes). Every check passing makes the
 * device ready; any fail sends it back to repair, and then OS, licence and grade are not required.
 */
export function RefurbishForm({ device, state }: { device: DeviceDetailDto; state: DeviceActionState }) {
  const t = useT();
  const options = useEnumOptions();
  const id = useId();
  const form = useActionForm<Values>(state, {
    qa: Object.fromEntries(QA_ITEMS.map((k) => [k, 'pass'])) as Record<QaItem, QaResult>,
    os: device.os ?? '',
    licence: (device.licence as Licence | null) ?? null,
    win11: device.windows11Eligible === null ? 'unknown' : device.windows11Eligible ? 'yes' : 'no',
    grade: device.grade ?? '',
    r2Function: device.r2Function,
    r2Cosmetic: device.r2Cosmetic,
    notes: '',
  });
  const { qa, os, licence, win11, grade, r2Function, r2Cosmetic, notes } = form.values;
  const failed = QA_ITEMS.filter((k) => qa[k] === 'fail');
  const f = (path: string) => errorOf(form.errors, path);

  const submit = () =>
    state.submit({
      action: 'refurbish',
      qa,
      ...(os.trim() ? { os: os.trim() } : {}),
      ...(licence ? { licence } : {}),
      ...(win11 === 'unknown' ? {} : { windows11Eligible: win11 === 'yes' }),
      ...(grade ? { grade } : {}),
      ...(r2Function ? { r2Function } : {}),
      ...(r2Cosmetic ? { r2Cosmetic } : {}),
      ...(notes.trim() ? { notes: notes.trim() } : {}),
    });

  return (
    <ActionFormFrame
      state={state}
      testId="form-refurbish"
      submitLabel={t('lifecycle.refurbish')}
      hint={t('action.next', { status: t(failed.length ? 'deviceStatus.repair' : 'deviceStatus.ready') })}
      onSubmit={submit}
      known={[
        'os',
        'licence',
        'windows11Eligible',
        'grade',
        'r2Function',
        'r2Cosmetic',
        'notes',
        ...QA_ITEMS.map((k) => `qa.${k}`),
      ]}>
      <QaChecklist value={qa} onChange={(item, v) => form.setFieldValue(`qa.${item}`, v)} error={f} />
      {failed.length > 0 && (
        <Alert color="orange" data-testid="qa-failed">
          {t('qa.failedGoesBack', { items: failed.map((k) => t(`qa.${k}`)).join(t('common.listSep')) })}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Autocomplete
          label={t('device.os')}
          data={OS_SUGGESTIONS}
          {...form.getInputProps('os')}
          dir="ltr"
          name="os"
          autoComplete="off"
          required={failed.length === 0}
        />
        <Select
          label={t('device.licence')}
          data={options('licence', LICENCES)}
          clearable
          name="licence"
          {...form.getInputProps('licence')}
          required={failed.length === 0}
        />
      </SimpleGrid>
      <Group gap="xl" wrap="wrap" align="flex-start">
        <div>
          <Text size="sm" fw={500} mb={4} id={`${id}-w11`}>
            {t('device.win11')}
          </Text>
          <SegmentedControl
            aria-labelledby={`${id}-w11`}
            {...form.getInputProps('win11')}
            data={[
              { value: 'yes', label: t('common.yes') },
              { value: 'no', label: t('common.no') },
              { value: 'unknown', label: t('common.unknown') },
            ]}
          />
          <Text size="xs" c="dimmed" mt={2}>
            {t('refurbish.win11Hint')}
          </Text>
        </div>
        <div>
          <Text size="sm" fw={500} mb={4} id={`${id}-grade`}>
            {t('device.grade')}
            {failed.length === 0 && <span aria-hidden="true"> *</span>}
          </Text>
          <SegmentedControl
            aria-labelledby={`${id}-grade`}
            {...form.getInputProps('grade')}
            data-testid="grade"
            data={[
              { value: 'A', label: t('grade.A') },
              { value: 'B', label: t('grade.B') },
              { value: 'C', label: t('grade.C') },
            ]}
          />
          {f('grade') && (
            <Text c="red" size="xs" mt={2} role="alert">
              {f('grade')}
            </Text>
          )}
        </div>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Select label={t('refurbish.r2Function')} data={R2_FUNCTION} {...form.getInputProps('r2Function')} clearable />
        <Select label={t('refurbish.r2Cosmetic')} data={R2_COSMETIC} {...form.getInputProps('r2Cosmetic')} clearable />
      </SimpleGrid>
      <Textarea label={t('refurbish.notes')} {...form.getInputProps('notes')} autosize minRows={1} />
    </ActionFormFrame>
  );
}
