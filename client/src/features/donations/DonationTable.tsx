import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { DonationDto } from '../../api/types';
import { DonationStatusBadge, useEnumLabel } from '../../components/Labels';
import { Ltr } from '../../components/Ltr';
import { usePrefs } from '../../prefs/PreferencesProvider';

export function DonationTable({ donations, showDonor = true }: { donations: DonationDto[]; showDonor?: boolean }) {
  const { t, fmt } = usePrefs();
  const label = useEnumLabel();
  if (donations.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t('list.empty')}
      </Text>
    );
  return (
    <div className="nm-table-wrap">
      <Table striped highlightOnHover verticalSpacing="xs" data-testid="donation-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('donation.code')}</Table.Th>
            {showDonor && <Table.Th>{t('donation.donor')}</Table.Th>}
            <Table.Th>{t('donation.channel')}</Table.Th>
            <Table.Th>{t('donation.status')}</Table.Th>
            <Table.Th>{t('donation.expected')}</Table.Th>
            <Table.Th>{t('donation.received')}</Table.Th>
            <Table.Th>{t('common.created')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {donations.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td className="nm-nowrap">
                <Anchor component={Link} to={`/donations/${d.id}`}>
                  <Ltr mono>{d.code}</Ltr>
                </Anchor>
              </Table.Td>
              {showDonor && <Table.Td>{d.donorName}</Table.Td>}
              <Table.Td>{label('channel', d.channel)}</Table.Td>
              <Table.Td>
                <DonationStatusBadge status={d.status} />
              </Table.Td>
              <Table.Td>{d.expectedCount === null ? '—' : fmt.number(d.expectedCount)}</Table.Td>
              <Table.Td>{fmt.number(d.receivedCount)}</Table.Td>
              <Table.Td className="nm-nowrap">{fmt.date(d.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
