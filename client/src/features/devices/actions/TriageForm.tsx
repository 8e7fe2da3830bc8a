import { Checkbox, SegmentedControl, Text, Textarea } from '@mantine/core';
import { useId } from 'react';
import type { Disposition } from '../../../api/types';
import { errorOf } from '../../../components/useServerForm';
import { useEnumOptions } from '../../../components/useEnumOptions';
import { useT } from '../../../prefs/PreferencesProvider';
import { ActionFormFrame } from './ActionFormFrame';
import { useActionForm, type DeviceActionState } from './useDeviceAction';

const DISPOSITIONS: readonly Disposition[] = ['reuse', 'recycle', 'parts'];

/** First look at a device: does it need repair, and is it worth reusing? Recycle and parts still go through the wipe. */
export function TriageForm({ state }: { state: DeviceActionState }) {
  const t = useT();
  const options = useEnumOptions();
  const id = useId();
  const form = useActionForm<{ needsRepair: boolean; disposition: Disposition; findings: string }>(state, {
    needsRepair: false,
    disposition: 'reuse',
    findings: '',
  });
  const { needsRepair, disposition, findings } = form.values;
  const next = needsRepair && disposition === 'reuse' ? 'repair' : 'wipe';
  return (
    <ActionFormFrame
      state={state}
      known={['needsRepair', 'disposition', 'findings']}
      testId="form-triage"
      submitLabel={t('lifecycle.triage')}
      hint={t('action.next', { status: t(`deviceStatus.${next}`) })}
      onSubmit={() =>
        state.submit({
          action: 'triage',
          needsRepair,
          disposition,
          ...(findings.trim() ? { findings: findings.trim() } : {}),
        })
      }>
      <div>
        <Text size="sm" fw={500} mb={4} id={`${id}-disp`}>
          {t('device.disposition')}
        </Text>
        <SegmentedControl
          aria-labelledby={`${id}-disp`}
          {...form.getInputProps('disposition')}
          data={options('disposition', DISPOSITIONS)}
        />
        {errorOf(form.errors, 'disposition') && (
          <Text c="red" size="xs" mt={4}>
            {errorOf(form.errors, 'disposition')}
          </Text>
        )}
      </div>
      <Checkbox
        label={t('triage.needsRepair')}
        {...form.getInputProps('needsRepair', { type: 'checkbox' })}
        disabled={disposition !== 'reuse'}
        name="needsRepair"
      />
      <Textarea label={t('triage.findings')} {...form.getInputProps('findings')} autosize minRows={2} name="findings" />
    </ActionFormFrame>
  );
}
