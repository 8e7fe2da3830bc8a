import { Alert, Anchor, Button, Grid, Group, Select, Table } from '@mantine/core';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import { ALLOCATION_CHANGES, endpoints, keys } from '../../api/endpoints';
import { queryClient } from '../../api/queryClient';
import type { AllocateInput } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useEnumLabel } from '../../components/Labels';
import { DeviceIdentityCells } from '../../components/DeviceCells';
import { PageHeader } from '../../components/PageHeader';
import { usePrefs } from '../../prefs/PreferencesProvider';
import { PickOnePanel } from './PickOnePanel';
import { SuggestionList } from './SuggestionList';
import { useProgrammes } from './useProgrammes';
import { Busy } from '../../components/Busy';
import { TitledCard } from '../../components/TitledCard';

/**
 * Ready devices beside the waiting list, with the server's suggested pairs on top. A suggestion allocates in one click;
 * any other pair is picked by hand (one device, one beneficiary). The server decides: a device allocated by someone
 * else a moment ago is refused (409) and the lists reload.
 */
export default function AllocationBoardPage() {
  const { t, fmt } = usePrefs();
  const label = useEnumLabel();
  const [params] = useSearchParams();
  const programmes = useProgrammes();
  const [pickedProgramme, setProgrammeId] = useState<string | null>(null);
  const devices = useQuery(endpoints.devices.list({ status: 'ready', pageSize: 100 }));
  const waitlist = useQuery(endpoints.waitlist({ pageSize: 100 }));
  const suggestions = useQuery(endpoints.allocations.suggestions({ limit: 10 }));
  const [deviceId, setDeviceId] = useState<string | null>(params.get('deviceId'));
  const [beneficiaryId, setBeneficiaryId] = useState<string | null>(null);
  const allocation = useMutation({
    mutationFn: ({ input }: { input: AllocateInput; key: string }) => endpoints.allocations.create(input),
    meta: { invalidates: ALLOCATION_CHANGES },
    onSuccess: () => {
      setDeviceId(null);
      setBeneficiaryId(null);
    },
    // A refusal (the device was allocated by someone else a moment ago) reloads the lists too.
    onError: () =>
      Promise.all(
        [keys.devices, keys.waitlist, keys.allocations].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      ),
  });
  const busy = allocation.isPending ? allocation.variables.key : null;
  const made = allocation.data ?? null;

  // The newest programme is the one being filled, until the manager picks another.
  const newest = programmes.items.length ? String(programmes.items[programmes.items.length - 1].id) : null;
  const programmeId = pickedProgramme ?? newest;
  const names = new Map((waitlist.data?.items ?? []).map((i) => [i.beneficiary.id, i.beneficiary.name]));
  const allocate = (input: Omit<AllocateInput, 'programmeId'>, key: string) =>
    allocation.mutate({ input: { ...input, ...(programmeId ? { programmeId: Number(programmeId) } : {}) }, key });

  return (
    <>
      <PageHeader title={t('board.title')}>
        {(devices.isFetching || waitlist.isFetching || suggestions.isFetching) && <Busy />}
        <Select
          label={t('board.programme')}
          data={programmes.options}
          value={programmeId}
          onChange={setProgrammeId}
          w={220}
          placeholder={t('board.noProgramme')}
          clearable
        />
      </PageHeader>
      {made && (
        <Alert
          color="green"
          mb="md"
          role="status"
          data-testid="allocation-made"
          title={t('board.allocated', { tag: made.assetTag ?? '' })}>
          <Anchor component={Link} to={`/allocations/${made.id}`} data-testid="open-handover">
            {t('allocation.openHandover')}
          </Anchor>
        </Alert>
      )}
      {allocation.error && (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={allocation.error} />
        </div>
      )}
      <TitledCard title={t('board.suggestions')} mb="md">
        {suggestions.error ? (
          <ErrorAlert error={suggestions.error} onRetry={() => void suggestions.refetch()} />
        ) : (
          <SuggestionList
            suggestions={suggestions.data?.items ?? []}
            nameOf={(id) => names.get(id)}
            busyKey={busy}
            onAllocate={(s) =>
              allocate({ deviceId: s.deviceId, beneficiaryId: s.beneficiaryId }, `${s.deviceId}-${s.beneficiaryId}`)
            }
          />
        )}
      </TitledCard>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <PickOnePanel
            title={t('board.ready')}
            total={devices.data?.total ?? 0}
            error={devices.error}
            onRetry={() => void devices.refetch()}
            emptyText={t('board.noReady')}
            items={devices.data?.items ?? []}
            testId="ready-devices"
            value={deviceId}
            onChange={setDeviceId}
            pick={(d) => ({ value: String(d.id), label: d.assetTag })}
            cells={(d) => (
              <>
                <DeviceIdentityCells device={d} />
                <Table.Td>{d.grade ?? '—'}</Table.Td>
              </>
            )}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <PickOnePanel
            title={t('board.waiting')}
            total={waitlist.data?.total ?? 0}
            error={waitlist.error}
            onRetry={() => void waitlist.refetch()}
            emptyText={t('waitlist.empty')}
            items={waitlist.data?.items ?? []}
            testId="board-waitlist"
            value={beneficiaryId}
            onChange={setBeneficiaryId}
            pick={(i) => ({ value: String(i.beneficiary.id), label: i.beneficiary.name })}
            cells={(i) => (
              <>
                <Table.Td>{fmt.number(i.rank)}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/beneficiaries/${i.beneficiary.id}`}>
                    {i.beneficiary.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{label('need', i.beneficiary.need)}</Table.Td>
                <Table.Td fw={600}>{fmt.number(i.score)}</Table.Td>
              </>
            )}
          />
        </Grid.Col>
      </Grid>
      <Group justify="flex-end" mt="md">
        <Button
          disabled={!deviceId || !beneficiaryId || busy !== null}
          loading={busy === 'manual'}
          onClick={() => allocate({ deviceId: Number(deviceId), beneficiaryId: Number(beneficiaryId) }, 'manual')}>
          {t('board.allocateSelected')}
        </Button>
      </Group>
    </>
  );
}
