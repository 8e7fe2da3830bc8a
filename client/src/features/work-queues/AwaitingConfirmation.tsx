import { Anchor, Badge, Group, Paper, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../../api/endpoints';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useEnumLabel } from '../../components/Labels';
import { Ltr } from '../../components/Ltr';
import { TableScroll } from '../../components/TableScroll';
import { usePrefs } from '../../prefs/PreferencesProvider';
import { SanitizationDecision } from '../devices/tools/SanitizationDecision';

/**
 * Spec §10: the wipe records colleagues typed by hand naming the signed-in user as verifier. They do not count until
 * confirmed here (or on the device's page) by that user; a rejection asks why.
 */
export function AwaitingConfirmation() {
  const { t, fmt } = usePrefs();
  const label = useEnumLabel();
  const { data, error, refetch } = useQuery(endpoints.sanitizations.list({ awaiting: 'me', pageSize: 50 }));
  const reload = () => void refetch();
  return (
    <Paper withBorder p="md" mb="md" data-testid="awaiting-confirmation">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={2} fz="lg">
          {t('wipe.awaitingTitle')}
        </Title>
        <Badge size="lg" variant="light" color={data?.total ? 'yellow' : 'gray'}>
          {fmt.number(data?.total ?? 0)}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed" mb="xs">
        {t('wipe.awaitingIntro')}
      </Text>
      {error !== null && <ErrorAlert error={error} onRetry={reload} />}
      {data && data.items.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('wipe.awaitingEmpty')}
        </Text>
      )}
      {data && data.items.length > 0 && (
        <TableScroll label={t('wipe.awaitingTitle')}>
          <Table verticalSpacing={4} highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('device.assetTag')}</Table.Th>
                <Table.Th>{t('drive.serial')}</Table.Th>
                <Table.Th>{t('wipe.method')}</Table.Th>
                <Table.Th>{t('wipe.result')}</Table.Th>
                <Table.Th>{t('wipe.operator')}</Table.Th>
                <Table.Th>{t('wipe.finishedAt')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((r) => (
                <Table.Tr key={r.id} data-testid={`awaiting-${r.id}`}>
                  <Table.Td className="nm-nowrap">
                    <Anchor component={Link} to={`/devices/${r.deviceId}`}>
                      <Ltr mono>{r.assetTag}</Ltr>
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Ltr mono>{r.driveSerial}</Ltr>
                  </Table.Td>
                  <Table.Td>
                    {label('wipeMethod', r.method)} · {label('technique', r.technique)} · <Ltr>{r.tool}</Ltr>
                  </Table.Td>
                  <Table.Td>{label('wipeResult', r.result)}</Table.Td>
                  <Table.Td>{r.operatorName ?? '—'}</Table.Td>
                  <Table.Td className="nm-nowrap">{fmt.dateTime(r.finishedAt ?? r.createdAt)}</Table.Td>
                  <Table.Td>
                    <SanitizationDecision record={r} onDecided={reload} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Paper>
  );
}
