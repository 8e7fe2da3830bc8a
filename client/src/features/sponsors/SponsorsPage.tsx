import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { connectivity } from '../../api/connectivity';
import type { SponsorDto } from '../../api/types';
import { Busy } from '../../components/Busy';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FullPageLoader } from '../../components/FullPageLoader';
import { IconPlus } from '../../components/icons';
import { Ltr } from '../../components/Ltr';
import { PageHeader } from '../../components/PageHeader';
import { TableScroll } from '../../components/TableScroll';
import { usePrefs } from '../../prefs/PreferencesProvider';
import { useLotText } from '../allocation/BundlePicker';
import { BundleReport } from '../reports/BundleReport';
import { BundleLotModal } from './BundleLotModal';
import { SponsorFormModal } from './SponsorFormModal';

/**
 * Connectivity sponsors (spec §14): each with its stock of SIM data bundles (received, left, given at handover) lot by
 * lot, a new sponsor, a new delivery of bundles; then the report of what was given, per sponsor, region and month.
 */
export default function SponsorsPage() {
  const { t } = usePrefs();
  const sponsors = useQuery(connectivity.sponsors.list());
  const [adding, setAdding] = useState(false);
  const [lotFor, setLotFor] = useState<SponsorDto | null>(null);
  const title = t('sponsors.title');
  if (sponsors.error && !sponsors.data)
    return (
      <>
        <PageHeader title={title} />
        <ErrorAlert error={sponsors.error} onRetry={() => void sponsors.refetch()} />
      </>
    );
  if (!sponsors.data) return <FullPageLoader />;
  const items = sponsors.data.items;
  return (
    <>
      <PageHeader title={title}>
        {sponsors.isFetching && <Busy />}
        <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)} data-testid="new-sponsor">
          {t('sponsors.new')}
        </Button>
      </PageHeader>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('sponsors.intro')}
        </Text>
        {items.length === 0 ? (
          <Paper withBorder p="md">
            <Text size="sm" c="dimmed" data-testid="sponsors-empty">
              {t('sponsors.empty')}
            </Text>
          </Paper>
        ) : (
          items.map((s) => <SponsorCard key={s.id} sponsor={s} onAddLot={() => setLotFor(s)} />)
        )}
        <BundleReport />
      </Stack>
      {adding && (
        <SponsorFormModal
          onClose={() => setAdding(false)}
          onSaved={(s) => {
            setAdding(false);
            // A new sponsor has nothing in stock yet: its first delivery is the next thing to record.
            setLotFor(s);
          }}
        />
      )}
      {lotFor && <BundleLotModal sponsor={lotFor} onClose={() => setLotFor(null)} />}
    </>
  );
}

function SponsorCard({ sponsor: s, onAddLot }: { sponsor: SponsorDto; onAddLot: () => void }) {
  const { t, fmt } = usePrefs();
  const lotText = useLotText();
  return (
    <Paper withBorder p="md" data-testid="sponsor-card">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm" mb="xs">
        <div>
          <Title order={2} fz="lg">
            {s.name}
            {s.nameLatin && (
              <Text span c="dimmed" fz="sm" ms={8}>
                <Ltr>{s.nameLatin}</Ltr>
              </Text>
            )}
          </Title>
          {(s.contactPerson || s.phone) && (
            <Text size="sm" c="dimmed">
              {s.contactPerson}
              {s.contactPerson && s.phone && t('common.listSep')}
              {s.phone && <Ltr>{s.phone}</Ltr>}
            </Text>
          )}
        </div>
        <Button variant="light" leftSection={<IconPlus size={16} />} onClick={onAddLot} data-testid="add-lot">
          {t('sponsors.addLot')}
        </Button>
      </Group>
      <Group gap="xs" mb="sm" wrap="wrap" data-testid="sponsor-stock">
        <Badge variant="light" color="gray" size="lg">
          {t('sponsors.received', { n: s.received })}
        </Badge>
        <Badge variant="light" color={s.remaining > 0 ? 'teal' : 'red'} size="lg">
          {t('sponsors.remaining', { n: s.remaining })}
        </Badge>
        <Badge variant="light" color="blue" size="lg">
          {t('sponsors.distributed', { n: s.distributed })}
        </Badge>
      </Group>
      {s.lots.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('sponsors.noLots')}
        </Text>
      ) : (
        <TableScroll label={t('sponsors.lotsOf', { name: s.name })} compact>
          <Table striped verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sponsors.lot')}</Table.Th>
                <Table.Th>{t('lot.received')}</Table.Th>
                <Table.Th>{t('lot.remaining')}</Table.Th>
                <Table.Th>{t('lot.date')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.lots.map((l) => (
                <Table.Tr key={l.id}>
                  <Table.Td>{lotText(l)}</Table.Td>
                  <Table.Td>{fmt.number(l.received)}</Table.Td>
                  <Table.Td>{fmt.number(l.remaining)}</Table.Td>
                  <Table.Td className="nm-nowrap">{fmt.date(l.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Paper>
  );
}
