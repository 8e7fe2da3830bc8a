import { Alert, Anchor, Badge, Button, Group, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { endpoints, keys } from '../../api/endpoints';
import { OUTBOX_CHANNELS, type OutboxMessageDto, type OutboxStatus } from '../../api/types';
import { Busy } from '../../components/Busy';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useEnumLabel } from '../../components/Labels';
import { Ltr } from '../../components/Ltr';
import { PageHeader } from '../../components/PageHeader';
import { PagedList } from '../../components/PagedList';
import { useEnumOptions } from '../../components/useEnumOptions';
import { useQueryParams } from '../../components/useQueryParams';
import { usePrefs } from '../../prefs/PreferencesProvider';

const KEYS = ['status', 'channel'] as const;
const STATUS_COLORS: Record<OutboxStatus, string> = { pending: 'yellow', sending: 'blue', sent: 'teal', dead: 'red' };
const FILTERS = ['all', 'pending', 'sending', 'sent', 'dead'] as const;

/**
 * Everything Nimah sends (admin): what waits, what went, the dead letters with their reason and a retry, and for
 * each channel that cannot send, why (e.g. no SMTP server set).
 */
export default function OutboxPage() {
  const { t, fmt } = usePrefs();
  const label = useEnumLabel();
  const options = useEnumOptions();
  const { values, page, set } = useQueryParams(KEYS);
  const list = useQuery(endpoints.outbox.list({ ...values, page, pageSize: 50 }));
  const client = useQueryClient();
  const retry = useMutation({
    mutationFn: (id: number) => endpoints.outbox.retry(id),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.outbox }),
  });
  const waiting = list.data?.channels.filter((c) => c.unavailable !== null) ?? [];
  // Endpoints switched off after failing too often in a row: the admin's notice (their messages are dead letters).
  const hooks = useQuery(endpoints.webhooks.list({ page: 1, pageSize: 200 }));
  const switchedOff = hooks.data?.items.filter((e) => e.disabledAfterFailures) ?? [];
  const counts = list.data?.counts;
  return (
    <>
      <PageHeader title={t('outbox.title')}>{list.isFetching && <Busy />}</PageHeader>
      <Stack gap="sm" mb="md">
        {waiting.map((c) => (
          <Alert
            key={c.channel}
            color="yellow"
            title={t('outbox.channelWaiting', { channel: label('outboxChannel', c.channel) })}>
            <Ltr>{c.unavailable}</Ltr>
          </Alert>
        ))}
        {switchedOff.map((e) => (
          <Alert key={`hook-${e.id}`} color="red" title={t('outbox.webhookOff')}>
            <Text size="sm">
              <Ltr>{e.url}</Ltr>
            </Text>
            <Text size="xs" c="dimmed">
              {fmt.dateTime(e.disabledAt)} · <Ltr>{e.disabledReason}</Ltr>
            </Text>
            <Anchor component={Link} to="/webhooks" size="sm">
              {t('outbox.webhookOffOpen')}
            </Anchor>
          </Alert>
        ))}
        {retry.error && <ErrorAlert error={retry.error} />}
      </Stack>
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        <SegmentedControl
          aria-label={t('outbox.status')}
          value={values.status || 'all'}
          onChange={(v) => set({ status: v === 'all' ? '' : v })}
          data={FILTERS.map((f) => ({
            value: f,
            label:
              f === 'all' ? t('list.all') : `${label('outboxStatus', f)}${counts ? ` (${fmt.number(counts[f])})` : ''}`,
          }))}
        />
        <Select
          label={t('outbox.channel')}
          placeholder={t('list.all')}
          clearable
          data={options('outboxChannel', OUTBOX_CHANNELS)}
          value={values.channel || null}
          onChange={(channel) => set({ channel })}
          w={170}
        />
      </Group>
      <PagedList query={list} onPage={(p) => set({ page: p })} empty={t('outbox.empty')}>
        {(items: OutboxMessageDto[]) => (
          <div className="nm-table-wrap">
            <Table striped verticalSpacing="xs" data-testid="outbox-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('outbox.createdAt')}</Table.Th>
                  <Table.Th>{t('outbox.channel')}</Table.Th>
                  <Table.Th>{t('outbox.topic')}</Table.Th>
                  <Table.Th>{t('outbox.recipient')}</Table.Th>
                  <Table.Th>{t('outbox.status')}</Table.Th>
                  <Table.Th>{t('outbox.attempts')}</Table.Th>
                  <Table.Th>{t('outbox.when')}</Table.Th>
                  <Table.Th>
                    <span className="nm-sr">{t('outbox.retry')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td className="nm-nowrap">{fmt.dateTime(m.createdAt)}</Table.Td>
                    <Table.Td>{label('outboxChannel', m.channel)}</Table.Td>
                    <Table.Td>
                      <Ltr>{m.topic}</Ltr>
                    </Table.Td>
                    <Table.Td>
                      <Ltr>{m.recipientMasked}</Ltr>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLORS[m.status]} variant="light">
                        {label('outboxStatus', m.status)}
                      </Badge>
                      {m.lastError && (
                        <Text size="xs" c="dimmed" mt={4}>
                          <Ltr>{m.lastError}</Ltr>
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{fmt.number(m.attempts)}</Table.Td>
                    <Table.Td className="nm-nowrap">
                      {m.status === 'sent'
                        ? fmt.dateTime(m.sentAt)
                        : m.status !== 'pending'
                          ? '—'
                          : waiting.some((c) => c.channel === m.channel)
                            ? t('outbox.channelOff')
                            : t('outbox.nextTry', { when: fmt.dateTime(m.nextAttemptAt) })}
                    </Table.Td>
                    <Table.Td>
                      {(m.status === 'dead' || m.status === 'pending') && (
                        <Button
                          size="compact-sm"
                          variant="light"
                          loading={retry.isPending && retry.variables === m.id}
                          onClick={() => retry.mutate(m.id)}>
                          {t('outbox.retry')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </PagedList>
    </>
  );
}
