import { Checkbox, SegmentedControl, Text, Textarea } from '@mantine/core';
import { useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../../../api/endpoints';
import { useEnumOptions } from '../../../components/useEnumOptions';
import { useT } from '../../../prefs/PreferencesProvider';
import { ActionFormFrame } from './ActionFormFrame';
import { PartsEditor, toPartRefs, type PartRow } from './PartsEditor';
import type { DeviceActionState } from './useDeviceAction';

/** Work done and parts used; a device that cannot be fixed goes on to the wipe bound for recycling or parts. */
export function RepairForm({ state }: { state: DeviceActionState }) {
  const t = useT();
  const options = useEnumOptions();
  const id = useId();
  const inventory = useQuery(endpoints.parts({ status: 'available', pageSize: 200 }));
  const [workDone, setWorkDone] = useState('');
  const [parts, setParts] = useState<PartRow[]>([]);
  const [fixed, setFixed] = useState(true);
  const [disposition, setDisposition] = useState<'recycle' | 'parts'>('parts');
  const known = ['workDone', 'fixed', 'disposition', ...parts.flatMap((_, i) => ['type', 'serialNumber', 'description', 'partId'].map((k) => `partsUsed.${i}.${k}`))];
  return (
    <ActionFormFrame state={state} known={known} testId="form-repair" submitLabel={t('lifecycle.repair')}
      onSubmit={() => { void state.submit({ action: 'repair', workDone: workDone.trim(), partsUsed: toPartRefs(parts), fixed, ...(fixed ? {} : { disposition }) }); }}>
      <Textarea label={t('repair.workDone')} required value={workDone} onChange={(e) => setWorkDone(e.currentTarget.value)} autosize minRows={2}
        error={state.errors.field('workDone')} name="workDone" />
      <PartsEditor rows={parts} onChange={setParts} inventory={inventory.data?.items} pathPrefix="partsUsed" fieldError={state.errors.field}
        label={t('repair.partsUsed')} />
      <Checkbox label={t('repair.fixed')} checked={fixed} onChange={(e) => setFixed(e.currentTarget.checked)} name="fixed" />
      {!fixed && (
        <div>
          <Text size="sm" fw={500} mb={4} id={`${id}-disp`}>{t('repair.notFixedGoesTo')}</Text>
          <SegmentedControl aria-labelledby={`${id}-disp`} value={disposition} onChange={(v) => setDisposition(v === 'recycle' ? 'recycle' : 'parts')}
            data={options('disposition', ['parts', 'recycle'])} />
        </div>
      )}
      <Text size="sm" c="dimmed">{t('action.next', { status: t('deviceStatus.wipe') })}</Text>
    </ActionFormFrame>
  );
}
