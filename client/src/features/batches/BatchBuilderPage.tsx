import { Alert, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { BATCH_CHANGES, endpoints } from '../../api/endpoints';
import { distribution } from '../../api/distribution';
import type { BatchInput, BatchRecipientKind, BatchRefusalDto } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LabelledSegmentedControl } from '../../components/LabelledSegmentedControl';
import { Ltr } from '../../components/Ltr';
import { PageHeader } from '../../components/PageHeader';
import { TitledCard } from '../../components/TitledCard';
import { useServerForm } from '../../components/useServerForm';
import { usePrefs } from '../../prefs/PreferencesProvider';
import { useProgrammes } from '../allocation/useProgrammes';
import { usePartners } from '../beneficiaries/usePartners';
import { AddFromListModal } from './AddFromListModal';
import { PickedDeviceTable } from './PickedDeviceTable';
import { ScannerInput } from './ScannerInput';
import { usePicklist, type ScanNotice } from './usePicklist';

type Values = {
  kind: BatchRecipientKind;
  /** Nested like the server's paths, so `recipient.beneficiaryId` errors land on the picker. */
  recipient: { beneficiaryId: string | null; partnerId: string | null };
  programmeId: string | null;
  note: string;
};
const INITIAL: Values = {
  kind: 'institution',
  recipient: { beneficiaryId: null, partnerId: null },
  programmeId: null,
  note: '',
};
const KNOWN = ['kind', 'recipient', 'recipient.beneficiaryId', 'recipient.partnerId', 'programmeId', 'note'];

/** An unknown device id comes back as `deviceIds.3` (422 REFERENCE_NOT_FOUND): the 4th id sent. */
const DEVICE_PATH = /^deviceIds\.(\d+)$/;

function NoticeLine({ notice }: { notice: ScanNotice }) {
  const { t } = usePrefs();
  const code = <Ltr mono>{notice.code}</Ltr>;
  const text = {
    duplicate: t('batches.notice.duplicate'),
    notFound: t('batches.notice.notFound'),
    notDevice: t('batches.notice.notDevice'),
    error: t('batches.notice.error'),
  }[notice.kind];
  return (
    <Text size="sm" data-kind={notice.kind}>
      {code} — {text}
      {notice.message ? ` (${notice.message})` : ''}
    </Text>
  );
}

/**
 * A batch for one institution or partner association (spec §13): the recipient and programme, then devices scanned
 * one after another at a scanner's speed (or picked from the ready list), then one submit, all or none. A refusal
 * (409) marks each device the server would not take, with its reason, so they can be removed and the rest sent again.
 */
export default function BatchBuilderPage() {
  const { t } = usePrefs();
  const navigate = useNavigate();
  const picklist = usePicklist();
  const { devices } = picklist;
  const sent = useRef<number[]>([]);
  const [adding, setAdding] = useState(false);
  const programmes = useProgrammes();
  const partners = usePartners();
  const institutions = useQuery(
    // An institution may receive batch after batch until its request is met (allocated and served ones too).
    endpoints.beneficiaries.list({
      kind: 'institution',
      status: 'verified,waitlisted,allocated,served',
      pageSize: 200,
    }),
  );
  const required = t('validation.any.required');
  const { form, onSubmit, busy, error, unshown } = useServerForm({
    initialValues: INITIAL,
    validate: {
      recipient: {
        beneficiaryId: (v, values) => (values.kind === 'institution' && !v ? required : null),
        partnerId: (v, values) => (values.kind === 'partner' && !v ? required : null),
      },
      programmeId: (v) => (v ? null : required),
    },
    submit: (v) => {
      const ids = picklist.currentIds();
      sent.current = ids;
      const body: BatchInput = {
        recipient:
          v.kind === 'institution'
            ? { beneficiaryId: Number(v.recipient.beneficiaryId) }
            : { partnerId: Number(v.recipient.partnerId) },
        programmeId: Number(v.programmeId),
        deviceIds: ids,
        ...(v.note.trim() ? { note: v.note.trim() } : {}),
      };
      return distribution.batches.create(body);
    },
    invalidates: BATCH_CHANGES,
    known: KNOWN,
    onSuccess: (batch) => {
      void navigate(`/batches/${batch.id}`);
    },
    onError: (err) => {
      if (err.code === 'BATCH_DEVICES_UNAVAILABLE' && Array.isArray(err.details)) {
        picklist.markRefused(err.details as BatchRefusalDto[]);
      } else if (err.code === 'REFERENCE_NOT_FOUND') {
        const missing = Object.keys(err.fieldErrors)
          .map((p) => DEVICE_PATH.exec(p))
          .filter((m): m is RegExpExecArray => m !== null)
          .map((m) => sent.current[Number(m[1])])
          .filter((id) => id !== undefined);
        picklist.markRefused([], missing);
      }
    },
  });
  const already = useMemo(() => new Set(devices.map((d) => d.id)), [devices]);
  const refusedCount = devices.filter((d) => d.refusal).length;
  const refused = error?.code === 'BATCH_DEVICES_UNAVAILABLE';
  // The device paths of a 422 are shown on their rows, not in the alert's list.
  const unshownHere = unshown.filter((m) => !/^deviceIds/.test(m));
  const institutionId = form.values.recipient.beneficiaryId;
  const institution = institutions.data?.items.find((b) => String(b.id) === institutionId)?.institution;
  const outstanding = institution ? Math.max(0, institution.requestedDevices - institution.devicesReceived) : null;

  return (
    <>
      <PageHeader title={t('batches.new')} />
      <form onSubmit={onSubmit} noValidate data-testid="batch-builder">
        <Stack gap="md">
          {error &&
            (refused ? (
              <Alert color="red" title={t('batches.refusedTitle', { n: refusedCount })} data-testid="batch-refused">
                <Stack gap={6} align="flex-start">
                  <Text size="sm">{t('batches.refusedHint')}</Text>
                  <Button size="xs" color="red" variant="light" onClick={picklist.removeRefused}>
                    {t('batches.removeRefused', { n: refusedCount })}
                  </Button>
                </Stack>
              </Alert>
            ) : (
              <ErrorAlert error={error} unshown={unshownHere} />
            ))}
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
            <TitledCard title={t('batches.recipient')}>
              <Stack gap="sm">
                <LabelledSegmentedControl
                  id="batch-recipient-kind"
                  label={t('batches.recipientKind')}
                  fullWidth
                  {...form.getInputProps('kind')}
                  data={[
                    { value: 'institution', label: t('batches.kind.institution') },
                    { value: 'partner', label: t('batches.kind.partner') },
                  ]}
                />
                {form.values.kind === 'institution' ? (
                  <Select
                    key="institution"
                    label={t('batches.institution')}
                    required
                    searchable
                    name="recipient.beneficiaryId"
                    placeholder={t('batches.pickInstitution')}
                    nothingFoundMessage={t('batches.noInstitutions')}
                    data={(institutions.data?.items ?? []).map((b) => ({
                      value: String(b.id),
                      label: b.city ? `${b.name} — ${b.city}` : b.name,
                    }))}
                    {...form.getInputProps('recipient.beneficiaryId')}
                    description={
                      institution && outstanding !== null
                        ? t('batches.institutionNeed', {
                            requested: institution.requestedDevices,
                            received: institution.devicesReceived,
                            outstanding,
                          })
                        : undefined
                    }
                  />
                ) : (
                  <Select
                    key="partner"
                    label={t('batches.partner')}
                    required
                    searchable
                    name="recipient.partnerId"
                    placeholder={t('batches.pickPartner')}
                    description={t('batches.partnerHint')}
                    nothingFoundMessage={t('list.empty')}
                    data={partners.options}
                    {...form.getInputProps('recipient.partnerId')}
                  />
                )}
                <Select
                  label={t('board.programme')}
                  required
                  name="programmeId"
                  data={programmes.options}
                  allowDeselect={false}
                  {...form.getInputProps('programmeId')}
                />
                <Textarea
                  label={t('batches.note')}
                  name="note"
                  dir="auto"
                  // Not autosize: see the institution's justification (BeneficiaryFormPage).
                  rows={2}
                  {...form.getInputProps('note')}
                />
              </Stack>
            </TitledCard>
            <Paper withBorder p="md" className="nm-span-2">
              <Stack gap="sm">
                <ScannerInput
                  onCode={picklist.enqueue}
                  label={t('batches.scan')}
                  description={t('batches.scanHint')}
                  placeholder="NM000123"
                />
                <Group gap="sm" justify="space-between" wrap="wrap">
                  <Group gap="xs" wrap="wrap">
                    <Badge size="lg" variant="light" color="teal" data-testid="batch-count" data-count={devices.length}>
                      {t('batches.devicesN', { n: devices.length })}
                    </Badge>
                    <Text
                      size="sm"
                      c="dimmed"
                      role="status"
                      aria-live="polite"
                      data-testid="batch-pending"
                      data-pending={picklist.pending}>
                      {picklist.pending > 0 ? t('batches.pending', { n: picklist.pending }) : ''}
                    </Text>
                  </Group>
                  <Button variant="light" onClick={() => setAdding(true)} data-testid="add-from-list-open">
                    {t('batches.addFromList')}
                  </Button>
                </Group>
                {picklist.notices.length > 0 && (
                  <Alert color="yellow" variant="light" p="xs" data-testid="batch-notices">
                    <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                      <Stack gap={2}>
                        {picklist.notices.map((n) => (
                          <NoticeLine key={n.id} notice={n} />
                        ))}
                      </Stack>
                      <Button size="compact-xs" variant="subtle" color="gray" onClick={picklist.dismissNotices}>
                        {t('batches.dismiss')}
                      </Button>
                    </Group>
                  </Alert>
                )}
                {devices.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('batches.noDevicesYet')}
                  </Text>
                ) : (
                  <PickedDeviceTable devices={devices} onRemove={picklist.remove} />
                )}
              </Stack>
            </Paper>
          </SimpleGrid>
          <Paper withBorder p="md">
            <Group justify="space-between" wrap="wrap" gap="sm">
              <Text size="sm">
                {outstanding !== null && devices.length > outstanding
                  ? t('batches.moreThanNeeded', { n: devices.length, outstanding })
                  : t('batches.allOrNone')}
              </Text>
              <Group gap="xs">
                <Button variant="default" onClick={() => void navigate('/batches')}>
                  {t('action.cancel')}
                </Button>
                <Button
                  type="submit"
                  loading={busy}
                  disabled={devices.length === 0 || picklist.pending > 0}
                  data-testid="batch-submit">
                  {t('batches.create', { n: devices.length })}
                </Button>
              </Group>
            </Group>
          </Paper>
        </Stack>
      </form>
      {adding && <AddFromListModal onClose={() => setAdding(false)} onAdd={picklist.addMany} already={already} />}
    </>
  );
}
