import { Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { QueryKey } from '@tanstack/react-query';
import { useState } from 'react';
import { HANDOVER_CHANGES } from '../../api/connectivity';
import { endpoints } from '../../api/endpoints';
import type { AllocationDto, HandoverInput } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useServerForm } from '../../components/useServerForm';
import { useT } from '../../prefs/PreferencesProvider';
import { AccessoriesChecklist } from './AccessoriesChecklist';
import { BUNDLE_OUT_OF_STOCK, BundlePicker, useBundleRefusal } from './BundlePicker';
import { HANDOVER_FIELDS, handoverBody, handoverInitial, handoverRules } from './handoverValues';
import { SignaturePad } from './SignaturePad';
import { TrainingRequired, trainingRefusal } from './TrainingRequired';
import { DateTimeField } from '../../components/DateField';

export interface SignedHandoverFormProps<R> {
  defaultReceiver: string;
  /** The endpoint the body goes to (one allocation's handover, or a batch's). */
  submit: (body: HandoverInput) => Promise<R>;
  invalidates: readonly QueryKey[];
  receiverLabel: string;
  receiverHint?: string;
  /** The checklist's wording for a batch ("with each device"). */
  batch?: boolean;
  /** Offers a SIM with a data bundle from a sponsor's stock (one device's handover only, spec §14). */
  bundles?: boolean;
  submitLabel: string;
  /** `handover` → data-testid `handover-form` and `handover-submit`. */
  testId: string;
}

/**
 * Who received the device (or the batch), when, what went with it (the accessories checklist) and their signature on
 * the screen; the server answers with the certificate code, and the page then offers the certificate.
 */
export function SignedHandoverForm<R>(props: SignedHandoverFormProps<R>) {
  const t = useT();
  const bundleRefusal = useBundleRefusal();
  const { form, onSubmit, busy, error, unshown } = useServerForm({
    initialValues: handoverInitial(props.defaultReceiver),
    validate: handoverRules(t),
    submit: (v) => props.submit(handoverBody(v)),
    invalidates: props.invalidates,
    known: HANDOVER_FIELDS,
    onError: (err, v) => bundleRefusal(err, v, form.setFieldError),
  });

  // The training the programme asks for: said with the course and what is missing, and an admin's override field,
  // which stays once shown (the override's own 400 lands on it).
  const training = trainingRefusal(error);
  const [lastTraining, setLastTraining] = useState(training);
  if (training && training !== lastTraining) setLastTraining(training);
  const shownTraining = training ?? (form.values.trainingOverrideReason ? lastTraining : null);

  return (
    <form onSubmit={onSubmit} noValidate data-testid={`${props.testId}-form`}>
      <Stack gap="sm">
        {/* Out of stock is said on the picker, where it can be put right. */}
        {error && error.code !== BUNDLE_OUT_OF_STOCK && !training && <ErrorAlert error={error} unshown={unshown} />}
        {shownTraining && (
          <TrainingRequired details={shownTraining} reason={form.getInputProps('trainingOverrideReason')} />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={props.receiverLabel}
            description={props.receiverHint}
            required
            name="receivedBy"
            dir="auto"
            {...form.getInputProps('receivedBy')}
          />
          <DateTimeField
            label={t('handover.date')}
            required
            name="handedOverAt"
            {...form.getInputProps('handedOverAt')}
          />
        </SimpleGrid>
        <AccessoriesChecklist
          batch={props.batch}
          checklist={form.getInputProps('accessories')}
          note={form.getInputProps('accessoriesNote')}
        />
        {props.bundles && <BundlePicker form={form} />}
        <SignaturePad onChange={(s) => form.setFieldValue('signature', s ?? '')} error={form.errors.signature} />
        <Group justify="flex-end">
          <Button type="submit" loading={busy} data-testid={`${props.testId}-submit`}>
            {props.submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * One device's handover: the server turns the allocation into a handover with a certificate code. The receiver may be
 * a family member, so the name starts as the beneficiary's and can be changed.
 */
export function HandoverForm({ allocation, defaultReceiver }: { allocation: AllocationDto; defaultReceiver: string }) {
  const t = useT();
  return (
    <SignedHandoverForm
      defaultReceiver={defaultReceiver}
      submit={(body) => endpoints.allocations.handover(allocation.id, body)}
      invalidates={HANDOVER_CHANGES}
      receiverLabel={t('handover.receivedBy')}
      submitLabel={t('handover.submit')}
      testId="handover"
      bundles
    />
  );
}
