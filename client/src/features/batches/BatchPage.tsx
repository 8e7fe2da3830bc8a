import { Alert, Anchor, Button, Divider, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { endpoints } from '../../api/endpoints';
import { distribution } from '../../api/distribution';
import { MANAGERS } from '../../api/types';
import { useUser } from '../../auth/AuthProvider';
import { deviceModelName } from '../../components/DeviceCells';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { FullPageLoader } from '../../components/FullPageLoader';
import { useEnumLabel } from '../../components/Labels';
import { Ltr } from '../../components/Ltr';
import { PageHeader } from '../../components/PageHeader';
import { useRegionName } from '../../components/RegionFields';
import { TableScroll } from '../../components/TableScroll';
import { TitledCard } from '../../components/TitledCard';
import { usePrefs } from '../../prefs/PreferencesProvider';
import { useAccessoriesText } from '../allocation/AccessoriesChecklist';
import { useProgrammes } from '../allocation/useProgrammes';
import { BatchHandoverForm } from './BatchHandoverForm';
import { BatchStatusBadge } from './BatchStatusBadge';
import { CancelBatch } from './CancelBatch';
import { isolate } from '../../i18n/isolate';

/**
 * One batch: who it is for, its devices, the delivery note to print and sign, then the handover with one signature
 * (managers) or the cancellation of the whole batch; an institution's handover certificate once it is handed over.
 */
export default function BatchPage() {
  const { t, fmt } = usePrefs();
  const label = useEnumLabel();
  const regionName = useRegionName();
  const accessoriesText = useAccessoriesText();
  const user = useUser();
  const manager = MANAGERS.includes(user.role);
  const { id } = useParams();
  const query = useQuery(distribution.batches.get(Number(id) || 0));
  const b = query.data;
  const institutionId = b?.recipient.kind === 'institution' ? b.recipient.beneficiaryId : null;
  // The receiving contact is the first guess for who signs: the institution's contact person, or the partner's.
  const institution = useQuery({
    ...endpoints.beneficiaries.get(institutionId ?? 0),
    enabled: manager && institutionId !== null && b?.status === 'reserved',
  });
  const partners = useQuery({
    ...endpoints.partners.list({ pageSize: 200 }),
    enabled: manager && b?.recipient.kind === 'partner' && b.status === 'reserved',
  });
  const programmes = useProgrammes();
  if (query.error && !b)
    return (
      <>
        <PageHeader title={t('batches.one')} />
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  if (!b) return <FullPageLoader />;
  const programme = programmes.items.find((p) => p.id === b.programmeId);
  const contact =
    b.recipient.kind === 'institution'
      ? (institution.data?.institution?.contactPerson ?? '')
      : (partners.data?.items.find((p) => p.id === b.recipient.partnerId)?.contactPerson ?? '');
  const ready = b.recipient.kind === 'institution' ? !institution.isLoading : !partners.isLoading;
  return (
    <>
      <PageHeader
        title={
          <Group gap="sm" component="span">
            {t('batches.one')} <Ltr mono>{b.code}</Ltr>
            <BatchStatusBadge status={b.status} />
          </Group>
        }>
        <Button
          component="a"
          href={distribution.batches.deliveryNoteUrl(b.id)}
          target="_blank"
          rel="noopener"
          variant="light"
          data-testid="delivery-note-link">
          {t('batches.deliveryNote')}
        </Button>
      </PageHeader>
      <Stack gap="md">
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
            <Field label={t(`batches.kind.${b.recipient.kind}`)}>
              {manager && institutionId !== null ? (
                <Anchor component={Link} to={`/beneficiaries/${institutionId}`}>
                  {b.recipient.name}
                </Anchor>
              ) : (
                b.recipient.name
              )}
            </Field>
            <Field label={t('beneficiary.city')}>
              {[b.recipient.city, regionName(b.recipient.regionCode)].filter(Boolean).join(t('common.listSep'))}
            </Field>
            <Field label={t('board.programme')}>{programme ? programmes.nameOf(programme) : null}</Field>
            <Field label={t('batches.deviceCount')}>{t('batches.devicesN', { n: b.deviceCount })}</Field>
            <Field label={t('common.created')}>{fmt.dateTime(b.createdAt)}</Field>
            {b.handedOverAt && <Field label={t('handover.date')}>{fmt.dateTime(b.handedOverAt)}</Field>}
            {b.receivedBy && <Field label={t('batches.receivedBy')}>{b.receivedBy}</Field>}
            {b.status === 'handed_over' && (
              <Field label={t('accessories.title')}>{accessoriesText(b.accessories, b.accessoriesNote)}</Field>
            )}
          </SimpleGrid>
          {b.note && (
            <Text size="sm" mt="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
              {b.note}
            </Text>
          )}
        </Paper>
        {b.status === 'reserved' && manager && (
          <TitledCard title={t('batches.handoverTitle')}>
            <Text size="sm" c="dimmed" mb="sm">
              {b.recipient.kind === 'partner' ? t('batches.handoverPartnerHint') : t('batches.handoverInstitutionHint')}
            </Text>
            {ready ? <BatchHandoverForm batch={b} defaultReceiver={contact} /> : <FullPageLoader />}
            <Divider my="md" />
            <CancelBatch batchId={b.id} deviceCount={b.deviceCount} />
          </TitledCard>
        )}
        {b.status === 'handed_over' && (
          <Alert color="green" title={t('batches.handedOver')} data-testid="batch-handed-over">
            <Stack gap={6}>
              {b.recipient.kind === 'partner' && (
                <Text size="sm">{t('batches.inCustody', { partner: isolate(b.recipient.name) })}</Text>
              )}
              {b.certificateCode && (
                <>
                  <Text size="sm">
                    {t('handover.certificateCode')}: <Ltr mono>{b.certificateCode}</Ltr>
                  </Text>
                  <Group gap="sm" wrap="wrap">
                    <Button
                      component="a"
                      href={distribution.batches.certificateUrl(b.id)}
                      target="_blank"
                      rel="noopener"
                      data-testid="batch-certificate-link">
                      {t('handover.openCertificate')}
                    </Button>
                    {/* A full page load: the server renders /verify/<code>; the app's router must not catch it. */}
                    <Anchor href={`/verify/${b.certificateCode}`} target="_blank" rel="noopener" size="sm">
                      {t('handover.verifyPage')}
                    </Anchor>
                  </Group>
                </>
              )}
            </Stack>
          </Alert>
        )}
        {b.status === 'cancelled' && (
          <Alert color="gray" title={t('batchStatus.cancelled')} data-testid="batch-cancelled">
            {b.cancelReason}
          </Alert>
        )}
        <TitledCard title={t('batches.devicesN', { n: b.devices.length })}>
          <TableScroll label={t('batches.devices')}>
            <Table verticalSpacing={4} striped data-testid="batch-page-devices">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={48}>#</Table.Th>
                  <Table.Th>{t('device.assetTag')}</Table.Th>
                  <Table.Th>{t('device.type')}</Table.Th>
                  <Table.Th>{t('device.model')}</Table.Th>
                  <Table.Th>{t('device.serial')}</Table.Th>
                  {manager && b.recipient.kind === 'institution' && <Table.Th>{t('batches.allocation')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {b.devices.map((d, i) => (
                  <Table.Tr key={d.deviceId}>
                    <Table.Td c="dimmed">{i + 1}</Table.Td>
                    <Table.Td className="nm-nowrap">
                      <Anchor component={Link} to={`/devices/${d.deviceId}`}>
                        <Ltr mono>{d.assetTag}</Ltr>
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{label('deviceType', d.type)}</Table.Td>
                    <Table.Td>
                      <Ltr>{deviceModelName(d)}</Ltr>
                    </Table.Td>
                    <Table.Td>{d.serialNumber ? <Ltr mono>{d.serialNumber}</Ltr> : '—'}</Table.Td>
                    {manager && b.recipient.kind === 'institution' && (
                      <Table.Td>
                        {d.allocationId ? (
                          <Anchor component={Link} to={`/allocations/${d.allocationId}`} size="sm">
                            {t('action.open')}
                          </Anchor>
                        ) : (
                          '—'
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        </TitledCard>
      </Stack>
    </>
  );
}
