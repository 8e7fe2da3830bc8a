import { Checkbox, SegmentedControl, Text, Textarea } from '@mantine/core';
import { useId, useState } from 'react';
import type { Disposition } from '../../../api/types';
import { useEnumOptions } from '../../../components/useEnumOptions';
import { useT } from '../../../prefs/PreferencesProvider';
import { ActionFormFrame } from './ActionFormFrame';
import type { DeviceActionState } from './useDeviceAction';

const DISPOSITIONS: readonly Disposition[] = ['reuse', 'recycle', 'parts'];

/** First look at a device: does it need repair, and is it worth reusing? Recycle and parts still go through the wipe. */
export function TriageForm({ state }: { state: DeviceActionState }) {
  const t = useT();
  const options = useEnumOptions();
  const id = useId();
  const [needsRepair, setNeedsRepair] = useState(false);
  const [disposition, setDisposition] = useState<Disposition>('reuse');
  const [findings, setFindings] = useState('');
  const next = needsRepair && disposition === 'reuse' ? 'repair' : 'wipe';
  return (
    <ActionFormFrame state={state} known={['needsRepair', 'disposition', 'findings']} testId="form-triage" submitLabel={t('lifecycle.triage')}
      onSubmit={() => { void state.submit({ action: 'triage', needsRepair, disposition, ...(findings.trim() ? { findings: findings.trim() } : {}) }); }}>
      <div>
        <Text size="sm" fw={500} mb={4} id={`${id}-disp`}>{t('device.disposition')}</Text>
        <SegmentedControl aria-labelledby={`${id}-disp`} value={disposition} onChange={(v) => setDisposition(v as Disposition)}
          data={options('disposition', DISPOSITIONS)} />
        {state.errors.field('disposition') && <Text c="red" size="xs" mt={4}>{state.errors.field('disposition')}</Text>}
      </div>
      <Checkbox label={t('triage.needsRepair')} checked={needsRepair} onChange={(e) => setNeedsRepair(e.currentTarget.checked)}
        disabled={disposition !== 'reuse'} error={state.errors.field('needsRepair')} name="needsRepair" />
      <Textarea label={t('triage.findings')} value={findings} onChange={(e) => setFindings(e.currentTarget.value)} autosize minRows={2}
        error={state.errors.field('findings')} name="findings" />
      <Text size="sm" c="dimmed">{t('action.next', { status: t(`deviceStatus.${next}`) })}</Text>
    </ActionFormFrame>
  );
}
