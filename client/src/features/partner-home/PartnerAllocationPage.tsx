import { Badge, Button, Group, Paper, SimpleGrid, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { endpoints } from '../../api/endpoints';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { FullPageLoader } from '../../components/FullPageLoader';
import { useEnumLabel } from '../../components/Labels';
import { Ltr } from '../../components/Ltr';
import { PageHeader } from '../../components/PageHeader';
import { usePrefs } from '../../prefs/PreferencesProvider';
import { useAccessoriesText } from '../allocation/AccessoriesChecklist';
import { HandoverOutcome } from '../allocation/HandoverOutcome';

const STATUS_COLORS: Record<string, string> = { reserved: 'cyan', handed_over: 'green', cancelled: 'gray' };

/**
 * One onward handover of a partner association: the device and the family; the handover form while it is reserved
 * (a handover left half-done on the previous screen is finished here), then the certificate.
 */
export default function PartnerAllocationPage() {
  const { t, fmt } = usePrefs();
  const label = useEnumLabel();
  const accessoriesText = useAccessoriesText();
  const { id } = useParams();
  const allocation = useQuery(endpoints.allocations.get(Number(id) || 0));
  const a = allocation.data;
  const family = useQuery({ ...endpoints.beneficiaries.get(a?.beneficiaryId ?? 0), enabled: Boolean(a) });
  if (allocation.error && !a)
    return (
      <>
        <PageHeader title={t('handover.title')} />
        <ErrorAlert error={allocation.error} onRetry={() => void allocation.refetch()} />
      </>
    );
  if (!a) return <FullPageLoader />;
  const b = family.data;
  const tag = a.assetTag ?? `#${a.deviceId}`;
  return (
    <>
      <PageHeader
        title={
          <Group gap="sm" component="span">
            {t('handover.title')} <Ltr mono>{tag}</Ltr>
            <Badge color={STATUS_COLORS[a.status] ?? 'gray'} variant="light">
              {label('allocationStatus', a.status)}
            </Badge>
          </Group>
        }>
        <Button component={Link} to="/partner" variant="default">
          {t('partnerHome.back')}
        </Button>
      </PageHeader>
      <Stack gap="md">
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
            <Field label={t('device.assetTag')}>
              <Ltr mono>{tag}</Ltr>
            </Field>
            <Field label={t('partnerHome.family')}>{b?.name}</Field>
            <Field label={t('beneficiary.phone')}>{b && <Ltr>{b.phone}</Ltr>}</Field>
            <Field label={t('allocation.reservedAt')}>{fmt.dateTime(a.createdAt)}</Field>
            {a.handedOverAt && <Field label={t('handover.date')}>{fmt.dateTime(a.handedOverAt)}</Field>}
            {a.receivedBy && <Field label={t('handover.receivedBy')}>{a.receivedBy}</Field>}
            {a.status === 'handed_over' && (
              <Field label={t('accessories.title')}>{accessoriesText(a.accessories, a.accessoriesNote)}</Field>
            )}
          </SimpleGrid>
        </Paper>
        <HandoverOutcome
          allocation={a}
          receiver={b?.name}
          doneActions={
            <Button component={Link} to="/partner/handover" variant="light" data-testid="record-another">
              {t('partnerHome.recordAnother')}
            </Button>
          }
        />
      </Stack>
    </>
  );
}
