import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { endpoints, keys } from '../../api/endpoints';
import type { BeneficiaryDto, BeneficiaryPatch, BeneficiaryStatus } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useServerForm } from '../../components/useServerForm';
import { useT } from '../../prefs/PreferencesProvider';

/**
 * The status changes a manager may make from here (`allowedTransitions`, from the server): verify, put on the
 * waiting list, or reject, which needs a reason (kept with the record and shown to whoever reopens it).
 */
export function BeneficiaryStatusActions({ beneficiary }: { beneficiary: BeneficiaryDto }) {
  const t = useT();
  const [rejecting, setRejecting] = useState(false);
  const { form, mutation, busy, error, unshown } = useServerForm({
    initialValues: { status: beneficiary.status, rejectionReason: '' },
    submit: (v) => {
      const body: BeneficiaryPatch =
        v.status === 'rejected'
          ? { status: v.status, rejectionReason: v.rejectionReason.trim() }
          : { status: v.status };
      return endpoints.beneficiaries.update(beneficiary.id, body);
    },
    invalidates: [keys.beneficiaries, keys.waitlist, keys.allocations],
    onSuccess: () => {
      setRejecting(false);
      form.setFieldValue('rejectionReason', '');
    },
  });
  const allowed = beneficiary.allowedTransitions ?? [];
  if (allowed.length === 0) return null;
  const moving = busy ? mutation.variables?.status : null;
  const move = (status: BeneficiaryStatus) => mutation.mutate({ ...form.getValues(), status });

  return (
    <Stack gap="xs" data-testid="beneficiary-status-actions">
      {error && <ErrorAlert error={error} unshown={unshown} />}
      <Group gap="xs" wrap="wrap">
        {allowed
          .filter((s) => s !== 'rejected')
          .map((s) => (
            <Button key={s} loading={moving === s} onClick={() => move(s)} data-to={s}>
              {t(`beneficiary.to.${s}`)}
            </Button>
          ))}
        {allowed.includes('rejected') && !rejecting && (
          <Button variant="outline" color="red" onClick={() => setRejecting(true)}>
            {t('beneficiary.to.rejected')}
          </Button>
        )}
      </Group>
      {rejecting && (
        <Stack gap="xs">
          <Textarea
            label={t('beneficiary.rejectionReason')}
            required
            {...form.getInputProps('rejectionReason')}
            autosize
            minRows={2}
            data-autofocus
          />
          <Group gap="xs">
            <Button color="red" loading={moving === 'rejected'} onClick={() => move('rejected')}>
              {t('beneficiary.confirmReject')}
            </Button>
            <Button variant="default" onClick={() => setRejecting(false)}>
              {t('action.cancel')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
