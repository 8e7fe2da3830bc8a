import { Badge, Button, Drawer, Group, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { endpoints, keys } from '../../api/endpoints';
import type { WebhookEndpointDto } from '../../api/types';
import { Busy } from '../../components/Busy';
import { ErrorAlert } from '../../components/ErrorAlert';
import { IconPlus } from '../../components/icons';
import { Ltr } from '../../components/Ltr';
import { PageHeader } from '../../components/PageHeader';
import { PagedList } from '../../components/PagedList';
import { useQueryParams } from '../../components/useQueryParams';
import { usePrefs } from '../../prefs/PreferencesProvider';
import { WebhookFormModal } from './WebhookFormModal';

/**
 * Webhook endpoints (admin): where each event goes, whether it still does (an endpoint that failed too often in a row
 * is switched off, and says why here), and each endpoint's delivery log.
 */
export default function WebhooksPage() {
  const { t, fmt } = usePrefs();
  const { page, set } = useQueryParams([] as const);
  const list = useQuery(endpoints.webhooks.list({ page, pageSize: 50 }));
  const [adding, setAdding] = useState(false);
  const [log, setLog] = useState<WebhookEndpointDto | null>(null);
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: keys.webhooks });
  const toggle = useMutation({
    mutationFn: (e: WebhookEndpointDto) => endpoints.webhooks.update(e.id, { enabled: !e.enabled }),
    onSuccess: refresh,
  });
  const remove = useMutation({ mutationFn: (id: number) => endpoints.webhooks.remove(id), onSuccess: refresh });
  return (
    <>
      <PageHeader title={t('webhooks.title')}>
        {list.isFetching && <Busy />}
        <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
          {t('webhooks.new')}
        </Button>
      </PageHeader>
      {(toggle.error ?? remove.error) && <ErrorAlert error={(toggle.error ?? remove.error)!} />}
      <PagedList query={list} onPage={(p) => set({ page: p })} empty={t('webhooks.empty')}>
        {(items: WebhookEndpointDto[]) => (
          <div className="nm-table-wrap">
            <Table striped verticalSpacing="xs" data-testid="webhooks-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('webhooks.url')}</Table.Th>
                  <Table.Th>{t('webhooks.events')}</Table.Th>
                  <Table.Th>{t('webhooks.state')}</Table.Th>
                  <Table.Th>{t('webhooks.secret')}</Table.Th>
                  <Table.Th>
                    <span className="nm-sr">{t('webhooks.actions')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>
                      <Ltr>{e.url}</Ltr>
                    </Table.Td>
                    <Table.Td>
                      <Ltr>{e.events.join(', ')}</Ltr>
                    </Table.Td>
                    <Table.Td>
                      {e.enabled ? (
                        <Badge color="teal" variant="light">
                          {t('webhooks.enabled')}
                        </Badge>
                      ) : (
                        <>
                          <Badge color="red" variant="light">
                            {t('webhooks.disabled')}
                          </Badge>
                          {e.disabledReason && (
                            <Text size="xs" c="dimmed" mt={4}>
                              {fmt.dateTime(e.disabledAt)} · <Ltr>{e.disabledReason}</Ltr>
                            </Text>
                          )}
                        </>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Ltr>{e.secret}</Ltr>
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button size="compact-sm" variant="subtle" onClick={() => setLog(e)}>
                          {t('webhooks.deliveries')}
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="light"
                          loading={toggle.isPending && toggle.variables?.id === e.id}
                          onClick={() => toggle.mutate(e)}>
                          {t(e.enabled ? 'webhooks.disable' : 'webhooks.enable')}
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          loading={remove.isPending && remove.variables === e.id}
                          onClick={() => remove.mutate(e.id)}>
                          {t('webhooks.delete')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </PagedList>
      {adding && <WebhookFormModal onClose={() => setAdding(false)} />}
      {log && <DeliveryLog endpoint={log} onClose={() => setLog(null)} />}
    </>
  );
}

function DeliveryLog({ endpoint, onClose }: { endpoint: WebhookEndpointDto; onClose: () => void }) {
  const { t, fmt } = usePrefs();
  const [page, setPage] = useState(1);
  const list = useQuery(endpoints.webhooks.deliveries(endpoint.id, { page, pageSize: 50 }));
  return (
    <Drawer opened onClose={onClose} title={t('webhooks.deliveries')} size="xl" position="left">
      <Text size="sm" mb="sm">
        <Ltr>{endpoint.url}</Ltr>
      </Text>
      <PagedList query={list} onPage={setPage} empty={t('webhooks.noDeliveries')}>
        {(items) => (
          <Table verticalSpacing="xs" data-testid="webhook-deliveries">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('webhooks.at')}</Table.Th>
                <Table.Th>{t('webhooks.event')}</Table.Th>
                <Table.Th>{t('webhooks.attempt')}</Table.Th>
                <Table.Th>{t('webhooks.status')}</Table.Th>
                <Table.Th>{t('webhooks.latency')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td className="nm-nowrap">{fmt.dateTime(d.createdAt)}</Table.Td>
                  <Table.Td>
                    <Ltr>{d.event}</Ltr>
                  </Table.Td>
                  <Table.Td>{fmt.number(d.attempt)}</Table.Td>
                  <Table.Td>
                    <Ltr>{d.statusCode ?? d.error ?? '—'}</Ltr>
                  </Table.Td>
                  <Table.Td>{t('webhooks.ms', { n: d.latencyMs })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </PagedList>
    </Drawer>
  );
}
