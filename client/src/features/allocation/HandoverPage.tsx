import { Anchor, Badge, Group, Paper, SimpleGrid, Stack } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../../api/endpoints';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { FullPageLoader } from '../../components/FullPageLoader';
import { useEnumLabel } from '../../components/Labels';
import { Ltr } from '../../components/Ltr';
import { PageHeader } from '../../components/PageHeader';
import { usePrefs } from '../../prefs/PreferencesProvider';
import { AppointmentCard } from './AppointmentCard';
import { HandoverOutcome } from './HandoverOutcome';
import { useAccessoriesText } from './AccessoriesChecklist';
import { useProgrammes } from './useProgrammes';

const STATUS_COLORS: Record<string, string> = { reserved: 'cyan', handed_over: 'green', cancelled: 'gray' };

/** One allocation: the device and the family, then the handover with a signature, or the certificate once done. */
export default function HandoverPage() {
  const { t, fmt } = usePrefs();
  const label = useEnumLabel();
  const { id } = useParams();
  const allocation = useQuery(endpoints.allocations.get(Number(id) || 0));
  const a = allocation.data;
  const beneficiary = useQuery({ ...endpoints.beneficiaries.get(a?.beneficiaryId ?? 0), enabled: Boolean(a) });
  const device = useQuery({ ...endpoints.devices.get(a?.deviceId ?? 0), enabled: Boolean(a) });
  const programmes = useProgrammes();
  const accessoriesText = useAccessoriesText();
  if (allocation.error && !a)
    return (
      <>
        <PageHeader title={t('handover.title')} />
        <ErrorAlert error={allocation.error} onRetry={() => void allocation.refetch()} />
      </>
    );
  if (!a) return <FullPageLoader />;
  const b = beneficiary.data;
  const d = device.data;
  const programme = programmes.items.find((p) => p.id === a.programmeId);
  return (
    <>
      <PageHeader
        title={
          <Group gap="sm" component="span">
            {t('handover.title')} <Ltr mono>{a.assetTag ?? `#${a.deviceId}`}</Ltr>
            <Badge color={STATUS_COLORS[a.status] ?? 'gray'} variant="light">
              {label('allocationStatus', a.status)}
            </Badge>
          </Group>
        }
      />
      <Stack gap="md">
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
            <Field label={t('device.assetTag')}>
              <Anchor component={Link} to={`/devices/${a.deviceId}`}>
                <Ltr mono>{a.assetTag}</Ltr>
              </Anchor>
            </Field>
            <Field label={t('device.model')}>
              {d && <Ltr>{[d.manufacturer, d.model].filter(Boolean).join(' ') || label('deviceType', d.type)}</Ltr>}
            </Field>
            <Field label={t('beneficiary.title')}>
              {b && (
                <Anchor component={Link} to={`/beneficiaries/${b.id}`}>
                  {b.name}
                </Anchor>
              )}
            </Field>
            <Field label={t('beneficiary.nationalId')}>{b && <Ltr mono>{b.nationalIdMasked}</Ltr>}</Field>
            <Field label={t('board.programme')}>{programme ? programmes.nameOf(programme) : null}</Field>
            <Field label={t('allocation.reservedAt')}>{fmt.dateTime(a.createdAt)}</Field>
            {a.handedOverAt && <Field label={t('handover.date')}>{fmt.dateTime(a.handedOverAt)}</Field>}
            {a.receivedBy && <Field label={t('handover.receivedBy')}>{a.receivedBy}</Field>}
            {a.status === 'handed_over' && (
              <Field label={t('accessories.title')}>{accessoriesText(a.accessories, a.accessoriesNote)}</Field>
            )}
            {a.batchId !== null && (
              <Field label={t('batches.one')}>
                <Anchor component={Link} to={`/batches/${a.batchId}`}>
                  {t('batches.open')}
                </Anchor>
              </Field>
            )}
          </SimpleGrid>
        </Paper>
        {a.status === 'reserved' && <AppointmentCard allocation={a} consent={b?.contactConsent} />}
        <HandoverOutcome allocation={a} receiver={b?.name} />
      </Stack>
    </>
  );
}
