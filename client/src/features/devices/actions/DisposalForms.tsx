import { Text, TextInput, Textarea } from '@mantine/core';
import { NumberField, parseNumber } from '../../../components/NumberField';
import { errorOf } from '../../../components/useServerForm';
import { useT } from '../../../prefs/PreferencesProvider';
import { ActionFormFrame } from './ActionFormFrame';
import { EMPTY_PART, PartsEditor, toPartRefs, type PartRow } from './PartsEditor';
import { useActionForm, type DeviceActionState } from './useDeviceAction';

/** Handed to a certified recycler: who, how heavy, and their certificate reference (chain of custody, R2v3). */
export function RecycleForm({ state }: { state: DeviceActionState }) {
  const t = useT();
  const form = useActionForm(state, { recycler: '', weightKg: '', certificateRef: '' });
  const { recycler, weightKg, certificateRef } = form.values;
  return (
    <ActionFormFrame
      state={state}
      known={['recycler', 'weightKg', 'certificateRef']}
      testId="form-recycle"
      submitLabel={t('lifecycle.recycle')}
      onSubmit={() =>
        state.submit({
          action: 'recycle',
          recycler: recycler.trim(),
          weightKg: parseNumber(weightKg) ?? 0,
          certificateRef: certificateRef.trim(),
        })
      }>
      <TextInput label={t('recycle.recycler')} required {...form.getInputProps('recycler')} name="recycler" />
      <NumberField
        label={t('recycle.weightKg')}
        required
        {...form.getInputProps('weightKg')}
        value={weightKg}
        decimal
        name="weightKg"
        w={200}
      />
      <TextInput
        label={t('recycle.certificateRef')}
        required
        dir="ltr"
        {...form.getInputProps('certificateRef')}
        name="certificateRef"
      />
    </ActionFormFrame>
  );
}

/** Parts taken from a device for other repairs: they go into the parts inventory. */
export function HarvestForm({ state }: { state: DeviceActionState }) {
  const t = useT();
  const form = useActionForm(state, { parts: [EMPTY_PART] as PartRow[] });
  const { parts } = form.values;
  const known = [
    'parts',
    ...parts.flatMap((_, i) => ['type', 'serialNumber', 'description'].map((k) => `parts.${i}.${k}`)),
  ];
  return (
    <ActionFormFrame
      state={state}
      known={known}
      testId="form-harvest"
      submitLabel={t('lifecycle.harvest')}
      onSubmit={() => state.submit({ action: 'harvest', parts: toPartRefs(parts) })}>
      <PartsEditor
        rows={parts}
        onChange={(rows) => form.setFieldValue('parts', rows)}
        pathPrefix="parts"
        fieldError={(path) => errorOf(form.errors, path)}
        label={t('harvest.parts')}
      />
      {errorOf(form.errors, 'parts') && (
        <Text c="red" size="xs">
          {errorOf(form.errors, 'parts')}
        </Text>
      )}
    </ActionFormFrame>
  );
}

/** A handed-over device comes back: it starts a new cycle at intake, its history kept. */
export function ReturnForm({ state }: { state: DeviceActionState }) {
  const t = useT();
  const form = useActionForm(state, { reason: '' });
  return (
    <ActionFormFrame
      state={state}
      known={['reason']}
      testId="form-return"
      submitLabel={t('lifecycle.return')}
      onSubmit={() => state.submit({ action: 'return', reason: form.values.reason.trim() })}>
      <Textarea
        label={t('return.reason')}
        required
        {...form.getInputProps('reason')}
        autosize
        minRows={2}
        name="reason"
      />
    </ActionFormFrame>
  );
}
