import { Button, Checkbox, Group, Modal, Select, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { endpoints } from '../../api/endpoints';
import type { DeviceDto } from '../../api/types';
import { DEVICE_TYPES } from '../../api/types';
import { deviceModelName } from '../../components/DeviceCells';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useEnumLabel } from '../../components/Labels';
import { Ltr } from '../../components/Ltr';
import { Pager } from '../../components/Pager';
import { SearchInput } from '../../components/SearchInput';
import { TableScroll } from '../../components/TableScroll';
import { useEnumOptions } from '../../components/useEnumOptions';
import { useT } from '../../prefs/PreferencesProvider';

const PAGE_SIZE = 50;

/**
 * Ready devices from the list (GET /api/devices?status=ready), filtered by text and type, ticked and added to the
 * batch; those already on it are shown ticked and cannot be added twice.
 */
export function AddFromListModal({
  onClose,
  onAdd,
  already,
}: {
  onClose: () => void;
  onAdd: (devices: DeviceDto[]) => void;
  already: ReadonlySet<number>;
}) {
  const t = useT();
  const label = useEnumLabel();
  const options = useEnumOptions();
  const [q, setQ] = useState('');
  const [type, setType] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [picked, setPicked] = useState<Map<number, DeviceDto>>(new Map());
  const list = useQuery({
    ...endpoints.devices.list({ status: 'ready', q, type, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const items = list.data?.items ?? [];
  const selectable = items.filter((d) => !already.has(d.id));
  const allPicked = selectable.length > 0 && selectable.every((d) => picked.has(d.id));
  const toggle = (d: DeviceDto, on: boolean) =>
    setPicked((m) => {
      const next = new Map(m);
      if (on) next.set(d.id, d);
      else next.delete(d.id);
      return next;
    });
  return (
    <Modal opened onClose={onClose} title={t('batches.addFromList')} size="xl" centered>
      <Stack gap="sm" data-testid="add-from-list">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <SearchInput
            label={t('list.search')}
            placeholder={t('device.searchHint')}
            value={q}
            onChange={(v) => {
              setQ(v);
              setPage(1);
            }}
          />
          <Select
            label={t('device.type')}
            placeholder={t('list.all')}
            clearable
            data={options('deviceType', DEVICE_TYPES)}
            value={type}
            onChange={(v) => {
              setType(v);
              setPage(1);
            }}
            w={170}
          />
        </Group>
        {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
        {list.data && items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('board.noReady')}
          </Text>
        )}
        {items.length > 0 && (
          <TableScroll label={t('batches.addFromList')}>
            <Table verticalSpacing={4} striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={40}>
                    <Checkbox
                      aria-label={t('batches.pickAll')}
                      checked={allPicked}
                      indeterminate={!allPicked && selectable.some((d) => picked.has(d.id))}
                      onChange={(e) => {
                        const on = e.currentTarget.checked;
                        for (const d of selectable) toggle(d, on);
                      }}
                    />
                  </Table.Th>
                  <Table.Th>{t('device.assetTag')}</Table.Th>
                  <Table.Th>{t('device.type')}</Table.Th>
                  <Table.Th>{t('device.model')}</Table.Th>
                  <Table.Th>{t('device.grade')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((d) => {
                  const on = already.has(d.id) || picked.has(d.id);
                  return (
                    <Table.Tr key={d.id}>
                      <Table.Td>
                        <Checkbox
                          aria-label={d.assetTag}
                          checked={on}
                          disabled={already.has(d.id)}
                          onChange={(e) => toggle(d, e.currentTarget.checked)}
                        />
                      </Table.Td>
                      <Table.Td className="nm-nowrap">
                        <Ltr mono>{d.assetTag}</Ltr>
                      </Table.Td>
                      <Table.Td>{label('deviceType', d.type)}</Table.Td>
                      <Table.Td>
                        <Ltr>{deviceModelName(d)}</Ltr>
                      </Table.Td>
                      <Table.Td>{d.grade ?? '—'}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
        {list.data && <Pager total={list.data.total} page={list.data.page} pageSize={PAGE_SIZE} onPage={setPage} />}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('action.cancel')}
          </Button>
          <Button
            disabled={picked.size === 0}
            onClick={() => {
              onAdd([...picked.values()]);
              onClose();
            }}
            data-testid="add-picked">
            {t('batches.addPicked', { n: picked.size })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
