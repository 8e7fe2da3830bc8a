import { Checkbox, SegmentedControl, Text, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { endpoints } from '../../../api/endpoints';
import { errorOf } from '../../../components/useServerForm';
import { useEnumOptions } from '../../../components/useEnumOptions';
import { useT } from '../../../prefs/PreferencesProvider';
import { ActionFormFrame } from './ActionFormFrame';
import { PartsEditor, toPartRefs, type PartRow } from './PartsEditor';
import { useActionForm, type DeviceActionState } from './useDeviceAction';

/** Work done and parts used; a device that cannot be fixed goes on to the wipe bound for recycling or parts. */
export function RepairForm({ state }: { state: DeviceActionState }) {
  const t = useT();
  const options = useEnumOptions();
  const id = useId();
  const inventory = useQuery(endpoints.parts({ status: 'available', pageSize: 200 }));
  const form = useActionForm<{
    workDone: string;
    partsUsed: PartRow[];
    fixed: boolean;
    disposition: 'recycle' | 'parts';
  }>(state, { workDone: '', partsUsed: [], fixed: true, disposition: 'parts' });
  const { workDone, partsUsed, fixed, disposition } = form.values;
  const known = [
    'workDone',
    'fixed',
    'disposition',
    ...partsUsed.flatMap((_, i) => ['type', 'serialNumber', 'description', 'partId'].map((k) => `partsUsed.${i}.${k}`)),
  ];
  return (
    <ActionFormFrame
      state={state}
      known={known}
      testId="form-repair"
      submitLabel={t('lifecycle.repair')}
      hint={t('action.next', { status: t('deviceStatus.wipe') })}
      onSubmit={() =>
        state.submit({
          action: 'repair',
          workDone: workDone.trim(),
          partsUsed: toPartRefs(partsUsed),
          fixed,
          ...(fixed ? {} : { disposition }),
        })
      }>
      <Textarea
        label={t('repair.workDone')}
        required
        {...form.getInputProps('workDone')}
        autosize
        minRows={2}
        name="workDone"
      />
      <PartsEditor
        rows={partsUsed}
        onChange={(rows) => form.setFieldValue('partsUsed', rows)}
        inventory={inventory.data?.items}
        pathPrefix="partsUsed"
        fieldError={(path) => errorOf(form.errors, path)}
        label={t('repair.partsUsed')}
      />
      <Checkbox label={t('repair.fixed')} {...form.getInputProps('fixed', { type: 'checkbox' })} name="fixed" />
      {!fixed && (
        <div>
          <Text size="sm" fw={500} mb={4} id={`${id}-disp`}>
            {t('repair.notFixedGoesTo')}
          </Text>
          <SegmentedControl
            aria-labelledby={`${id}-disp`}
            value={disposition}
            onChange={(v) => form.setFieldValue('disposition', v === 'recycle' ? 'recycle' : 'parts')}
            data={options('disposition', ['parts', 'recycle'])}
          />
        </div>
      )}
    </ActionFormFrame>
  );
}
