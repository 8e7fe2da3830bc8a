import { Text, TextInput, Textarea } from '@mantine/core';
import { NumberField, parseNumber } from '../../../components/NumberField';
import { useState } from 'react';
import { useT } from '../../../prefs/PreferencesProvider';
import { ActionFormFrame } from './ActionFormFrame';
import { EMPTY_PART, PartsEditor, toPartRefs, type PartRow } from './PartsEditor';
import type { DeviceActionState } from './useDeviceAction';

/** Handed to a certified recycler: who, how heavy, and their certificate reference (chain of custody, R2v3). */
export function RecycleForm({ state }: { state: DeviceActionState }) {
  const t = useT();
  const [recycler, setRecycler] = useState('');
  const [weightKg, setWeightKg] = useState('');
  const [certificateRef, setCertificateRef] = useState('');
  const f = state.errors.field;
  return (
    <ActionFormFrame state={state} known={['recycler', 'weightKg', 'certificateRef']} testId="form-recycle" submitLabel={t('lifecycle.recycle')}
      onSubmit={() => { void state.submit({ action: 'recycle', recycler: recycler.trim(), weightKg: parseNumber(weightKg) ?? 0, certificateRef: certificateRef.trim() }); }}>
      <TextInput label={t('recycle.recycler')} required value={recycler} onChange={(e) => setRecycler(e.currentTarget.value)} error={f('recycler')} name="recycler" />
      <NumberField label={t('recycle.weightKg')} required value={weightKg} onChange={setWeightKg} decimal error={f('weightKg')} name="weightKg" w={200} />
      <TextInput label={t('recycle.certificateRef')} required dir="ltr" value={certificateRef} onChange={(e) => setCertificateRef(e.currentTarget.value)}
        error={f('certificateRef')} name="certificateRef" />
    </ActionFormFrame>
  );
}

/** Parts taken from a device for other repairs: they go into the parts inventory. */
export function HarvestForm({ state }: { state: DeviceActionState }) {
  const t = useT();
  const [parts, setParts] = useState<PartRow[]>([EMPTY_PART]);
  const known = ['parts', ...parts.flatMap((_, i) => ['type', 'serialNumber', 'description'].map((k) => `parts.${i}.${k}`))];
  return (
    <ActionFormFrame state={state} known={known} testId="form-harvest" submitLabel={t('lifecycle.harvest')}
      onSubmit={() => { void state.submit({ action: 'harvest', parts: toPartRefs(parts) }); }}>
      <PartsEditor rows={parts} onChange={setParts} pathPrefix="parts" fieldError={state.errors.field} label={t('harvest.parts')} />
      {state.errors.field('parts') && <Text c="red" size="xs">{state.errors.field('parts')}</Text>}
    </ActionFormFrame>
  );
}

/** A handed-over device comes back: it starts a new cycle at intake, its history kept. */
export function ReturnForm({ state }: { state: DeviceActionState }) {
  const t = useT();
  const [reason, setReason] = useState('');
  return (
    <ActionFormFrame state={state} known={['reason']} testId="form-return" submitLabel={t('lifecycle.return')}
      onSubmit={() => { void state.submit({ action: 'return', reason: reason.trim() }); }}>
      <Textarea label={t('return.reason')} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2}
        error={state.errors.field('reason')} name="reason" />
    </ActionFormFrame>
  );
}
