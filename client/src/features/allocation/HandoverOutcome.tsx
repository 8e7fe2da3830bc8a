import { Alert, Anchor, Button, Divider, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { AllocationDto } from '../../api/types';
import { FullPageLoader } from '../../components/FullPageLoader';
import { useEnumLabel } from '../../components/Labels';
import { Ltr } from '../../components/Ltr';
import { TitledCard } from '../../components/TitledCard';
import { useT } from '../../prefs/PreferencesProvider';
import { BundleGiven } from './BundlePicker';
import { CancelReservation } from './CancelReservation';
import { HandoverForm } from './HandoverForm';

/** One device's handover certificate (the server scopes it: managers, and a partner for its own custody). */
export const certificateUrl = (allocationId: number): string => `/api/allocations/${allocationId}/certificate.pdf`;

/**
 * What an allocation's page shows below its details, by status: the handover form and the cancel button while
 * reserved; the certificate, its code, the SIM with a data bundle if one went with the device (spec §14) and the
 * public verification link once handed over; the reason once cancelled.
 * The charity's handover page and a partner's share it; `doneActions` adds a page's own buttons to the certificate's.
 */
export function HandoverOutcome({
  allocation: a,
  receiver,
  doneActions,
}: {
  allocation: AllocationDto;
  /** The family's name, the receiver the form starts with; undefined while it loads. */
  receiver: string | undefined;
  doneActions?: ReactNode;
}) {
  const t = useT();
  const label = useEnumLabel();
  if (a.status === 'reserved')
    return (
      <TitledCard title={t('handover.formTitle')}>
        {receiver !== undefined ? <HandoverForm allocation={a} defaultReceiver={receiver} /> : <FullPageLoader />}
        <Divider my="md" />
        <CancelReservation allocationId={a.id} />
      </TitledCard>
    );
  if (a.status === 'cancelled')
    return (
      <Alert color="gray" title={label('allocationStatus', 'cancelled')}>
        {a.cancelReason}
      </Alert>
    );
  return (
    <Alert color="green" title={t('handover.done')} data-testid="handover-done">
      <Stack gap={6}>
        {a.certificateCode && (
          <Text size="sm">
            {t('handover.certificateCode')}: <Ltr mono>{a.certificateCode}</Ltr>
          </Text>
        )}
        {a.bundle && <BundleGiven bundle={a.bundle} />}
        <Group gap="sm" wrap="wrap">
          <Button
            component="a"
            href={certificateUrl(a.id)}
            target="_blank"
            rel="noopener"
            data-testid="certificate-link">
            {t('handover.openCertificate')}
          </Button>
          {doneActions}
          {a.certificateCode && (
            // A full page load: the server renders /verify/<code>; the app's router must not catch it.
            <Anchor
              href={`/verify/${a.certificateCode}`}
              target="_blank"
              rel="noopener"
              size="sm"
              data-testid="verify-link">
              {t('handover.verifyPage')}
            </Anchor>
          )}
        </Group>
      </Stack>
    </Alert>
  );
}
