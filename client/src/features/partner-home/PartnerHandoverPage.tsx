import { Alert, Anchor, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { HANDOVER_CHANGES } from '../../api/connectivity';
import { endpoints } from '../../api/endpoints';
import { distribution } from '../../api/distribution';
import type { AllocationDto } from '../../api/types';
import { deviceModelName } from '../../components/DeviceCells';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useServerForm } from '../../components/useServerForm';
import { usePrefs } from '../../prefs/PreferencesProvider';
import { AccessoriesChecklist } from '../allocation/AccessoriesChecklist';
import { BUNDLE_OUT_OF_STOCK, BundlePicker, useBundleRefusal } from '../allocation/BundlePicker';
import { HANDOVER_FIELDS, handoverBody, handoverInitial, handoverRules } from '../allocation/handoverValues';
import { SignaturePad } from '../allocation/SignaturePad';
import { HANDOVER_STATUSES } from './partnerHandover';
import { DateTimeField } from '../../components/DateField';

/** Fields on the form: the allocation's (deviceId, beneficiaryId) and the handover's share one form. */
const KNOWN = ['deviceId', 'beneficiaryId', ...HANDOVER_FIELDS];

/**
 * A partner association hands one of the devices in its custody to one of its families (spec §13), in one screen:
 * the device and the family, who received it, what went with it (the accessories, a SIM with a data bundle from a
 * sponsor's stock) and their signature. Sent as the usual two steps
 * (POST /api/allocations, then its handover); if the handover is refused, the reservation stands and the next try
 * sends the handover only. The certificate follows on the allocation's page.
 */
export default function PartnerHandoverPage() {
  const { t } = usePrefs();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [reservation, setReservation] = useState<AllocationDto | null>(null);
  const bundleRefusal = useBundleRefusal();
  const custody = useQuery(distribution.custody.list({ pageSize: 200 }));
  const families = useQuery(endpoints.beneficiaries.list({ status: HANDOVER_STATUSES.join(','), pageSize: 200 }));
  const deviceOptions = (custody.data?.items ?? [])
    .filter((d) => d.allocationId === null)
    .map((d) => ({ value: String(d.deviceId), label: `\u2066${d.assetTag}\u2069 — ${deviceModelName(d)}` }));
  const familyOptions = (families.data?.items ?? []).map((b) => ({
    value: String(b.id),
    label: b.city ? `${b.name} — ${b.city}` : b.name,
  }));
  const { form, onSubmit, busy, error, unshown } = useServerForm({
    initialValues: {
      deviceId: params.get('device'),
      beneficiaryId: params.get('family'),
      ...handoverInitial(''),
    },
    validate: {
      deviceId: (v) => (v ? null : t('validation.any.required')),
      beneficiaryId: (v) => (v ? null : t('validation.any.required')),
      ...handoverRules(t),
    },
    submit: async (v) => {
      let allocation = reservation;
      if (!allocation) {
        allocation = await endpoints.allocations.create({
          deviceId: Number(v.deviceId),
          beneficiaryId: Number(v.beneficiaryId),
        });
        setReservation(allocation);
      }
      return endpoints.allocations.handover(allocation.id, handoverBody(v));
    },
    invalidates: HANDOVER_CHANGES,
    known: KNOWN,
    onError: (err, v) => bundleRefusal(err, v, form.setFieldError),
    onSuccess: (done) => {
      void navigate(`/partner/handovers/${done.id}`, { replace: true });
    },
  });
  // The receiver starts as the family's name (the head of the family may send someone else), unless already typed.
  const pickFamily = (id: string | null) => {
    const named = (x: string | null) => families.data?.items.find((b) => String(b.id) === x)?.name;
    const before = named(form.values.beneficiaryId);
    const after = named(id);
    form.setFieldValue('beneficiaryId', id);
    const typed = form.values.receivedBy.trim();
    if (after && (!typed || typed === before)) form.setFieldValue('receivedBy', after);
  };
  // A family picked on the home page (?family=) names the receiver once the list has come.
  const preset = families.data?.items.find((b) => String(b.id) === params.get('family'))?.name;
  const { setFieldValue } = form;
  const receiverTyped = form.values.receivedBy !== '';
  useEffect(() => {
    if (preset && !receiverTyped) setFieldValue('receivedBy', preset);
    // Only when the list arrives, not each time the receiver is emptied by hand.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [preset]);

  return (
    <>
      <PageHeader title={t('partnerHome.record')}>
        <Button component={Link} to="/partner" variant="default">
          {t('partnerHome.back')}
        </Button>
      </PageHeader>
      <Paper withBorder p="md" maw={900}>
        <form onSubmit={onSubmit} noValidate data-testid="partner-handover-form">
          <Stack gap="sm">
            {(custody.error || families.error) && <ErrorAlert error={custody.error ?? families.error} />}
            {error && error.code !== BUNDLE_OUT_OF_STOCK && <ErrorAlert error={error} unshown={unshown} />}
            {reservation && (
              <Alert color="cyan" data-testid="partner-reserved">
                {t('partnerHome.reservedHint')}{' '}
                <Anchor component={Link} to={`/partner/handovers/${reservation.id}`}>
                  {t('partnerHome.openReservation')}
                </Anchor>
              </Alert>
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Select
                label={t('partnerHome.device')}
                required
                searchable
                name="deviceId"
                placeholder={t('partnerHome.pickDevice')}
                data={deviceOptions}
                nothingFoundMessage={t('partnerHome.noDevices')}
                disabled={reservation !== null}
                {...form.getInputProps('deviceId')}
              />
              <Select
                label={t('partnerHome.family')}
                required
                searchable
                name="beneficiaryId"
                placeholder={t('partnerHome.pickFamily')}
                data={familyOptions}
                nothingFoundMessage={t('partnerHome.noFamilies')}
                disabled={reservation !== null}
                {...form.getInputProps('beneficiaryId')}
                onChange={pickFamily}
              />
              <TextInput
                label={t('handover.receivedBy')}
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
            {custody.data && deviceOptions.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('partnerHome.noDevicesToHand')}
              </Text>
            )}
            <AccessoriesChecklist
              checklist={form.getInputProps('accessories')}
              note={form.getInputProps('accessoriesNote')}
            />
            <BundlePicker form={form} />
            <SignaturePad onChange={(s) => form.setFieldValue('signature', s ?? '')} error={form.errors.signature} />
            <Group justify="flex-end">
              <Button type="submit" loading={busy} data-testid="partner-handover-submit">
                {t('handover.submit')}
              </Button>
            </Group>
            <Text size="xs" c="dimmed">
              {t('partnerHome.certificateAfter')}
            </Text>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
